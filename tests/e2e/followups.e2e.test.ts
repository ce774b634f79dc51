import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../domain/cases/case-views';
import { chinaToday } from '../../domain/validation/calendar-date';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { expectLocator } from './support/locator-expect';

/** A 1×1 PNG: a stand-in for the scan of an identity card. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function herder(name: string, role: 'APPLICANT' | 'RESPONDENT', phone: string) {
  return {
    kind: 'NATURAL',
    role,
    name,
    gender: 'MALE',
    ethnicity: '01',
    birthDate: role === 'APPLICANT' ? '1990-01-01' : '1985-03-15',
    occupation: '牧民',
    phone: { phone },
    address: '格尔木市某乡某村',
    idDocument: null,
    preferredLanguage: 'zh',
    needsInterpreter: false,
  };
}

async function caseInMediation(
  page: Page,
  mediatorId: number,
  accepted: string,
  names: [string, string],
) {
  const saved = await callApi(page, 'cases.create', {
    intakeDate: accepted,
    source: 'ON_APPLICATION',
    category: 'FOREST_LAND',
    subtype: 'GRASSLAND',
    summary: '双方草场相邻，被申请人的牛羊越界放牧，造成申请人草场损失。',
    requests: ['赔偿草场损失'],
    riskLevel: 'MEDIUM',
    mediatorIds: [mediatorId],
    parties: [
      herder(names[0], 'APPLICANT', '13904791234'),
      herder(names[1], 'RESPONDENT', '13904795678'),
    ],
  } as never);
  const acc = await callApi(page, 'cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: accepted },
  });
  return callApi(page, 'cases.transition', {
    caseId: acc.id,
    expectedVersion: acc.version,
    input: { action: 'START_MEDIATION' },
  });
}

/** Settles the case with two instalments of 15 000 元, the first already due. */
async function settleWithInstalments(
  page: Page,
  c: CaseDetail,
  mediatorId: number,
  signDay: string,
  today: string,
) {
  const [applicant, respondent] = c.parties.map((p) => p.id) as [number, number];
  const draft = await callApi(page, 'agreements.createDraft', { caseId: c.id });
  const updated = await callApi(page, 'agreements.updateDraft', {
    agreementId: draft.id,
    expectedVersion: draft.version,
    content: {
      agreementNumber: c.caseNumber ?? '（2026）协字第1号',
      agreementDate: signDay,
      partyIds: [applicant, respondent],
      agents: [],
      facts: '双方草场相邻，被申请人的牛羊多次越界放牧，造成申请人草场损失。',
      disputedMatters: '损失赔偿数额。',
      responsibilities: [{ partyId: respondent, text: '对越界放牧造成的损失负全部责任。' }],
      terms: [
        {
          kind: 'OBLIGATION',
          obligation: {
            kind: 'MONEY',
            obligorPartyId: respondent,
            obligeePartyId: applicant,
            description: '草场损失赔偿款',
            amountFen: 3_000_000,
            method: '银行转账',
            instalments: [
              { dueDate: addDays(today, -10), amountFen: 1_500_000 },
              { dueDate: addDays(today, 20), amountFen: 1_500_000 },
            ],
          },
        },
      ],
      mediatorIds: [mediatorId],
      recorderName: '其木格',
    },
  } as never);
  const gen = await callApi(page, 'agreements.generate', {
    agreementId: updated.id,
    expectedVersion: updated.version,
  });
  return callApi(page, 'agreements.recordSignatures', {
    agreementId: gen.id,
    expectedVersion: gen.version,
    signatures: {
      parties: [applicant, respondent].map((partyId) => ({ partyId, date: signDay, mode: 'SIGN' })),
      mediatorDate: signDay,
      recorderDate: signDay,
      sealDate: signDay,
    },
  } as never);
}

/** Fills the 回访记录 dialog that is open. */
async function fillVisit(page: Page, performance: string, findings: string, nextStep: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(performance, { exact: true }).check();
  await dialog.locator('#visit_findings').fill(findings);
  await dialog.getByLabel('基本满意', { exact: true }).check();
  await pick(page, dialog.locator('#visit_nextStep'), nextStep);
}

/** One 调解记录 on file, the day given, with every party present. */
async function addSitting(page: Page, c: CaseDetail, mediatorId: number, day: string) {
  await callApi(page, 'sessions.add', {
    caseId: c.id,
    session: {
      startAt: `${day}T09:30`,
      endAt: `${day}T11:00`,
      place: '调解室',
      partyIdsPresent: c.parties.map((p) => p.id),
      mediatorIds: [mediatorId],
      recorder: '其木格',
      interpreter: null,
      recordMode: 'FULL',
      content: '双方陈述了越界放牧和草场损失的情况，同意分两期赔偿。',
      result: 'CONTINUE',
      readBackConfirmed: true,
    },
  } as never);
}

describe('follow-ups of the grassland case (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('instalments → 部分履行 → 已履行 → closed → archived with its volume PDF; overdue first on 工作台', async () => {
    desk = await openDesk(browser(), 'followups');
    const { page } = desk;
    try {
      const today = chinaToday();
      // The first load of the bundle can exceed the 10 s default on a loaded machine.
      await page.goto(desk.host.url, { timeout: 60_000 });
      await setUpRoom(page, desk.host.url, '格尔');
      const mediator = await saveMediator(page, '其木格', ['zh']);
      // 回访设置 (settings screen): visits on the instalment's due date, so the first one is
      // overdue already.
      await page.goto(`${desk.host.url.replace(/#.*$/, '')}#/settings`);
      const settings = page.getByTestId('followup-settings-section');
      await settings.locator('#followup-settings_afterDueDays').fill('0');
      await settings.getByTestId('followup-settings-save').click();
      await page.getByText('回访设置已保存').waitFor();
      await screenshot(page, 'followups-settings');
      expect((await callApi(page, 'followups.getSettings', {})).afterDueDays).toBe(0);
      const c = await caseInMediation(page, mediator.id, addDays(today, -25), ['巴特尔', '额尔敦']);
      // One sitting on file: a mediated case's volume needs its 调解记录.
      await addSitting(page, c, mediator.id, addDays(today, -24));
      const signed = await settleWithInstalments(page, c, mediator.id, addDays(today, -20), today);
      // A second case left in mediation past its one-month due date.
      const late = await caseInMediation(page, mediator.id, addDays(today, -40), ['王芳', '李强']);
      const base = page.url().replace(/#.*$/, '');

      // 工作台: reminders list overdue items first; the calendar shows this week.
      await page.goto(`${base}#/dashboard`);
      await page.reload(); // the dashboard was already open before the cases were written
      const reminders = page.getByTestId('dashboard-reminders');
      await reminders.getByTestId(`reminder-CASE_DUE-${late.id}`).waitFor();
      await expectLocator(reminders.locator('.ant-list-item').first()).toContainText('已逾期');
      await expectLocator(reminders).toContainText('回访');
      await page.getByTestId('dashboard-calendar').getByText('周一').waitFor();
      await screenshot(page, 'followups-dashboard');
      // The calendar goes back to the week of the overdue visit and the late case's deadline
      // (ten days ago: last week, or the week before on a Monday to Wednesday).
      const calendar = page.getByTestId('dashboard-calendar');
      const overdueDay = calendar.getByTestId(`calendar-day-${addDays(today, -10)}`);
      for (let back = 0; back < 2 && (await overdueDay.count()) === 0; back += 1) {
        await calendar.getByRole('button', { name: '上一周' }).click();
        await calendar.getByTestId(`calendar-day-${addDays(today, -7 * (back + 1))}`).waitFor();
      }
      await expectLocator(overdueDay).toContainText('回访');
      await expectLocator(overdueDay).toContainText('期限');
      await expectLocator(overdueDay).toContainText(`${c.caseNumber ?? ''}`);
      await screenshot(page, 'followups-calendar');
      await calendar.getByRole('button', { name: '本周' }).click();

      // 回访: the first instalment's visit is overdue.
      await page.getByRole('menuitem', { name: '回访' }).click();
      await expectLocator(page.getByTestId('bucket-OVERDUE')).toContainText('1');
      const table = page.getByTestId('followups-table');
      await expectLocator(table).toContainText('第1期15000.00元');
      await screenshot(page, 'followups-list');
      await table.getByRole('button', { name: '登记回访' }).click();
      await modalSettled(page);
      await fillVisit(page, '部分履行', '第一期赔偿款已转账，第二期尚未到期。', '再次回访');
      // Next visit date is required with 再次回访: the form says so in Chinese.
      await page.getByRole('dialog').getByRole('button', { name: '登记回访' }).click();
      await page.getByRole('dialog').getByText('请填写下次回访日期').waitFor();
      const next = page.locator('#visit_nextVisitDate');
      await next.click();
      await next.fill(addDays(today, 21));
      await next.press('Enter');
      await screenshot(page, 'followups-visit-form');
      await page.getByRole('dialog').getByRole('button', { name: '登记回访' }).click();
      // Saved once its dialog has closed; the toast of the visit before may still be showing.
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByText('回访已登记').first().waitFor();
      await page.getByTestId('bucket-DONE').click();
      await expectLocator(table).toContainText('部分履行');

      // The case moved to 回访中; closing now is refused: the last visit found it partly performed.
      await page.goto(`${base}#/cases/${c.id}`);
      const panel = page.getByTestId('case-followups');
      await expectLocator(panel).toContainText('部分履行');
      await expectLocator(page.getByTestId('close-readiness')).toContainText('部分履行');
      await page.getByRole('button', { name: '回访完毕，结案' }).click();
      await modalSettled(page);
      await page.getByRole('dialog').getByRole('button', { name: '回访完毕，结案' }).click();
      await expectLocator(page.getByTestId('action-refusal')).toContainText('部分履行');
      await page.getByRole('dialog').locator('.ant-modal-close').click();
      await screenshot(page, 'followups-case-panel');

      // Second visit from the case page (the plan of the second instalment): 已履行.
      const planned = panel.locator('[data-testid^="case-record-visit-"]').first();
      await planned.click();
      await modalSettled(page);
      await fillVisit(page, '已履行', '第二期赔偿款已提前转账，协议全部履行完毕。', '无需后续处理');
      await page.getByRole('dialog').getByRole('button', { name: '登记回访' }).click();
      // Saved once its dialog has closed; the toast of the visit before may still be showing.
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByText('回访已登记').first().waitFor();
      await expectLocator(page.getByTestId('close-readiness')).toContainText('可以结案');
      await page.getByRole('button', { name: '回访完毕，结案' }).click();
      await modalSettled(page);
      await page.getByRole('dialog').getByRole('button', { name: '回访完毕，结案' }).click();
      await page.getByText('已回访完毕，结案').waitFor();
      const closed = await callApi(page, 'cases.get', { caseId: c.id });
      expect(closed.status).toBe('CLOSED');
      const firstVisitId = (await callApi(page, 'followups.ofCase', { caseId: c.id })).visits.find(
        (v) => v.status === 'DONE',
      )?.id;
      // The volume (一案一卷): the checklist names what is missing; archiving is refused until
      // it is complete; the 回访记录 prints; the archived volume is one PDF in index order.
      await page.getByTestId(`print-visit-${firstVisitId}`).click();
      await page.getByTestId('frozen-note').waitFor();
      await page.getByRole('dialog').locator('.ant-modal-close').click();
      const volume = page.getByTestId('volume-panel');
      await expectLocator(page.getByTestId('volume-completeness')).toContainText('还缺');
      await expectLocator(page.getByTestId('volume-checklist')).toContainText('缺少当事人');
      for (const kind of ['ACCEPTANCE_REGISTER', 'RIGHTS_NOTICE'] as const) {
        await callApi(page, 'documents.render', { caseId: c.id, kind, recordId: null });
      }
      for (const party of closed.parties) {
        await volume.getByTestId('volume-attach-party').click();
        await page
          .locator('.ant-select-dropdown:visible')
          .getByText(party.name, { exact: true })
          .click();
        await volume.getByTestId('volume-attach-input').setInputFiles({
          name: `身份证-${party.name}.png`,
          mimeType: 'image/png',
          buffer: PNG,
        });
        await page.getByText('扫描件已保存').first().waitFor();
      }
      await page.reload();
      await expectLocator(page.getByTestId('volume-completeness')).toContainText('齐全');
      await screenshot(page, 'volume-panel');
      await page.getByTestId('volume-archive').click();
      await modalSettled(page);
      await page.locator('#archive-volume_filedBy').fill('其木格');
      const filed = page.locator('#archive-volume_filedDate');
      await filed.click();
      await filed.fill(today);
      await filed.press('Enter');
      await page.getByRole('dialog').getByRole('button', { name: '立卷归档' }).click();
      await page.getByText(/已归档，卷号/).waitFor();
      await expectLocator(page.getByTestId('volume-archive-record')).toContainText('人调字第001号');
      await page.getByTestId('volume-pdf').click();
      await page.getByTestId('frozen-note').waitFor();
      await screenshot(page, 'volume-pdf-preview');
      await page.getByRole('dialog').locator('.ant-modal-close').click();
      const pdf = await callApi(page, 'volume.pdf', { caseId: c.id });
      const file = path.join(os.tmpdir(), `md-e2e-volume-${c.id}.pdf`);
      fs.writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
      const pageText = (n: number) =>
        execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], {
          encoding: 'utf8',
        });
      expect(pageText(1)).toContain('人民调解卷宗');
      const index = pageText(2);
      expect(index).toContain('卷内目录');
      const rows = [...index.matchAll(/^\s*(\d+)\s+(\S+)\s+(\d+)(?:–\d+)?/gm)].map((m) => ({
        title: m[2] ?? '',
        first: Number(m[3]),
      }));
      expect(rows.map((r) => r.title).slice(0, 3)).toEqual([
        '人民调解受理登记表',
        '人民调解当事人权利义务告知书',
        '当事人身份证明',
      ]);
      for (const [title, text] of [
        ['人民调解受理登记表', '人民调解受理登记表'],
        ['人民调解协议书', '人民调解协议书'],
        ['人民调解回访记录', '人民调解回访记录'],
      ] as const) {
        const row = rows.find((r) => r.title.startsWith(title));
        expect(row, title).toBeDefined();
        // Cover and index are not numbered: document page n is PDF page n + 2.
        const printed = pageText((row?.first ?? 0) + 2);
        expect(printed.replace(/\s+/g, ''), title).toContain(text);
        expect(printed, title).toContain(String(row?.first));
      }
      fs.rmSync(file, { force: true });
      // The closed (archived) case's agreement can no longer be amended: the button says why.
      await page.goto(`${base}#/agreements/${signed.id}`);
      const amend = page.getByTestId('agreement-amend');
      await amend.waitFor();
      expect(await amend.isDisabled()).toBe(true);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
    // The whole life of a case, archiving and the volume PDF included: slow on a shared machine.
  }, 360_000);

  it('refuses "回访完毕，结案" when no visit was recorded; an unperformed visit reopens mediation', async () => {
    desk = await openDesk(browser(), 'followups-novisit');
    const { page } = desk;
    try {
      const today = chinaToday();
      // The first load of the bundle can exceed the 10 s default on a loaded machine.
      await page.goto(desk.host.url, { timeout: 60_000 });
      await setUpRoom(page, desk.host.url, '格尔');
      const mediator = await saveMediator(page, '其木格', ['zh']);
      const c = await caseInMediation(page, mediator.id, addDays(today, -25), ['巴特尔', '额尔敦']);
      // One sitting on file: a mediated case's volume needs its 调解记录.
      await addSitting(page, c, mediator.id, addDays(today, -24));
      await settleWithInstalments(page, c, mediator.id, addDays(today, -20), today);
      let d: CaseDetail = await callApi(page, 'cases.get', { caseId: c.id });
      for (const action of ['START_PERFORMANCE', 'START_FOLLOW_UP'] as const) {
        d = await callApi(page, 'cases.transition', {
          caseId: c.id,
          expectedVersion: d.version,
          input: { action },
        });
      }
      const base = page.url().replace(/#.*$/, '');
      await page.goto(`${base}#/cases/${c.id}`);
      await expectLocator(page.getByTestId('close-readiness')).toContainText('尚未登记回访记录');
      await page.getByRole('button', { name: '回访完毕，结案' }).click();
      await modalSettled(page);
      await page.getByRole('dialog').getByRole('button', { name: '回访完毕，结案' }).click();
      await expectLocator(page.getByTestId('action-refusal')).toContainText('尚未登记回访记录');
      expect((await callApi(page, 'cases.get', { caseId: c.id })).status).toBe('FOLLOW_UP');
      await page.getByRole('dialog').locator('.ant-modal-close').click();

      // A visit finds nothing paid: the mediator reopens mediation from the case page.
      const panel = page.getByTestId('case-followups');
      await panel.locator('[data-testid^="case-record-visit-"]').first().click();
      await modalSettled(page);
      await fillVisit(
        page,
        '未履行',
        '被申请人未支付第一期赔偿款，称无力支付。',
        '重新调解（变更协议）',
      );
      await page.getByRole('dialog').getByRole('button', { name: '登记回访' }).click();
      // Saved once its dialog has closed; the toast of the visit before may still be showing.
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByText('回访已登记').first().waitFor();
      await page.getByRole('button', { name: '回访未履行，重新调解' }).click();
      await modalSettled(page);
      const reopen = page.getByRole('dialog');
      await reopen.getByRole('button', { name: '回访未履行，重新调解' }).click();
      await reopen.getByText('请填写重新调解的原因').waitFor();
      await reopen.locator('#case-action_reason').fill('双方同意重新协商赔偿款的履行期限');
      await screenshot(page, 'followups-reopen');
      await reopen.getByRole('button', { name: '回访未履行，重新调解' }).click();
      await page.getByText('已回访未履行，重新调解').waitFor();
      const reopened = await callApi(page, 'cases.get', { caseId: c.id });
      expect(reopened.status).toBe('MEDIATING');
      expect(reopened.timeline.some((h) => h.action === 'REOPEN_MEDIATION')).toBe(true);
      const plans = (await callApi(page, 'followups.ofCase', { caseId: c.id })).visits;
      expect(plans.filter((v) => v.status === 'SCHEDULED')).toEqual([]);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
