import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { ARTIFACT_DIR, screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { expectLocator } from './support/locator-expect';

const browser = sharedBrowser();

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function neighbour(name: string, role: 'APPLICANT' | 'RESPONDENT', phone: string) {
  return {
    kind: 'NATURAL',
    role,
    name,
    gender: 'FEMALE',
    ethnicity: '01',
    birthDate: '1980-05-01',
    occupation: '农民',
    phone: { phone },
    address: '平安县某镇某村',
    idDocument: null,
    preferredLanguage: 'zh',
    needsInterpreter: false,
  };
}

/**
 * 以案定补 papers on the real ledger through the built renderer: a county rule typed in the
 * rule editor in 设置 (a refused save keeps what was typed and marks the box), enabled, then an
 * orally settled case's 调解案件认定表 from the case page and the mediator's 申报表 and Excel
 * from 补贴申报 — each printed once and reprinted from the register.
 */
describe('以案定补 rule editor and papers', () => {
  let desk: Desk;
  afterAll(async () => desk?.close());

  it('types a rule → enables it → prints the 认定表, the 申报表 and the Excel', async () => {
    desk = await openDesk(browser(), 'subsidy-papers');
    const { page } = desk;
    await page.goto(desk.host.url, { timeout: 60_000 });
    await setUpRoom(page, desk.host.url, '平');
    const mediator = await saveMediator(page, '马秀兰', ['zh']);
    const base = page.url().replace(/#.*$/, '');

    // 设置 → 新建规则: a save without a title is refused beside the box, nothing is lost.
    await page.goto(`${base}#/settings`);
    const section = page.getByTestId('subsidy-rules-section');
    await page.getByTestId('subsidy-rules-new').click();
    const dialog = page.getByRole('dialog');
    await modalSettled(page);
    await dialog.getByTestId('rules-id').fill('pingan-2026');
    await dialog.getByTestId('rules-issuer').fill('平安县司法局');
    await dialog.getByTestId('tier-0-amount').fill('120');
    await dialog.getByTestId('rules-oral-paid').click();
    await dialog.getByTestId('rules-oral-percent').fill('60');
    await screenshot(page, 'subsidy-rule-editor');
    // The dialog itself (a full-page shot cannot show a fixed modal taller than the window).
    await dialog.screenshot({ path: path.join(ARTIFACT_DIR, 'subsidy-rule-editor-dialog.png') });
    await dialog.getByRole('button', { name: '保存为新版本' }).click();
    await dialog.getByText('请填写规则名称').waitFor();
    await expectLocator(dialog.getByTestId('rules-id')).toHaveValue('pingan-2026');
    await dialog.getByTestId('rules-title').fill('平安县以案定补办法（2026）');
    await dialog.getByRole('button', { name: '保存为新版本' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectLocator(section).toContainText('平安县以案定补办法（2026）');
    await expectLocator(section).toContainText('一般 120 元');
    await section.getByRole('button', { name: '启用' }).click();
    await expectLocator(section).toContainText('已启用');
    const rules = await callApi(page, 'subsidy.listRules', {});
    const stored = await callApi(page, 'subsidy.getRules', {
      rowId: rules.rules[0]?.rowId ?? 0,
    });
    expect(stored.rules.oral).toEqual({ paid: true, percent: 60, proof: 'NONE' });
    expect(stored.rules.tiers[0]?.amountFen).toBe(12_000);
    await screenshot(page, 'subsidy-rules-saved');

    // An oral settlement today, through the API the case page uses.
    const today = chinaToday();
    const saved = await callApi(page, 'cases.create', {
      intakeDate: today,
      source: 'ON_APPLICATION',
      category: 'NEIGHBOUR',
      subtype: null,
      summary: '两户因院墙排水问题发生争执。',
      requests: ['疏通排水沟'],
      riskLevel: 'LOW',
      mediatorIds: [mediator.id],
      parties: [
        neighbour('李桂英', 'APPLICANT', '13709711111'),
        neighbour('韩占山', 'RESPONDENT', '13709712222'),
      ],
    } as never);
    const accepted = await callApi(page, 'cases.transition', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      input: { action: 'ACCEPT', acceptedDate: today },
    } as never);
    const mediating = await callApi(page, 'cases.transition', {
      caseId: accepted.id,
      expectedVersion: accepted.version,
      input: { action: 'START_MEDIATION' },
    } as never);
    await callApi(page, 'agreements.registerOral', {
      caseId: mediating.id,
      expectedCaseVersion: mediating.version,
      register: {
        registerNumber: '口字第001号',
        agreedDate: today,
        partyIds: mediating.parties.map((p) => p.id),
        facts: '院墙排水沟堵塞，雨水流入邻居院内。',
        oralTerms: '被申请人当场疏通排水沟并赔礼道歉。',
        performanceStatus: 'PERFORMED_ON_SPOT',
        mediatorIds: [mediator.id],
        recorderName: '马秀兰',
      },
    } as never);

    // The case page: 打印认定表 opens the sheet frozen in the print register.
    await page.goto(`${base}#/cases/${saved.case.id}`);
    const panel = page.getByTestId('case-subsidy-panel');
    await expectLocator(panel).toContainText('暂不能申报');
    await panel.getByTestId('subsidy-print-recognition').click();
    const preview = page.getByRole('dialog');
    await expectLocator(preview.getByTestId('frozen-note')).toContainText('第 1 版');
    await screenshot(page, 'subsidy-recognition-preview');
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '下载 PDF' }).click();
    const recognitionPdf = fs.readFileSync((await (await download).path()) ?? '');
    expect(recognitionPdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    const register = await callApi(page, 'documents.listPrinted', { caseId: saved.case.id });
    const recognition = register.find((d) => d.kind === 'SUBSIDY_RECOGNITION');
    expect(recognition?.pdfSha256).toBe(sha256(recognitionPdf));

    // 统计上报 → 补贴申报: the 申报表 (printed once, then the stored original) and the Excel.
    await page.goto(`${base}#/reports`);
    await page.getByRole('tab', { name: '补贴申报' }).click();
    await pick(page, page.getByTestId('claim-mediator'), '马秀兰');
    await page.getByTestId('claim-build').click();
    const pack = page.getByTestId('claim-pack');
    await expectLocator(pack).toContainText('平安县以案定补办法（2026）');
    await expectLocator(pack).toContainText('共 1 件');
    for (const expected of ['第 1 版', '取出的是存档原件']) {
      await pack.getByTestId('claim-print').click();
      const sheet = page.getByRole('dialog');
      await expectLocator(sheet.getByTestId('claim-sheet-frozen')).toContainText(expected);
      if (expected === '第 1 版') await screenshot(page, 'subsidy-claim-sheet-preview');
      const pdf = page.waitForEvent('download');
      await sheet.getByTestId('claim-sheet-download').click();
      const bytes = fs.readFileSync((await (await pdf).path()) ?? '');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden' });
    }
    const xlsx = page.waitForEvent('download');
    await pack.getByTestId('claim-xlsx').click();
    const file = await xlsx;
    expect(file.suggestedFilename()).toMatch(
      /^以案定补申报表_马秀兰_\d{4}(-\d{2}|-Q[1-4]|-H[12])?\.xlsx$/,
    );
    const bytes = fs.readFileSync((await file.path()) ?? '');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(desk.errors).toEqual([]);
  }, 300_000);
});
