import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../domain/cases/case-views';
import { chinaToday } from '../../domain/validation/calendar-date';
import { screenshot, sharedBrowser } from './support/browser';
import { shootDialog, typeDate } from './support/agreement-steps';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { expectLocator } from './support/locator-expect';

const DAY_MS = 24 * 60 * 60 * 1000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => fromMs(toMs(iso) + days * DAY_MS);
const weekday = (iso: string) => new Date(toMs(iso)).getUTCDay();

/**
 * The most recent Thursday up to today (China time): +30 days is then a Saturday, so the
 * judicial-confirmation deadline has to roll forward (Civil Code Art. 203).
 */
function lastThursday(today: string): string {
  const back = (weekday(today) - 4 + 7) % 7;
  return addDays(today, -back);
}

const MONGOLIAN_TRANSLATION = `ᠬᠣᠶᠠᠷ ᠲᠠᠯ\u180eᠠ ᠪᠡᠯᠴᠢᠭᠡᠷ\u202fᠦᠨ ᠬᠢᠵᠠᠭᠠᠷ\u202fᠢ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃`;

/**
 * The Mongolian columns of a PDF, joined by spaces: `pdftotext -raw` gives them in drawing
 * order, each column one ActualText span on its own line (a short annex sets a sentence over
 * several short columns); a column's line may get the next Chinese line appended (poppler -raw),
 * so each line keeps its words up to the first Chinese one.
 */
function pdfMongolianColumns(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-e2e-annex-'));
  try {
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, pdf);
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    return raw
      .split(/[\n\f]/)
      .filter((line) => /[\u1800-\u18af]/.test(line))
      .map((line) => {
        const words = line.split(' ');
        const end = words.findIndex((w) => /\p{Script=Han}/u.test(w));
        return (end < 0 ? words : words.slice(0, end)).join(' ');
      })
      .join(' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sha256 = (base64: string) =>
  createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

function herder(name: string, role: 'APPLICANT' | 'RESPONDENT', phone: string, address: string) {
  return {
    kind: 'NATURAL',
    role,
    name,
    gender: 'MALE',
    ethnicity: '02',
    birthDate: role === 'APPLICANT' ? '1990-01-01' : '1985-03-15',
    occupation: '牧民',
    phone: { phone },
    address,
    idDocument: null,
    preferredLanguage: 'mn',
    needsInterpreter: true,
  };
}

async function caseInMediation(page: Page, mediatorId: number, since: string): Promise<CaseDetail> {
  const saved = await callApi(page, 'cases.create', {
    intakeDate: since,
    source: 'ON_APPLICATION',
    category: 'FOREST_LAND',
    subtype: 'GRASSLAND',
    summary:
      '双方草场相邻，额尔敦家新建围栏越过原定草场边界约两百米，巴特尔家牲畜无法进入冬季草场。',
    requests: ['按原草场边界拆除越界围栏', '赔偿草场损失'],
    riskLevel: 'MEDIUM',
    mediatorIds: [mediatorId],
    parties: [
      herder('巴特尔', 'APPLICANT', '13904791234', '锡林浩特市某苏木某嘎查一组'),
      herder('额尔敦', 'RESPONDENT', '13904795678', '锡林浩特市某苏木某嘎查二组'),
    ],
  } as never);
  const accepted = await callApi(page, 'cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: since },
  });
  return callApi(page, 'cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
}

describe('written settlement agreement for a grassland dispute (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('drafts, previews, generates, signs and settles; reprints are byte-identical', async () => {
    desk = await openDesk(browser(), 'agreement');
    const { page } = desk;
    try {
      const signDay = lastThursday(chinaToday());
      const nominal = addDays(signDay, 30);
      expect(weekday(nominal)).toBe(6);
      // Monday after the weekend is a holiday in this calendar: the deadline lands on Tuesday.
      const holiday = addDays(signDay, 32);
      const expectedDeadline = addDays(signDay, 33);

      await setUpRoom(page, desk.host.url, '锡林');
      const mediator = await saveMediator(page, '其木格', ['zh', 'mn']);
      const detail = await caseInMediation(page, mediator.id, addDays(signDay, -3));
      const base = page.url().replace(/#.*$/, '');

      // 设置 → 节假日安排.
      await page.getByRole('menuitem', { name: '设置' }).click();
      const holidays = page.getByTestId('holiday-section');
      await holidays.locator('#holidays_holidays').fill(`${holiday}\n`);
      await holidays.locator('#holidays_makeUpWorkdays').fill('');
      await holidays.getByRole('button', { name: '保存节假日安排' }).click();
      await page.getByText('节假日安排已保存').waitFor();
      await screenshot(page, 'agreement-holidays');

      // The case page offers the two ways to record a settlement, and the documents menu.
      await page.goto(`${base}#/cases/${detail.id}`);
      const card = page.getByTestId('case-agreements');
      await expectLocator(card).toContainText('还没有调解协议');
      await card.getByRole('button', { name: '起草调解协议书' }).click();
      await page.getByTestId('agreement-editor').waitFor();
      await expectLocator(page.getByTestId('agreement-status')).toContainText('草稿');

      // Parties come from the case; both speak Mongolian: each gets a Mongolian translation box.
      expect(await page.getByTestId('agreement-party').count()).toBe(2);
      expect(await page.getByTestId('mongolian-translation').count()).toBe(2);
      await page.getByTestId('mongolian-translation').first().fill(MONGOLIAN_TRANSLATION);
      // shown as it will print: vertical columns
      await expectLocator(page.getByTestId('mongolian-translation-preview')).toContainText(
        MONGOLIAN_TRANSLATION,
      );

      await typeDate(page, page.locator('#agreement_agreementDate'), signDay);
      await page
        .locator('#agreement_facts')
        .fill(
          '双方草场相邻。额尔敦家新建围栏越过原定草场边界约两百米，致巴特尔家牲畜无法进入冬季草场，造成草场损失。',
        );
      await page
        .locator('#agreement_responsibilities_1')
        .fill('对越界建围栏造成的损失负全部责任。');

      await page.getByRole('button', { name: '添加协议条款' }).click();
      await page
        .locator('#agreement_terms_0_text')
        .fill('双方确认以1998年草场承包证附图所示界桩为草场边界，额尔敦于十日内拆除越界围栏。');
      await page.getByRole('button', { name: '添加给付/履行义务' }).click();
      const term = page.getByTestId('term-1');
      await expectLocator(term).toContainText('二、');
      await term.locator('#agreement_terms_1_obligation_description').fill('草场损失补偿款');
      await term.locator('#agreement_terms_1_obligation_amountYuan').fill('30000');
      await expectLocator(page.getByTestId('amount-words-1')).toContainText(
        '人民币叁万元整（¥30,000.00）',
      );
      await typeDate(
        page,
        term.locator('#agreement_terms_1_obligation_dueDate'),
        addDays(signDay, 20),
      );
      await term.locator('#agreement_terms_1_obligation_place').fill('某苏木调解室');
      await term.locator('#agreement_terms_1_obligation_method').fill('银行转账');
      // Reorder: the payment becomes 一、 and the boundary term 二、.
      await term.getByRole('button', { name: '上移' }).click();
      await expectLocator(page.getByTestId('term-0')).toContainText('人民币叁万元整');

      await page.locator('#agreement_recorderName').fill('其木格');
      await page.getByText('调解时使用了翻译').click();
      await page.locator('#agreement_interpreter_name').fill('乌力吉');
      await pick(page, page.locator('#agreement_interpreter_language'), '蒙古语');

      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor();
      // 补偿 vs 赔偿: a drafting warning, shown inline, not blocking.
      await expectLocator(page.getByTestId('draft-issues')).toContainText('补偿');
      await screenshot(page, 'agreement-editor');

      // In-app preview: pdf.js renders the pages to canvases (worker from our own bundle).
      await page.getByRole('button', { name: '预览', exact: true }).click();
      await modalSettled(page);
      const preview = page.getByRole('dialog').getByTestId('pdf-preview');
      await preview.locator('canvas[data-rendered="true"]').first().waitFor();
      expect(await preview.locator('canvas').count()).toBeGreaterThanOrEqual(1);
      await expectLocator(preview.getByTestId('pdf-page-count')).toContainText('共');
      await shootDialog(page, 'agreement-preview');
      await page.getByRole('dialog').locator('.ant-modal-close').click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      // Generate: a confirmation says the text is frozen afterwards.
      await page.getByRole('button', { name: '生成正式文本' }).click();
      await page.getByTestId('generate-confirm').waitFor();
      await page
        .locator('.ant-modal-confirm')
        .getByRole('button', { name: '生成正式文本' })
        .click();
      await expectLocator(page.getByTestId('agreement-status')).toContainText('已生成');
      await page.getByText('正式文本已生成，内容不能再修改。').waitFor();
      await page
        .locator('[data-testid="pdf-preview"] canvas[data-rendered="true"]')
        .first()
        .waitFor();
      const shownSha = await page.getByTestId('agreement-sha').getAttribute('data-sha256');
      expect(shownSha).toMatch(/^[0-9a-f]{64}$/);
      await expectLocator(page.getByTestId('agreement-sha')).toContainText(
        `${shownSha?.slice(0, 8)} ${shownSha?.slice(8, 16)}`,
      );
      expect((await page.getByTestId('verification-code').innerText()).trim()).not.toBe('');
      await screenshot(page, 'agreement-generated');

      // Sign: every party, the mediator, the recorder and the seal, all on the Thursday.
      await page.getByRole('button', { name: '登记签署' }).click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await typeDate(page, dialog.locator('#signatures_parties_0_date'), signDay);
      await pick(page, dialog.locator('#signatures_parties_0_mode'), '签名');
      await typeDate(page, dialog.locator('#signatures_parties_1_date'), signDay);
      await pick(page, dialog.locator('#signatures_parties_1_mode'), '按指印');
      await typeDate(page, dialog.locator('#signatures_mediatorDate'), signDay);
      await typeDate(page, dialog.locator('#signatures_recorderDate'), signDay);
      await typeDate(page, dialog.locator('#signatures_sealDate'), signDay);
      await shootDialog(page, 'agreement-signatures');
      await dialog.getByRole('button', { name: '保存签署情况' }).click();
      await expectLocator(page.getByTestId('agreement-status')).toContainText('已签署');
      await expectLocator(page.getByTestId('effective-date')).toContainText(signDay);
      await expectLocator(page.getByTestId('confirmation-deadline')).toContainText(
        expectedDeadline,
      );
      await expectLocator(page.getByTestId('deadline-rolled')).toContainText(nominal);

      // Reprints are the stored bytes: twice the same SHA-256, the one shown on screen.
      const agreementId = Number(/#\/agreements\/(\d+)/.exec(page.url())?.[1]);
      const first = await callApi(page, 'agreements.pdf', { agreementId });
      const second = await callApi(page, 'agreements.pdf', { agreementId });
      expect(sha256(first.pdfBase64)).toBe(shownSha);
      expect(sha256(second.pdfBase64)).toBe(shownSha);
      expect(first.sha256).toBe(shownSha);
      // One PDF: the Mongolian annex is inside it, in columns that extract as typed.
      expect(pdfMongolianColumns(Buffer.from(first.pdfBase64, 'base64'))).toContain(
        MONGOLIAN_TRANSLATION,
      );

      // 下载 PDF saves exactly those bytes; 打印 in dev:web answers with its fallback message.
      for (let i = 0; i < 2; i += 1) {
        const download = page.waitForEvent('download');
        await page
          .getByTestId('generated-actions')
          .getByRole('button', { name: '下载 PDF' })
          .click();
        const file = await (await download).path();
        expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(shownSha);
      }
      await page.getByTestId('generated-actions').getByRole('button', { name: '打印' }).click();
      await page.getByTestId('print-outcome').waitFor();

      await page.getByRole('button', { name: '校验' }).click();
      await expectLocator(page.getByTestId('verify-report')).toContainText('校验通过');
      await screenshot(page, 'agreement-signed');

      // The case is settled in writing; its timeline says so.
      await page.getByRole('button', { name: '返回案件' }).click();
      await page.getByTestId('case-title').waitFor();
      await page.getByTestId('status-tag').getByText('达成书面协议').waitFor();
      await expectLocator(page.getByTestId('case-timeline')).toContainText('达成书面协议');
      await expectLocator(page.getByTestId('case-agreements')).toContainText('已签署');
      // No second draft while the case is no longer in mediation.
      expect(await page.getByRole('button', { name: '起草调解协议书' }).count()).toBe(0);
      await screenshot(page, 'agreement-case-settled');

      // Other documents of the volume: previewed in-app, downloadable.
      await page.getByTestId('print-documents').hover();
      // A click event on the item itself: the menu is still animating in when it first shows
      // ("element is not stable" under load), and the pointer's path to it may close it.
      const item = page
        .locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item')
        .filter({ hasText: '受理登记表' });
      await item.first().waitFor();
      await item.first().dispatchEvent('click');
      await modalSettled(page);
      await page
        .getByRole('dialog')
        .locator('[data-testid="pdf-preview"] canvas[data-rendered="true"]')
        .first()
        .waitFor();
      await shootDialog(page, 'agreement-document-preview');

      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'agreement-failure');
      throw error;
    } finally {
      await desk.close();
    }
  });
  it('registers an oral agreement with money only after the explicit confirmation', async () => {
    desk = await openDesk(browser(), 'oral-agreement');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '锡林');
      const mediator = await saveMediator(page, '其木格', ['zh', 'mn']);
      const detail = await caseInMediation(page, mediator.id, addDays(chinaToday(), -2));
      const base = page.url().replace(/#.*$/, '');

      // 协议书 in the navigation explains where agreements are drafted.
      await page.getByRole('menuitem', { name: '协议书' }).click();
      await page.getByRole('button', { name: '查看调解中的案件' }).click();
      await expectLocator(page.locator('.ant-table-tbody tr.ledger-row').first()).toContainText(
        '巴特尔',
      );

      await page.goto(`${base}#/cases/${detail.id}`);
      await page
        .getByTestId('case-agreements')
        .getByRole('button', { name: '登记口头协议' })
        .click();
      await modalSettled(page);
      const dialog = page.getByRole('dialog');
      await dialog.locator('#oral_oralTerms').fill('额尔敦当场向巴特尔支付草场损失补偿款五百元。');
      await dialog.locator('#oral_amountYuan').fill('500');
      await expectLocator(dialog).toContainText('人民币伍佰元整（¥500.00）');
      await pick(page, dialog.locator('#oral_performanceStatus'), '已当场履行');
      await dialog.locator('#oral_recorderName').fill('其木格');
      // Both herders speak Mongolian: the register has a translation box for each of them.
      await dialog.getByTestId('mongolian-translation').nth(1).waitFor();
      expect(await dialog.getByTestId('mongolian-translation').count()).toBe(2);
      await dialog.getByTestId('mongolian-translation').first().fill(MONGOLIAN_TRANSLATION);
      await expectLocator(dialog.getByTestId('mongolian-translation-preview')).toContainText(
        MONGOLIAN_TRANSLATION,
      );
      await dialog.getByRole('button', { name: '登记' }).click();
      // Money in an oral agreement: PMR-2002 Art. 34 warning, saved only once confirmed.
      await expectLocator(dialog.getByTestId('oral-issues')).toContainText('第三十四条');
      await shootDialog(page, 'agreement-oral-warning');
      await dialog.getByText('已与当事人确认，仍采用口头协议').click();
      await dialog.getByRole('button', { name: '登记' }).click();
      await page.getByTestId('status-tag').getByText('达成口头协议').waitFor();
      await expectLocator(page.getByTestId('case-agreements')).toContainText('口头协议');
      await expectLocator(page.getByTestId('case-timeline')).toContainText('达成口头协议');
      await screenshot(page, 'agreement-oral-settled');
      // The frozen register carries the Mongolian annex, its columns as typed.
      const [oral] = await callApi(page, 'agreements.listForCase', { caseId: detail.id });
      const register = await callApi(page, 'documents.render', {
        caseId: detail.id,
        kind: 'ORAL_AGREEMENT_REGISTER',
        recordId: oral?.id ?? 0,
      });
      expect(register.sha256).toBe(oral?.generated?.pdfSha256);
      expect(pdfMongolianColumns(Buffer.from(register.pdfBase64, 'base64'))).toBe(
        MONGOLIAN_TRANSLATION,
      );

      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'agreement-oral-failure');
      throw error;
    } finally {
      await desk.close();
    }
  });
});
