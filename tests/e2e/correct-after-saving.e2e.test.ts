import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { typeDate } from './support/agreement-steps';
import { expectLocator } from './support/locator-expect';

/** The text of a document as printed: rendered by the real service, read back with pdftotext. */
async function printedText(
  page: Page,
  caseId: number,
  kind: 'APPLICATION' | 'CORRECTION_HISTORY' = 'APPLICATION',
): Promise<string> {
  const doc = await callApi(page, 'documents.render', {
    caseId,
    kind,
    recordId: null,
    allowMissingGlyphs: true,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-print-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return text.replace(/\s+/gu, '');
}

/**
 * Issue 8, must-have 9: a reception desk saved a respondent with a misspelt name and the wrong
 * gender. The mediator corrects both from the case page with the intake's own card; the
 * timeline shows who changed what and why, and the reprinted application shows the correction.
 */
describe('correcting a party after saving (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('corrects a wrong gender and a misspelt name; documents and timeline follow', async () => {
    desk = await openDesk(browser(), 'correct');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      const saved = await callApi(page, 'cases.create', {
        intakeDate: '2026-03-02',
        source: 'ON_APPLICATION',
        category: 'NEIGHBOUR',
        summary: '两家因院墙排水发生争执。',
        requests: ['改造排水沟'],
        riskLevel: 'LOW',
        parties: [
          {
            kind: 'NATURAL',
            role: 'APPLICANT',
            name: '王芳',
            gender: 'FEMALE',
            ethnicity: '01',
            birthDate: '1985-07-04',
            phone: { phone: '13800001234' },
            address: '金峰村一组',
            idDocument: null,
          },
          {
            kind: 'NATURAL',
            role: 'RESPONDENT',
            name: '扎西多杰',
            gender: 'FEMALE',
            ethnicity: '04',
            birthDate: '1979-02-11',
            phone: { phone: '13900005678' },
            address: '金峰村二组',
            idDocument: null,
          },
        ],
      });
      const caseId = saved.case.id;
      const respondent = saved.case.parties[1]!;
      const before = await printedText(page, caseId);
      expect(before).toContain('扎西多杰');

      await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}`);
      await page.getByTestId('case-title').waitFor();
      await expectLocator(page.getByTestId('case-title')).toContainText('扎西多杰');
      await page.getByTestId(`correct-party-${respondent.id}`).click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('correction-documents').waitFor();
      const name = dialog.locator('#party-edit_parties_0_name');
      // Saved without an ID document: the number is not marked as required until a type is chosen.
      const idNumberLabel = dialog.locator('label[for="party-edit_parties_0_idDocument_number"]');
      await idNumberLabel.waitFor();
      expect(await idNumberLabel.getAttribute('class')).not.toContain('ant-form-item-required');
      await name.fill('扎西多吉');
      await pick(page, dialog.locator('#party-edit_parties_0_gender'), '男');
      // An identity field without a reason is refused in the dialog.
      await dialog
        .getByRole('button', { name: '保 存' })
        .or(dialog.getByRole('button', { name: '保存' }))
        .click();
      await dialog.getByText('请写明更正原因').waitFor();
      await dialog.getByTestId('party-edit-reason').fill('登记时录错姓名和性别，已核对户口簿');
      await screenshot(page, 'correct-party-dialog');
      await dialog
        .getByRole('button', { name: '保 存' })
        .or(dialog.getByRole('button', { name: '保存' }))
        .click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // The title follows the corrected name; the timeline shows the change and its reason.
      await expectLocator(page.getByTestId('case-title')).toContainText('扎西多吉');
      const timeline = page.getByTestId('case-timeline');
      await expectLocator(timeline).toContainText('更正当事人 扎西多吉');
      await expectLocator(timeline).toContainText('姓名（名称）：扎西多杰 → 扎西多吉');
      await expectLocator(timeline).toContainText('性别：女 → 男');
      await expectLocator(timeline).toContainText('原因：登记时录错姓名和性别，已核对户口簿');
      // In the order they were saved: the name first, then the title that followed it.
      const timelineText = await timeline.innerText();
      expect(timelineText.indexOf('更正当事人 扎西多吉')).toBeLessThan(
        timelineText.indexOf('更正案件信息'),
      );
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, 'correct-party-timeline');

      const after = await printedText(page, caseId);
      expect(after).toContain('扎西多吉');
      expect(after).not.toContain('扎西多杰');
      const history = await callApi(page, 'cases.history', { caseId });
      expect(history.some((h) => h.reason === '登记时录错姓名和性别，已核对户口簿')).toBe(true);

      // The case's own details are corrected with the intake's block, with the same checks.
      await page.getByTestId('edit-case').click();
      await modalSettled(page);
      const caseDialog = page.getByTestId('case-edit-modal');
      await caseDialog.getByTestId('correction-documents').waitFor();
      const summaryBox = caseDialog.locator('#case-edit_summary');
      await summaryBox.fill('');
      await caseDialog
        .getByRole('button', { name: '保 存' })
        .or(caseDialog.getByRole('button', { name: '保存' }))
        .click();
      await caseDialog.getByText('纠纷简要情况').first().waitFor();
      await expectLocator(caseDialog.locator('.ant-form-item-explain-error').first()).toContainText(
        '纠纷简要情况',
      );
      await summaryBox.fill('两家因院墙排水和房屋滴水发生争执。');
      await pick(page, caseDialog.locator('#case-edit_category'), '婚姻家庭纠纷');
      await caseDialog.getByTestId('case-edit-reason').fill('登记时选错纠纷类型');
      await screenshot(page, 'correct-case-dialog');
      await caseDialog
        .getByRole('button', { name: '保 存' })
        .or(caseDialog.getByRole('button', { name: '保存' }))
        .click();
      await caseDialog.waitFor({ state: 'detached' });
      await expectLocator(timeline).toContainText('纠纷类型：邻里纠纷 → 婚姻家庭纠纷');
      await expectLocator(timeline).toContainText('原因：登记时选错纠纷类型');
      const corrected = await callApi(page, 'cases.get', { caseId });
      expect(corrected.category).toBe('MARRIAGE_FAMILY');
      expect(corrected.summary).toBe('两家因院墙排水和房屋滴水发生争执。');
      expect(corrected.requests).toEqual(['改造排水沟']);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('corrects the 受理日期 into another year: the number follows; the correction record prints', async () => {
    desk = await openDesk(browser(), 'correct-dates');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '金峰');
      const saved = await callApi(page, 'cases.create', {
        intakeDate: '2026-03-02',
        source: 'ON_APPLICATION',
        category: 'NEIGHBOUR',
        summary: '两家因院墙排水发生争执。',
        riskLevel: 'LOW',
        parties: ['王芳', '李强'].map((name, i) => ({
          kind: 'NATURAL',
          role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
          name,
          gender: i === 0 ? 'FEMALE' : 'MALE',
          ethnicity: '01',
          birthDate: '1980-01-01',
          phone: { phone: `1380000123${i}` },
          address: '金峰村一组',
          idDocument: null,
        })),
      });
      const accepted = await callApi(page, 'cases.transition', {
        caseId: saved.case.id,
        expectedVersion: saved.case.version,
        input: { action: 'ACCEPT', acceptedDate: '2026-03-03' },
      });
      const oldNumber = accepted.caseNumber ?? '';
      expect(oldNumber).toMatch(/^（2026）/u);

      await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${accepted.id}`);
      await page.getByTestId('case-title').waitFor();
      await page.getByTestId('edit-case').click();
      await modalSettled(page);
      const dialog = page.getByTestId('case-edit-modal');
      await dialog.getByTestId('correction-documents').waitFor();
      // Accepted before it was registered: marked at the box while typing.
      await typeDate(page, dialog.locator('#case-edit_acceptedDate'), '2025-12-31');
      await expectLocator(dialog.locator('.ant-form-item-explain-error').first()).toContainText(
        '不能早于登记日期',
      );
      await typeDate(page, dialog.locator('#case-edit_intakeDate'), '2025-12-30');
      await expect
        .poll(() => dialog.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 })
        .toBe(0);
      // A date correction needs a reason.
      await dialog
        .getByRole('button', { name: '保 存' })
        .or(dialog.getByRole('button', { name: '保存' }))
        .click();
      await dialog.getByText('更正登记日期或受理日期时，请写明更正原因').waitFor();
      await dialog.getByTestId('case-edit-reason').fill('按申请书日期更正，实际于 2025 年底受理');
      await dialog.locator('#case-edit_intakeDate').scrollIntoViewIfNeeded();
      await screenshot(page, 'correct-dates-dialog');
      await dialog
        .getByRole('button', { name: '保 存' })
        .or(dialog.getByRole('button', { name: '保存' }))
        .click();
      await dialog.waitFor({ state: 'detached' });

      const corrected = await callApi(page, 'cases.get', { caseId: accepted.id });
      expect(corrected.acceptedDate).toBe('2025-12-31');
      expect(corrected.caseNumber).toMatch(/^（2025）/u);
      const timeline = page.getByTestId('case-timeline');
      await expectLocator(timeline).toContainText('受理日期：2026-03-03 → 2025-12-31');
      await expectLocator(timeline).toContainText(
        `案件编号：${oldNumber} → ${corrected.caseNumber ?? ''}`,
      );
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, 'correct-dates-timeline');

      // The printed correction record says the same, and an unchanged history reprints frozen.
      const printed = await printedText(page, accepted.id, 'CORRECTION_HISTORY');
      expect(printed).toContain('案件信息更正记录');
      expect(printed).toContain('受理日期由“2026-03-03”改为“2025-12-31”');
      expect(printed).toContain('原因：按申请书日期更正，实际于2025年底受理');
      const listed = await callApi(page, 'documents.listPrinted', { caseId: accepted.id });
      const again = await callApi(page, 'documents.render', {
        caseId: accepted.id,
        kind: 'CORRECTION_HISTORY',
        recordId: null,
        allowMissingGlyphs: true,
      });
      expect(again.printed.printVersion).toBe(1);
      expect(listed.filter((d) => d.kind === 'CORRECTION_HISTORY')).toHaveLength(1);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
