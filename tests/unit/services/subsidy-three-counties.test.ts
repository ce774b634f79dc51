import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import type {
  ImportRulesResult,
  SubsidyClaimPack,
  SubsidyRulesList,
} from '../../../domain/subsidy/subsidy-views.js';
import { PNG_BYTES } from '../followups/followup-fixtures.js';
import { openTestLedger, person, setUpRoom, type TestLedger } from './case-fixtures.js';

/**
 * Must-have 8 of issue 15: three county rules applied to the same 50 cases of one village
 * committee (才让 leads them all; outcomes in 2026-Q1), every case made through the API the
 * way a room makes it — intake, acceptance, sessions, a signed agreement or an oral register
 * or a failed mediation, the printed 受理登记表 and 告知书, ID copies, the follow-up visit.
 *
 * The expected tiers and amounts below were worked out by hand from the three rule tables
 * (they are not computed by the code under test):
 *
 * County A (略阳式, 元/件): 一般 100 (default) · 疑难 200 (疑难 or ≥3 sessions) · 重大 300
 *   (≥6 persons, or risk ≥ 高); oral cases not paid.
 * County B (彭阳式): 简易 100 (default) · 一般 150 (≥2 sessions, or 合同纠纷) · 疑难 paid by
 *   the region (not by this rule: ≥6 persons or 疑难); oral cases paid in full, no proof.
 * County C (层级式, the room is a 村调委会): 简易 50/村 30 · 一般 200/村 80 (≥2 sessions) ·
 *   疑难 400/村 150 (疑难, or referred by a court or the police); oral cases 50 % with the
 *   parties' signed attendance.
 * All three need a complete volume and count the same dispute once within 365 days.
 *
 * | kind | n | facts                                   | A tier / 元 | B tier / 元   | C tier / 元 |
 * |------|---|-----------------------------------------|-------------|---------------|-------------|
 * | P    | 6 | written, 1 session, 邻里, 2 persons      | 一般 100    | 简易 100      | 简易 30     |
 * | T    | 4 | written, 2 sessions, 合同                | 一般 100    | 一般 150      | 一般 80     |
 * | D    | 3 | written, 3 sessions, 疑难                | 疑难 200    | 疑难 — (region) | 疑难 150  |
 * | G    | 2 | written, 1 session, 6 persons            | 重大 300    | 疑难 — (region) | 简易 30   |
 * | H    | 2 | written, 1 session, 公安委托              | 一般 100    | 简易 100      | 疑难 150    |
 * | I    | 3 | written like P, volume incomplete        | 一般 —      | 简易 —        | 简易 —      |
 * | R    | 2 | written, same parties as P1/P2 (March)   | 一般 —      | 简易 —        | 简易 —      |
 * | OP   | 9 | oral, 1 session, attendance proven       | 一般 —      | 简易 100      | 简易 15     |
 * | OU   | 5 | oral, attendance not proven              | 一般 —      | 简易 100      | 简易 —      |
 * | OC   | 5 | oral, 2 sessions, 法院委托, proven        | 一般 —      | 一般 150      | 疑难 75     |
 * | OI   | 4 | oral, proven, no ID copies               | 一般 —      | 简易 —        | 简易 —      |
 * | F    | 5 | mediation failed                        | 一般 —      | 简易 —        | 简易 —      |
 *
 * Totals: A 17 claimable, 2,400 元 (一般 12 / 1,200; 疑难 3 / 600; 重大 2 / 600).
 *         B 31 claimable, 3,550 元 (简易 22 / 2,200; 一般 9 / 1,350; 疑难 0).
 *         C 31 claimable, 1,820 元 (简易 17 / 375; 一般 4 / 320; 疑难 10 / 1,125).
 */

type Kind = 'P' | 'T' | 'D' | 'G' | 'H' | 'I' | 'R' | 'OP' | 'OU' | 'OC' | 'OI' | 'F';

const PLAN: readonly [Kind, number][] = [
  ['P', 6],
  ['T', 4],
  ['D', 3],
  ['G', 2],
  ['H', 2],
  ['I', 3],
  ['OP', 9],
  ['OU', 5],
  ['OC', 5],
  ['OI', 4],
  ['F', 5],
  ['R', 2],
];

/** Expected [tier code, amount in fen] per county, by kind (see the table above). */
const EXPECTED: Readonly<Record<Kind, Record<'A' | 'B' | 'C', [string, number]>>> = {
  P: { A: ['GENERAL', 10_000], B: ['SIMPLE', 10_000], C: ['SIMPLE', 3_000] },
  T: { A: ['GENERAL', 10_000], B: ['GENERAL', 15_000], C: ['GENERAL', 8_000] },
  D: { A: ['DIFFICULT', 20_000], B: ['DIFFICULT', 0], C: ['DIFFICULT', 15_000] },
  G: { A: ['MAJOR', 30_000], B: ['DIFFICULT', 0], C: ['SIMPLE', 3_000] },
  H: { A: ['GENERAL', 10_000], B: ['SIMPLE', 10_000], C: ['DIFFICULT', 15_000] },
  I: { A: ['GENERAL', 0], B: ['SIMPLE', 0], C: ['SIMPLE', 0] },
  R: { A: ['GENERAL', 0], B: ['SIMPLE', 0], C: ['SIMPLE', 0] },
  OP: { A: ['GENERAL', 0], B: ['SIMPLE', 10_000], C: ['SIMPLE', 1_500] },
  OU: { A: ['GENERAL', 0], B: ['SIMPLE', 10_000], C: ['SIMPLE', 0] },
  OC: { A: ['GENERAL', 0], B: ['GENERAL', 15_000], C: ['DIFFICULT', 7_500] },
  OI: { A: ['GENERAL', 0], B: ['SIMPLE', 0], C: ['SIMPLE', 0] },
  F: { A: ['GENERAL', 0], B: ['SIMPLE', 0], C: ['SIMPLE', 0] },
};

const common = {
  format: 'mediation-desk/subsidy-rules',
  formatVersion: 1,
  isExample: true,
  basis: '测试用规则，仿照各地做法编写，不是任何县的现行标准。',
  validFrom: '2026-01-01',
  validTo: null,
  requires: { completeVolume: true, countyRegister: false, mediatorFiled: false },
  multipleMediators: 'LEAD_ONLY',
  duplicateWindowDays: 365,
};
const tier = (code: string, label: string, rank: number, amountFen: number | null, extra = {}) => ({
  code,
  label,
  rank,
  amountFen,
  requiredDocuments: [],
  ...extra,
});
const RULES = {
  A: {
    ...common,
    id: 'county-a',
    title: '甲县以案定补办法（测试）',
    issuer: '甲县司法局（测试）',
    tiers: [
      tier('GENERAL', '一般', 1, 10_000),
      tier('DIFFICULT', '疑难', 2, 20_000, {
        when: [[{ fact: 'isDifficult', is: true }], [{ fact: 'sessions', atLeast: 3 }]],
      }),
      tier('MAJOR', '重大', 3, 30_000, {
        when: [[{ fact: 'personsInvolved', atLeast: 6 }], [{ fact: 'riskRank', atLeast: 3 }]],
      }),
    ],
    oral: { paid: false, percent: 0, proof: 'NONE' },
  },
  B: {
    ...common,
    id: 'county-b',
    title: '乙县以案定补办法（测试）',
    issuer: '乙县司法局（测试）',
    tiers: [
      tier('SIMPLE', '简易', 1, 10_000),
      tier('GENERAL', '一般', 2, 15_000, {
        when: [[{ fact: 'sessions', atLeast: 2 }], [{ fact: 'category', in: ['CONTRACT'] }]],
      }),
      tier('DIFFICULT', '疑难', 3, null, {
        paidElsewhereNote: '由自治区另行补贴',
        when: [[{ fact: 'isDifficult', is: true }], [{ fact: 'personsInvolved', atLeast: 6 }]],
      }),
    ],
    oral: { paid: true, percent: 100, proof: 'NONE' },
  },
  C: {
    ...common,
    id: 'county-c',
    title: '丙县以案定补办法（测试）',
    issuer: '丙县司法局（测试）',
    tiers: [
      tier('SIMPLE', '简易', 1, 5_000, { amountByLevel: { VILLAGE: 3_000 } }),
      tier('GENERAL', '一般', 2, 20_000, {
        amountByLevel: { VILLAGE: 8_000 },
        when: [[{ fact: 'sessions', atLeast: 2 }]],
      }),
      tier('DIFFICULT', '疑难', 3, 40_000, {
        amountByLevel: { VILLAGE: 15_000 },
        when: [
          [{ fact: 'isDifficult', is: true }],
          [{ fact: 'referredByCourtOrPolice', is: true }],
        ],
      }),
    ],
    oral: { paid: true, percent: 50, proof: 'ATTENDANCE_SIGNED' },
  },
} as const;

const SURNAMES = [...'马李韩冶祁沈喇赵杨白何王张刘陈'];
const GIVEN = ['福祥', '永贵', '学明', '秀英', '成林', '德胜', '海龙', '占山', '国华', '光辉'];

let l: TestLedger;
let mediatorId: number;
const seeded: { id: number; kind: Kind; caseNumber: string | null }[] = [];
const rowIds: Record<string, number> = {};

const day = (i: number, offset: number) => {
  const month = 1 + Math.floor(i / 20);
  return `2026-0${month}-${String(2 + (i % 20) + offset).padStart(2, '0')}`;
};

function partiesFor(i: number, count: number, kind: Kind) {
  // R repeats the parties of P1 / P2 (cases 0 and 1), so the dispute is the same one.
  const source = kind === 'R' ? i % 2 : i;
  return Array.from({ length: count }, (_, k) =>
    person({
      role: k === 0 ? 'APPLICANT' : 'RESPONDENT',
      name: `${SURNAMES[(source + k) % SURNAMES.length] ?? ''}${GIVEN[(source * 3 + k) % GIVEN.length] ?? ''}`,
      gender: k % 2 === 0 ? 'FEMALE' : 'MALE',
      phone: { phone: `138${String(source * 10 + k).padStart(8, '0')}` },
      idDocument: null,
    }),
  );
}

async function seedCase(i: number, kind: Kind): Promise<void> {
  const oral = kind.startsWith('O');
  const sessions = kind === 'D' ? 3 : kind === 'T' || kind === 'OC' ? 2 : 1;
  const intakeDate = day(i, 0);
  const saved = await l.call<SavedCase>('cases.create', {
    intakeDate,
    source:
      kind === 'H' ? 'ENTRUSTED_POLICE' : kind === 'OC' ? 'ENTRUSTED_COURT' : 'ON_APPLICATION',
    // A case the court sent names the court and the day it arrived (the court's 30 days).
    ...(kind === 'OC'
      ? { courtKind: 'DELEGATED', courtName: '某县人民法院', courtReceivedOn: intakeDate }
      : {}),
    category: kind === 'T' ? 'CONTRACT' : 'NEIGHBOUR',
    subtype: null,
    summary: '双方因宅基地排水和院墙发生争执，多次协商未果。',
    requests: ['疏通排水沟'],
    riskLevel: 'MEDIUM',
    isDifficult: kind === 'D',
    mediatorIds: [mediatorId],
    parties: partiesFor(i, kind === 'G' ? 6 : 2, kind),
  });
  let c = await l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: intakeDate },
  });
  c = await l.call<CaseDetail>('cases.transition', {
    caseId: c.id,
    expectedVersion: c.version,
    input: { action: 'START_MEDIATION' },
  });
  const partyIds = c.parties.map((p) => p.id);
  for (let s = 1; s <= sessions; s += 1) {
    c = await l.call<CaseDetail>('sessions.add', {
      caseId: c.id,
      session: {
        startAt: `${day(i, s)}T09:30`,
        endAt: `${day(i, s)}T10:30`,
        place: '金峰村调解室',
        partyIdsPresent: partyIds,
        mediatorIds: [mediatorId],
        recorder: '李明',
        interpreter: null,
        recordMode: 'FULL',
        content: '调解员告知双方权利义务，双方陈述了排水沟的走向，同意各让一步。',
        result: 'CONTINUE',
        readBackConfirmed: true,
      },
    });
  }
  const endDate = day(i, sessions + 1);
  if (kind === 'F') {
    await l.call('cases.transition', {
      caseId: c.id,
      expectedVersion: c.version,
      input: {
        action: 'TERMINATE_FAILED',
        terminatedDate: endDate,
        advisedRoutes: ['LITIGATION'],
        note: '双方分歧过大',
      },
    });
  } else if (oral) {
    await l.call('agreements.registerOral', {
      caseId: c.id,
      expectedCaseVersion: c.version,
      register: {
        registerNumber: `口字第${String(i + 1).padStart(3, '0')}号`,
        agreedDate: endDate,
        partyIds,
        facts: '院墙排水沟堵塞，雨水流入邻居院内。',
        oralTerms: '被申请人当场疏通排水沟并赔礼道歉。',
        performanceStatus: 'PERFORMED_ON_SPOT',
        mediatorIds: [mediatorId],
        recorderName: '李明',
      },
    });
  } else {
    const draft = await l.call<Agreement>('agreements.createDraft', { caseId: c.id });
    const filled = await l.call<Agreement>('agreements.updateDraft', {
      agreementId: draft.id,
      expectedVersion: draft.version,
      content: {
        agreementNumber: c.caseNumber,
        agreementDate: endDate,
        partyIds,
        agents: [],
        facts: '院墙排水沟堵塞，雨水流入邻居院内。',
        disputedMatters: '排水沟的疏通和院墙的修补。',
        responsibilities: [],
        terms: [{ kind: 'TEXT', text: '被申请人于协议签订当日疏通排水沟，双方今后互不追究。' }],
        mediatorIds: [mediatorId],
        recorderName: '李明',
      },
    });
    const generated = await l.call<Agreement>('agreements.generate', {
      agreementId: filled.id,
      expectedVersion: filled.version,
    });
    await l.call('agreements.recordSignatures', {
      agreementId: generated.id,
      expectedVersion: generated.version,
      signatures: {
        parties: partyIds.map((partyId) => ({ partyId, date: endDate, mode: 'SIGN' })),
        mediatorDate: endDate,
        recorderDate: endDate,
        sealDate: endDate,
      },
    });
  }
  if (kind !== 'F' && kind !== 'I') {
    for (const docKind of ['ACCEPTANCE_REGISTER', 'RIGHTS_NOTICE'] as const) {
      await l.call('documents.render', {
        caseId: c.id,
        kind: docKind,
        recordId: null,
        allowMissingGlyphs: true,
      });
    }
    if (kind !== 'OI') {
      for (const partyId of partyIds) {
        await l.call('volume.attach', {
          caseId: c.id,
          kind: 'IDENTITY_PROOF',
          partyId,
          file: { fileName: `身份证${partyId}.png`, dataBase64: PNG_BYTES.toString('base64') },
        });
      }
    }
    await l.call('followups.record', {
      caseId: c.id,
      followUpId: null,
      expectedVersion: 0,
      visit: {
        visitDate: day(i, sessions + 3),
        mode: 'IN_PERSON',
        visitedPartyIds: partyIds,
        findings: '排水沟已疏通，双方关系缓和。',
        performance: 'PERFORMED',
        satisfaction: 'SATISFIED',
        risk: 'NONE',
        visitorId: mediatorId,
        nextStep: 'NONE',
        nextVisitDate: null,
        nextStepNote: null,
      },
    });
  }
  if (kind === 'OP' || kind === 'OC' || kind === 'OI') {
    await l.call('subsidy.saveCaseFacts', {
      caseId: c.id,
      expectedVersion: 0,
      inCountyRegister: null,
      countyRegisterRef: null,
      crossArea: false,
      oralAttendanceProven: true,
      reason: null,
    });
  }
  seeded.push({ id: c.id, kind, caseNumber: c.caseNumber });
}

beforeAll(async () => {
  l = await openTestLedger(() => new Date('2026-04-10T02:00:00Z'));
  ({ mediatorId } = await setUpRoom(l));
  let i = 0;
  for (const [kind, n] of PLAN) {
    for (let k = 0; k < n; k += 1) {
      // R (the repeats) come last, in March, after the P cases they repeat.
      await seedCase(kind === 'R' ? 40 + k : i, kind);
      if (kind !== 'R') i += 1;
    }
  }
  for (const county of ['A', 'B', 'C'] as const) {
    const r = await l.call<ImportRulesResult>('subsidy.importRules', {
      source: 'FILE',
      fileName: `${RULES[county].id}.json`,
      dataBase64: Buffer.from(JSON.stringify(RULES[county])).toString('base64'),
    });
    rowIds[county] = r.summary.rowId;
  }
}, 1_800_000);
afterAll(() => l.close());

async function packUnder(county: 'A' | 'B' | 'C'): Promise<SubsidyClaimPack> {
  const list = await l.call<SubsidyRulesList>('subsidy.listRules', {});
  await l.call('subsidy.activateRules', { rowId: rowIds[county], expectedVersion: list.version });
  return l.call<SubsidyClaimPack>('subsidy.claimPack', { mediatorId, period: '2026-Q1' });
}

const TOTALS = {
  A: {
    claimable: 17,
    amountFen: 240_000,
    byTier: { GENERAL: [12, 120_000], DIFFICULT: [3, 60_000], MAJOR: [2, 60_000] },
  },
  B: {
    claimable: 31,
    amountFen: 355_000,
    byTier: { SIMPLE: [22, 220_000], GENERAL: [9, 135_000], DIFFICULT: [0, 0] },
  },
  C: {
    claimable: 31,
    amountFen: 182_000,
    byTier: { SIMPLE: [17, 37_500], GENERAL: [4, 32_000], DIFFICULT: [10, 112_500] },
  },
} as const;

describe('three county rules on the same 50 cases', () => {
  it('seeded 50 cases with an outcome in 2026-Q1', () => {
    expect(seeded).toHaveLength(50);
  });

  it.each(['A', 'B', 'C'] as const)(
    'county %s: every tier and amount, and the totals',
    async (county) => {
      const pack = await packUnder(county);
      expect(pack.lines).toHaveLength(50);
      const byCase = new Map(pack.lines.map((line) => [line.caseId, line]));
      for (const c of seeded) {
        const line = byCase.get(c.id);
        const [tierCode, amountFen] = EXPECTED[c.kind][county];
        expect([c.kind, line?.tierCode, line?.amountFen, line?.claimable]).toEqual([
          c.kind,
          tierCode,
          amountFen,
          amountFen > 0,
        ]);
      }
      const expected = TOTALS[county];
      expect(pack.totals.cases).toBe(50);
      expect(pack.totals.claimable).toBe(expected.claimable);
      expect(pack.totals.amountFen).toBe(expected.amountFen);
      expect(
        Object.fromEntries(pack.totals.byTier.map((t) => [t.tierCode, [t.cases, t.amountFen]])),
      ).toEqual(expected.byTier);
      expect(pack.disclaimer).toContain('以司法所和县司法局审核认定为准');
    },
  );

  it('says why: an incomplete volume, the same dispute, the region pays, oral proof', async () => {
    const reasonsOf = (pack: SubsidyClaimPack, kind: Kind) =>
      seeded
        .filter((c) => c.kind === kind)
        .map((c) => pack.lines.find((line) => line.caseId === c.id)?.notClaimableReasons ?? []);
    const a = await packUnder('A');
    for (const reasons of reasonsOf(a, 'I')) {
      expect(reasons.join('；')).toMatch(
        /^卷宗不完整：.*尚未打印受理登记表或申请书.*尚未打印权利义务告知书.*身份证明复印件.*没有回访记录/,
      );
    }
    for (const reasons of reasonsOf(a, 'OI')) {
      expect(reasons).toContain('本规则不补贴口头调解');
      expect(reasons.join('；')).toContain('卷宗不完整：缺少当事人');
    }
    // The same dispute counts once: the March repeats point at the January case they repeat.
    const [first, second] = seeded.filter((c) => c.kind === 'P');
    const repeats = seeded.filter((c) => c.kind === 'R');
    expect(repeats.map((r) => a.lines.find((line) => line.caseId === r.id)?.duplicateOf)).toEqual([
      { caseId: first?.id, caseNumber: first?.caseNumber },
      { caseId: second?.id, caseNumber: second?.caseNumber },
    ]);
    expect(reasonsOf(a, 'R')).toEqual([
      [`与${first?.caseNumber ?? ''}为同一纠纷，只计一次`],
      [`与${second?.caseNumber ?? ''}为同一纠纷，只计一次`],
    ]);
    expect(a.lines.find((line) => line.caseId === first?.id)?.claimable).toBe(true);
    const b = await packUnder('B');
    for (const reasons of reasonsOf(b, 'D'))
      expect(reasons).toEqual(['“疑难”档次由自治区另行补贴']);
    const c = await packUnder('C');
    for (const reasons of reasonsOf(c, 'OU')) {
      expect(reasons).toEqual(['口头调解未能证明当事人到场（需要当事人签名的口头协议登记表）']);
    }
    // A failed mediation says so first, then whatever else the volume lacks.
    for (const reasons of reasonsOf(c, 'F')) expect(reasons[0]).toBe('调解未成功，不属于补贴范围');
  });
});

// The three packs whole, frozen as base 9c24a68 computed them before the pack was made faster.
describe('the three counties’ packs stay as frozen', () => {
  it('every line, reason and total', async () => {
    const frozen = { A: await packUnder('A'), B: await packUnder('B'), C: await packUnder('C') };
    // Read, never written: no run (not even `vitest -u`) may make the code's answer the expected one.
    expect(JSON.parse(JSON.stringify(frozen))).toEqual(
      JSON.parse(
        readFileSync(path.join(import.meta.dirname, 'frozen/subsidy-three-counties.json'), 'utf8'),
      ),
    );
  });
});
