import { describe, expect, it } from 'vitest';
import { chinaToday } from '../../domain/validation/calendar-date';
import { pdfBbox, pdfText } from '../unit/agreements/pdf-tools';
import { obligeeRows, pdfLayoutText, pdfWords } from '../unit/agreements/pdf-table';
import { shootDialog, typeDate } from './support/agreement-steps';
import { screenshot, sharedBrowser } from './support/browser';
import { callApi, modalSettled, openDesk, pick, setUpRoom, type Desk } from './support/desk';
import { saveMediator } from './support/mediator-setup';
import { expectLocator } from './support/locator-expect';

const WORKERS = [
  '马福祥',
  '马福林',
  '韩有德',
  '冶生福',
  '马成龙',
  '李生贵',
  '赵永林',
  '马海龙',
  '马明德',
  '韩青山',
  '马进元',
  '冶有才',
  '马学文',
  '韩永福',
];
/** Yuan owed to each worker, as typed: 6,800 … 9,400 with one odd amount. */
const OWED = WORKERS.map((_, i) => (i === 5 ? '7800.50' : String(6800 + i * 200)));
const TOTAL_FEN = OWED.reduce((s, y) => s + Math.round(Number(y) * 100), 0);
const TOTAL_YUAN = (TOTAL_FEN / 100).toFixed(2);

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function worker(name: string, i: number) {
  return {
    kind: 'NATURAL',
    role: 'APPLICANT',
    name,
    gender: 'MALE',
    ethnicity: '35',
    birthDate: `19${80 + (i % 15)}-0${(i % 9) + 1}-15`,
    occupation: '农民工',
    // One worker has no phone: the village committee passes messages on.
    phone:
      i === 0
        ? { phone: '无', noPhoneReason: '可通过村委会0979-8881234联系' }
        : { phone: `1390979${1000 + i}` },
    address: `化隆县群科镇${i + 1}村`,
    idDocument: null,
  };
}

/** Generating and previewing a nine-page agreement takes seconds on a loaded 2-core machine. */
const SLOW_MS = 60_000;

describe('14 workers, one employer: a group wage agreement through the editor (real ledger, Chromium)', () => {
  const browser = sharedBrowser();
  let desk: Desk;

  it('lists every worker with an amount, splits three instalments, one worker has his own, and prints the obligee table', async () => {
    desk = await openDesk(browser(), 'group-wages');
    const { page } = desk;
    try {
      const today = chinaToday();
      await setUpRoom(page, desk.host.url, '群科');
      const mediator = await saveMediator(page, '马建国', ['zh']);
      const saved = await callApi(page, 'cases.create', {
        intakeDate: addDays(today, -3),
        source: 'ON_APPLICATION',
        category: 'LABOUR',
        subtype: 'UNPAID_MIGRANT_WAGES',
        summary: '包工头李永贵承包群科镇安置房工程，拖欠十四名农民工劳务报酬。',
        requests: ['支付拖欠的劳务报酬'],
        riskLevel: 'HIGH',
        mediatorIds: [mediator.id],
        parties: [
          {
            ...worker('李永贵', 20),
            role: 'RESPONDENT',
            occupation: '包工头',
            phone: { phone: '13997001234' },
            address: '格尔木市昆仑路18号',
          },
          ...WORKERS.map(worker),
        ],
      } as never);
      const accepted = await callApi(page, 'cases.transition', {
        caseId: saved.case.id,
        expectedVersion: saved.case.version,
        input: { action: 'ACCEPT', acceptedDate: addDays(today, -3) },
      });
      await callApi(page, 'cases.transition', {
        caseId: accepted.id,
        expectedVersion: accepted.version,
        input: { action: 'START_MEDIATION' },
      });
      const base = page.url().replace(/#.*$/, '');
      await page.goto(`${base}#/cases/${accepted.id}`);
      await page
        .getByTestId('case-agreements')
        .getByRole('button', { name: '起草调解协议书' })
        .click();
      await page.getByTestId('agreement-editor').waitFor();
      expect(await page.getByTestId('agreement-party').count()).toBe(15);

      await typeDate(page, page.locator('#agreement_agreementDate'), today);
      await page
        .locator('#agreement_facts')
        .fill('李永贵承包群科镇安置房工程，雇用马福祥等十四人务工，工程完工后未支付劳务报酬。');

      // One payment term, owed to fourteen people.
      await page.getByRole('button', { name: '添加给付/履行义务' }).click();
      const term = page.getByTestId('term-0');
      const at = (field: string) => term.locator(`#agreement_terms_0_obligation_${field}`);
      await pick(page, at('obligorPartyId'), '李永贵');
      await term.getByText('多名权利人（分别列明各人金额）').click();
      await page.getByTestId('add-all-obligees-0').click();
      await expectLocator(page.getByTestId('share-0-13')).toContainText('韩永福');
      expect(await term.locator('[data-testid^="share-0-"]').count()).toBe(14);
      expect(await page.getByTestId('share-0-0').innerText()).not.toContain('李永贵');
      for (let j = 0; j < WORKERS.length; j += 1) {
        await at(`shares_${j}_amountYuan`).fill(OWED[j] ?? '');
      }
      // The last worker is paid on his own schedule: two instalments of his own.
      const own = WORKERS.length - 1;
      const ownRow = page.getByTestId(`share-0-${own}`);
      const ownYuan = Number(OWED[own]);
      const ownParts = [
        (ownYuan / 2).toFixed(2),
        (ownYuan - Number((ownYuan / 2).toFixed(2))).toFixed(2),
      ];
      for (let k = 0; k < 2; k += 1) {
        await ownRow.getByRole('button', { name: '本人分期' }).click();
        await typeDate(
          page,
          at(`shares_${own}_instalments_${k}_dueDate`),
          addDays(today, 10 + 20 * k),
        );
        await at(`shares_${own}_instalments_${k}_amountYuan`).fill(
          k === 0 ? '1' : (ownParts[1] ?? ''),
        );
      }
      // A wrong part is shown against his amount at once, then corrected.
      await expectLocator(page.getByTestId(`share-instalment-sum-0-${own}`)).toContainText(
        '不一致',
      );
      await at(`shares_${own}_instalments_0_amountYuan`).fill(ownParts[0] ?? '');
      await expectLocator(page.getByTestId(`share-instalment-sum-0-${own}`)).toContainText(
        `各期合计 ${ownYuan.toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      );
      expect(await page.getByTestId(`share-instalment-sum-0-${own}`).innerText()).not.toContain(
        '不一致',
      );
      await at('description').fill('劳务报酬');
      // The running sum checks against the total; one click takes it over.
      await at('amountYuan').fill('100000');
      await expectLocator(page.getByTestId('share-sum')).toContainText('不一致');
      await term.getByRole('button', { name: '以各人合计为总金额' }).click();
      await expectLocator(at('amountYuan')).toHaveValue(
        Number(TOTAL_YUAN).toLocaleString('en-US', { minimumFractionDigits: 2 }),
      );
      // The box updates at once; the check under it follows the watched total one task later
      // (antd batches form watchers), so wait for the new total before reading the verdict.
      const totalText = Number(TOTAL_YUAN).toLocaleString('en-US', { minimumFractionDigits: 2 });
      await expectLocator(page.getByTestId('share-sum')).toContainText(
        `各人合计 ${totalText}，总金额 ${totalText}`,
      );
      expect(await page.getByTestId('share-sum').innerText()).not.toContain('不一致');

      // Three instalments shared by everyone; each worker's part is split in proportion.
      const third = Math.floor(TOTAL_FEN / 3);
      const parts = [third, third, TOTAL_FEN - 2 * third];
      for (let k = 0; k < 3; k += 1) {
        await term.getByRole('button', { name: '添加一期' }).click();
        await typeDate(page, at(`instalments_${k}_dueDate`), addDays(today, 30 * (k + 1)));
        await at(`instalments_${k}_amountYuan`).fill(((parts[k] ?? 0) / 100).toFixed(2));
      }
      // The sum follows the last box after it renders: wait for the full total, then check it.
      await expectLocator(page.getByTestId('instalment-sum')).toContainText(
        `各期合计 ${Number(TOTAL_YUAN).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      );
      expect(await page.getByTestId('instalment-sum').innerText()).not.toContain('不一致');
      await at('method').fill('银行转账至各人本人账户');
      await page.locator('#agreement_recorderName').fill('王海燕');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor();
      await screenshot(page, 'group-wage-editor');

      await page.getByRole('button', { name: '生成正式文本' }).click();
      await page.getByTestId('generate-confirm').waitFor();
      await page
        .locator('.ant-modal-confirm')
        .getByRole('button', { name: '生成正式文本' })
        .click();
      await page.getByTestId('agreement-status').getByText('已生成').waitFor({ timeout: SLOW_MS });
      await page
        .locator('[data-testid="pdf-preview"] canvas[data-rendered="true"]')
        .first()
        .waitFor({ timeout: SLOW_MS });
      await screenshot(page, 'group-wage-generated');

      const agreementId = Number(/#\/agreements\/(\d+)/.exec(page.url())?.[1]);
      const file = await callApi(page, 'agreements.pdf', { agreementId });
      const bytes = Buffer.from(file.pdfBase64, 'base64');
      const text = pdfText(bytes);
      expect(text).toContain('李永贵应向下列十四名权利人分别支付劳务报酬');
      expect(text).toContain('各权利人应得金额及履行期限如下表：');
      // The obligee table: every worker's row has his amount in words and figures, his
      // deadlines (the shared three, or his own two) and the method.
      const rows = obligeeRows(pdfWords(pdfBbox(bytes)), WORKERS);
      const dateOf = (iso: string) => {
        const [y, m, d] = iso.split('-').map(Number);
        return `${y}年${m}月${d}日前支付¥`;
      };
      for (const [j, name] of WORKERS.entries()) {
        const yuan = Number(OWED[j]).toLocaleString('en-US', { minimumFractionDigits: 2 });
        const row = rows.get(name) ?? '';
        expect(row, name).toContain(`¥${yuan}`);
        expect(row, name).toContain('人民币');
        expect(row, name).toContain('银行转账');
        const dues =
          j === own
            ? [addDays(today, 10), addDays(today, 30)]
            : [addDays(today, 30), addDays(today, 60), addDays(today, 90)];
        for (const due of dues) expect(row, name).toContain(dateOf(due));
        expect(text, name).toContain(name);
      }
      // Fifteen signers: the compact signature table (序号, 姓名, 签名或按指印, 日期).
      expect(pdfLayoutText(bytes)).toContain('序号姓名签名或按指印日期');
      expect(text).toContain('具有法律约束力，当事人应当按照约定履行');
      expect(text).toContain('三十日内共同向人民法院申请司法确认');
      expect(text).toContain('无（可通过村委会0979-8881234联系）');
      expect(text).toContain('送达地址：化隆县群科镇1村');
      expect(text).not.toContain('时限：／');

      // The case page lists the frozen print.
      await page.goto(`${base}#/cases/${accepted.id}`);
      const register = page.getByTestId('print-register');
      await expectLocator(register).toContainText('人民调解协议书');
      await expectLocator(register).toContainText('第 1 版');
      await register.getByRole('button', { name: '查看' }).first().click();
      await modalSettled(page);
      await expectLocator(page.getByTestId('frozen-note')).toContainText('第 1 版');
      await shootDialog(page, 'group-wage-stored');

      expect(desk.errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'group-wage-failure');
      throw error;
    } finally {
      await desk.close();
    }
  }, 300_000);
});
