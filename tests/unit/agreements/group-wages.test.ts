import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Agreement,
  DraftCheck,
  RenderedDocument,
} from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import {
  intake,
  openTestLedger,
  person,
  session,
  setUpRoom,
  type TestLedger,
} from '../services/case-fixtures.js';
import { amountInWords } from '../../../domain/money-words.js';
import { obligeeRows, pdfWords } from './pdf-table.js';
import { pdfBbox, pdfText } from './pdf-tools.js';
import { WORKERS } from './wage-workers.js';

/** Wages owed, fen: 6,800 … 9,400 元 with a few odd amounts. */
const OWED = WORKERS.map((_, i) => 6_800_00 + i * 200_00 + (i % 3) * 33);

let l: TestLedger;
let detail: CaseDetail;
let mediatorId: number;

beforeEach(async () => {
  l = await openTestLedger();
  ({ mediatorId } = await setUpRoom(l));
  const saved = await l.call<SavedCase>(
    'cases.create',
    intake({
      category: 'LABOUR',
      subtype: 'UNPAID_MIGRANT_WAGES',
      summary: '包工头李永贵拖欠十四名农民工2025年劳务报酬。',
      requests: ['支付拖欠的劳务报酬'],
      mediatorIds: [mediatorId],
      parties: [
        person({
          role: 'RESPONDENT',
          name: '李永贵',
          gender: 'MALE',
          occupation: '包工头',
          idDocument: null,
          phone: { phone: '13997001234' },
        }),
        ...WORKERS.map((name, i) =>
          person({
            name,
            gender: 'MALE',
            ethnicity: '35',
            occupation: '农民工',
            idDocument: null,
            phone:
              i === 0
                ? { phone: '无', noPhoneReason: '可通过村委会0979-8881234联系' }
                : { phone: `1390979${String(1000 + i)}` },
            address: `化隆县群科镇${i + 1}村`,
            preferredLanguage: i === 1 ? 'bo' : 'zh',
          }),
        ),
      ],
    }),
  );
  const accepted = await l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
  });
  detail = await l.call<CaseDetail>('cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
});
afterEach(() => l.close());

function wageContent(obligation: Record<string, unknown>) {
  const ids = detail.parties.map((p) => p.id);
  return {
    agreementNumber: '（2026）金峰调字第021号',
    agreementDate: '2026-03-10',
    partyIds: ids,
    facts: '李永贵承包群科镇安置房工程，雇用申请人十四人务工，至今拖欠劳务报酬。',
    terms: [{ kind: 'OBLIGATION', obligation }],
    mediatorIds: [mediatorId],
    recorderName: '王海燕',
  };
}

async function draft(obligation: Record<string, unknown>): Promise<Agreement> {
  const created = await l.call<Agreement>('agreements.createDraft', { caseId: detail.id });
  return l.call<Agreement>('agreements.updateDraft', {
    agreementId: created.id,
    expectedVersion: created.version,
    content: wageContent(obligation),
  });
}

const total = OWED.reduce((a, b) => a + b, 0);

function groupObligation(extra: Record<string, unknown> = {}) {
  const [employerId, ...workers] = detail.parties.map((p) => p.id);
  return {
    kind: 'MONEY',
    obligorPartyId: employerId,
    obligeePartyId: null,
    description: '劳务报酬',
    amountFen: total,
    method: '银行转账至各人本人账户',
    shares: workers.map((partyId, i) => ({ partyId, amountFen: OWED[i] })),
    ...extra,
  };
}

describe('a wage claim of fourteen workers prints an enforceable term for every one of them', () => {
  it('three shared instalments: every worker, amount and date is on the paper', async () => {
    const third = Math.floor(total / 3);
    const a = await draft(
      groupObligation({
        instalments: [
          { dueDate: '2026-04-15', amountFen: third },
          { dueDate: '2026-06-15', amountFen: third },
          { dueDate: '2026-08-15', amountFen: total - 2 * third },
        ],
      }),
    );
    const check = await l.call<DraftCheck>('agreements.checkDraft', { agreementId: a.id });
    expect(check.issues.filter((i) => i.level === 'ERROR')).toEqual([]);
    const generated = await l.call<Agreement>('agreements.generate', {
      agreementId: a.id,
      expectedVersion: a.version,
    });
    const pdf = await l.call<{ pdfBase64: string }>('agreements.pdf', {
      agreementId: generated.id,
    });
    const bytes = Buffer.from(pdf.pdfBase64, 'base64');
    const text = pdfText(bytes).replace(/\s+/g, '');
    expect(text).toContain('李永贵应向下列十四名权利人分别支付劳务报酬');
    expect(text).toContain('各权利人应得金额及履行期限如下表：');
    expect(text).not.toContain('等十四人');
    // The obligee table under the term: one row per worker (序号, 姓名, 金额大写/小写, 期限, 方式).
    const rows = obligeeRows(pdfWords(pdfBbox(bytes)), WORKERS);
    WORKERS.forEach((name, i) => {
      const yuan = (OWED[i]! / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
      const row = rows.get(name) ?? '';
      expect(row, name).toContain(String(i + 1));
      expect(row, name).toContain(`人民币${amountInWords(OWED[i]!)}`);
      expect(row, name).toContain(`¥${yuan}`);
      for (const due of ['2026年4月15日前支付¥', '2026年6月15日前支付¥', '2026年8月15日前支付¥']) {
        expect(row, name).toContain(due);
      }
      expect(row, name).toContain('银行转账');
    });
    // The law on the page (PML 31, 33), and no empty 时限.
    expect(text).toContain('具有法律约束力，当事人应当按照约定履行');
    expect(text).toContain('三十日内共同向人民法院申请司法确认');
    expect(text).not.toContain('履行方式、时限：／');
    // The worker without a phone: the recorded way to reach him and a service address.
    expect(text).toContain('无（可通过村委会0979-8881234联系）');
    expect(text).toContain('送达地址：化隆县群科镇1村');
    expect(text).toContain('使用语言：藏语');
  });

  it('refuses shares that do not add up and a term without any deadline', async () => {
    const created = await l.call<Agreement>('agreements.createDraft', { caseId: detail.id });
    const bad = await l.raw('agreements.updateDraft', {
      agreementId: created.id,
      expectedVersion: created.version,
      content: wageContent(groupObligation({ amountFen: total + 1, dueDate: '2026-04-15' })),
    });
    expect(bad.ok ? '' : bad.error.message).toContain('各权利人金额合计');
    const undated = await l.call<Agreement>('agreements.updateDraft', {
      agreementId: created.id,
      expectedVersion: created.version,
      content: wageContent(groupObligation()),
    });
    const check = await l.call<DraftCheck>('agreements.checkDraft', { agreementId: undated.id });
    expect(check.ok).toBe(false);
    expect(check.issues).toContainEqual(
      expect.objectContaining({
        level: 'ERROR',
        field: 'content.terms.0.obligation.dueDate',
        message: expect.stringContaining('14 名权利人没有履行期限') as unknown,
      }),
    );
    const generate = await l.raw('agreements.generate', {
      agreementId: undated.id,
      expectedVersion: undated.version,
    });
    expect(generate.ok ? null : generate.error.code).toBe('BAD_INPUT');
  });
});

describe('other documents carry the subtype, the language and the contact of each party', () => {
  it('acceptance register, rights notice, application and session record', async () => {
    const render = async (kind: string, recordId: number | null = null) =>
      pdfText(
        Buffer.from(
          (
            await l.call<RenderedDocument>('documents.render', {
              caseId: detail.id,
              kind,
              recordId,
            })
          ).pdfBase64,
          'base64',
        ),
      ).replace(/\s+/g, '');
    expect(await render('ACCEPTANCE_REGISTER')).toContain('拖欠农民工工资纠纷');
    const withSession = await l.call<CaseDetail>('sessions.add', {
      caseId: detail.id,
      session: session(
        detail.parties.map((p) => p.id),
        mediatorId,
        {
          participants: [
            { name: '韩主任', role: 'VILLAGE_COMMITTEES', affiliation: '群科镇（一村）村委会主任' },
            { name: '马老师', role: 'OTHER', affiliation: '退休教师' },
          ],
        },
      ),
    });
    const notice = await render('RIGHTS_NOTICE');
    expect(notice).toContain(
      '当事人马福林使用藏语，本告知书已由翻译人多杰才旦用藏语向其宣读并翻译。',
    );
    expect(notice).toContain('翻译人：多杰才旦');
    const application = await render('APPLICATION');
    expect(application).toContain('本申请书已由翻译人多杰才旦用藏语向其宣读并翻译');
    expect(application).toContain('无（可通过村委会0979-8881234联系）');
    const record = await render('SESSION_RECORD', withSession.sessions[0]!.id);
    expect(record).toContain('韩主任（村〔嘎查〕两委，群科镇〔一村〕村委会主任）');
    expect(record).toContain('马老师（退休教师）');
    expect(record).not.toContain('其他，');
    expect(record.indexOf('参加人')).toBeLessThan(record.indexOf('当事人'));
  });
});
