import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimPack, splitFen, type ClaimCase } from '../../../domain/subsidy/claim-pack';
import {
  findDuplicateDisputes,
  matterKeyOf,
  partyKeyOf,
  type DisputeIdentity,
} from '../../../domain/subsidy/duplicate-disputes';
import {
  subsidyRulesSchema,
  type SubsidyRules,
  type SubsidyRulesInput,
  type VolumeDocument,
} from '../../../domain/subsidy/subsidy-rules';
import { suggestTier, type SubsidyCaseFacts } from '../../../domain/subsidy/tier-suggestion';

const templates = path.resolve(__dirname, '../../../templates');
const readRules = (file: string): SubsidyRules =>
  subsidyRulesSchema.parse(JSON.parse(readFileSync(path.join(templates, file), 'utf8')));

const difficulty = readRules('subsidy-example-difficulty.v1.json');
const committee = readRules('subsidy-example-committee-level.v1.json');

/** A third county shaped like 彭阳: 简易/一般 paid by the county, 疑难 by the province. */
const provincePaysHard: SubsidyRulesInput = {
  format: 'mediation-desk/subsidy-rules',
  formatVersion: 1,
  id: 'test-province-pays-hard',
  title: '测试：疑难由省级支付',
  issuer: '测试',
  isExample: false,
  basis: null,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  tiers: [
    {
      code: 'SIMPLE',
      label: '简易',
      rank: 1,
      amountFen: 10000,
      when: [],
      requiredDocuments: ['APPLICATION_OR_REGISTER', 'AGREEMENT'],
    },
    {
      code: 'GENERAL',
      label: '一般',
      rank: 2,
      amountFen: 15000,
      when: [[{ fact: 'sessions', atLeast: 2 }], [{ fact: 'personsInvolved', atLeast: 5 }]],
    },
    {
      code: 'DIFFICULT',
      label: '疑难',
      rank: 3,
      amountFen: null,
      paidElsewhereNote: '由自治区另行补贴',
      when: [[{ fact: 'isDifficult', is: true }], [{ fact: 'highRisk', is: true }]],
    },
  ],
  oral: { paid: true, percent: 30, proof: 'NONE' },
  requires: { completeVolume: true, countyRegister: true, mediatorFiled: false },
  multipleMediators: 'LEAD_ONLY',
  duplicateWindowDays: 180,
};
const county3 = subsidyRulesSchema.parse(provincePaysHard);

const FULL: VolumeDocument[] = [
  'APPLICATION_OR_REGISTER',
  'RIGHTS_NOTICE',
  'IDENTITY_PROOF',
  'INVESTIGATION_RECORD',
  'SESSION_RECORD',
  'AGREEMENT',
  'FOLLOWUP_RECORD',
  'CLOSING_REPORT',
];
const BASIC: VolumeDocument[] = [
  'APPLICATION_OR_REGISTER',
  'RIGHTS_NOTICE',
  'IDENTITY_PROOF',
  'SESSION_RECORD',
  'AGREEMENT',
];

const baseFacts: SubsidyCaseFacts = {
  category: 'NEIGHBOUR',
  subtype: null,
  source: 'ON_APPLICATION',
  personsInvolved: 2,
  amountFen: 500_000,
  sessions: 1,
  riskLevel: 'LOW',
  isDifficult: false,
  isGroup: false,
  crossArea: false,
};

/**
 * Fifty cases in five groups of ten, built so every expected figure below can be worked out by
 * hand from the rule files (the comments give the arithmetic).
 *  A  1–10 simple written cases, 5,000 yuan; 6–10 not in the county register.
 *  B 11–20 difficult: 12 persons, 3 sessions, 30,000 yuan; 11–15 shared with mediator 2.
 *  C 21–30 oral cases; attendance proven for 21–25 only.
 *  D 31–40 major: 35 persons, 150,000 yuan, risk 重大; 36–40 lack the follow-up record.
 *  E 41–45 failed; 46–50 the same disputes as 1–5 registered again 30 days later.
 */
function seedCases(): { cases: ClaimCase[]; identities: DisputeIdentity[] } {
  const cases: ClaimCase[] = [];
  const identities: DisputeIdentity[] = [];
  for (let id = 1; id <= 50; id += 1) {
    let facts = baseFacts;
    let outcome: ClaimCase['outcome'] = 'SUCCESS_WRITTEN';
    let present = BASIC;
    let complete = true;
    let problems: string[] = [];
    let mediatorIds = [1];
    let oralAttendanceProven = false;
    let acceptedDate = '2026-03-01';
    let partyKeys = [`id:P${id}A`, `id:P${id}B`];
    if (id >= 11 && id <= 20) {
      facts = {
        ...baseFacts,
        personsInvolved: 12,
        sessions: 3,
        amountFen: 3_000_000,
        isDifficult: true,
        isGroup: true,
      };
      present = FULL;
      if (id <= 15) mediatorIds = [1, 2];
    } else if (id >= 21 && id <= 30) {
      facts = { ...baseFacts, amountFen: 0 };
      outcome = 'SUCCESS_ORAL';
      present = ['APPLICATION_OR_REGISTER', 'SESSION_RECORD', 'AGREEMENT'];
      oralAttendanceProven = id <= 25;
    } else if (id >= 31 && id <= 40) {
      facts = {
        ...baseFacts,
        personsInvolved: 35,
        amountFen: 15_000_000,
        riskLevel: 'CRITICAL',
        isGroup: true,
      };
      present = FULL;
      if (id >= 36) {
        present = FULL.filter((d) => d !== 'FOLLOWUP_RECORD');
        complete = false;
        problems = ['缺少回访记录'];
      }
    } else if (id >= 41 && id <= 45) {
      outcome = 'FAILED';
    } else if (id >= 46) {
      acceptedDate = '2026-03-31';
      partyKeys = [`id:P${id - 45}B`, `id:P${id - 45}A`];
    }
    cases.push({
      caseId: id,
      caseNumber: `（2026）测调字第${id}号`,
      title: `案件${id}`,
      facts,
      outcome,
      outcomeDate: `2026-04-${String((id % 28) + 1).padStart(2, '0')}`,
      mediatorIds,
      volume: { complete, problems, present },
      inCountyRegister: !(id >= 6 && id <= 10),
      oralAttendanceProven,
      confirmedTier: null,
    });
    identities.push({
      caseId: id,
      caseNumber: `（2026）测调字第${id}号`,
      category: facts.category,
      subtype: facts.subtype,
      partyKeys,
      acceptedDate,
    });
  }
  return { cases, identities };
}

const { cases, identities } = seedCases();
const duplicates = findDuplicateDisputes(identities, 180);
const period = { periodStart: '2026-04-01', periodEnd: '2026-06-30' };
const mediator1 = { id: 1, name: '卓玛', filed: true };
const mediator2 = { id: 2, name: '马国强', filed: true };

function pack(rules: SubsidyRules, level: 'TOWNSHIP' | 'VILLAGE', mediator = mediator1) {
  return buildClaimPack({ rules, committeeLevel: level, ...period, mediator, cases, duplicates });
}

const tierOf = (p: ReturnType<typeof pack>, id: number) => p.lines.find((l) => l.caseId === id);

describe('subsidy rule files', () => {
  it('ships two examples, both marked as examples', () => {
    expect(difficulty.isExample).toBe(true);
    expect(committee.isExample).toBe(true);
    expect(difficulty.issuer).toContain('示例');
  });

  it('refuses a broken rule file with a clear Chinese reason', () => {
    const bad = (patch: Record<string, unknown>) =>
      subsidyRulesSchema.safeParse({ ...provincePaysHard, ...patch });
    const messages = (r: ReturnType<typeof bad>) =>
      r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages(bad({ format: 'something-else' }))).toContain('这不是以案定补规则文件');
    expect(
      messages(bad({ tiers: provincePaysHard.tiers.filter((t) => t.when?.length) })).join(),
    ).toContain('没有条件的基本档次');
    expect(
      messages(
        bad({ tiers: [...provincePaysHard.tiers, { ...provincePaysHard.tiers[0] }] }),
      ).join(),
    ).toContain('重复');
    expect(
      messages(
        bad({
          tiers: [{ ...provincePaysHard.tiers[0], amountFen: null, paidElsewhereNote: null }],
        }),
      ).join(),
    ).toContain('请说明由谁支付');
    expect(messages(bad({ oral: { paid: false, percent: 30, proof: 'NONE' } })).join()).toContain(
      '比例应为 0',
    );
    expect(messages(bad({ title: '规则\u0007名称' })).length).toBeGreaterThan(0);
    expect(messages(bad({ validTo: '2025-12-31' })).join()).toContain('截止日期');
    expect(messages(bad({ extra: 1 })).length).toBeGreaterThan(0);
    expect(
      messages(
        bad({
          tiers: [{ ...provincePaysHard.tiers[0], when: [[{ fact: 'amountFen', atLeast: -1 }]] }],
        }),
      ).length,
    ).toBeGreaterThan(0);
  });

  it('keeps template syntax in a title as plain text', () => {
    const parsed = subsidyRulesSchema.parse({ ...provincePaysHard, title: '{{constructor}}${x}' });
    expect(parsed.title).toBe('{{constructor}}${x}');
  });
});

describe('tier suggestion', () => {
  it('takes the highest tier whose conditions are all met and says why', () => {
    const s = suggestTier(difficulty, { ...baseFacts, personsInvolved: 35 });
    expect(s.tier?.code).toBe('MAJOR');
    expect(s.reasons).toEqual(['涉及当事人 35 人（标准：30 人以上）']);
    const group = suggestTier(difficulty, { ...baseFacts, isGroup: true, crossArea: false });
    expect(group.tier?.code).toBe('GENERAL');
    const both = suggestTier(difficulty, { ...baseFacts, isGroup: true, crossArea: true });
    expect(both.tier?.code).toBe('MAJOR');
    expect(both.reasons).toEqual(['群体性纠纷', '跨地区纠纷']);
  });

  it('falls back to the default tier and says so', () => {
    const s = suggestTier(difficulty, baseFacts);
    expect(s.tier?.code).toBe('GENERAL');
    expect(s.reasons[0]).toContain('基本档次');
  });

  it('matches a parent source code for its children (委托移送 → 法院委托移送)', () => {
    const rules = subsidyRulesSchema.parse({
      ...provincePaysHard,
      tiers: [
        provincePaysHard.tiers[0],
        { ...provincePaysHard.tiers[1], when: [[{ fact: 'source', in: ['ENTRUSTED'] }]] },
      ],
    });
    expect(suggestTier(rules, { ...baseFacts, source: 'ENTRUSTED_COURT' }).tier?.code).toBe(
      'GENERAL',
    );
    expect(suggestTier(rules, baseFacts).tier?.code).toBe('SIMPLE');
  });
});

describe('duplicate disputes', () => {
  it('flags the later registration of the same parties and matter, once', () => {
    expect([...duplicates.keys()].sort((a, b) => a - b)).toEqual([46, 47, 48, 49, 50]);
    expect(duplicates.get(46)).toEqual({ caseId: 1, caseNumber: '（2026）测调字第1号' });
  });

  it('does not match outside the window, another matter or another set of parties', () => {
    const one: DisputeIdentity = {
      caseId: 1,
      caseNumber: null,
      category: 'NEIGHBOUR',
      subtype: null,
      partyKeys: ['a', 'b'],
      acceptedDate: '2026-01-01',
    };
    expect(
      findDuplicateDisputes([one, { ...one, caseId: 2, acceptedDate: '2026-12-31' }], 180).size,
    ).toBe(0);
    expect(
      findDuplicateDisputes([one, { ...one, caseId: 2, category: 'CONTRACT' }], 180).size,
    ).toBe(0);
    expect(
      findDuplicateDisputes([one, { ...one, caseId: 2, partyKeys: ['a', 'c'] }], 180).size,
    ).toBe(0);
    expect(
      findDuplicateDisputes(
        [
          { ...one, partyKeys: [] },
          { ...one, caseId: 2, partyKeys: [] },
        ],
        180,
      ).size,
    ).toBe(0);
  });

  it('takes a matter key the identity carries for the one its category and parties give', () => {
    // The claim packs make each identity with its key; party order and repeats do not matter.
    expect(matterKeyOf('NEIGHBOUR', ['b', 'a', 'b'])).toBe(matterKeyOf('NEIGHBOUR', ['a', 'b']));
    expect(matterKeyOf('NEIGHBOUR', ['a', 'b'])).not.toBe(matterKeyOf('CONTRACT', ['a', 'b']));
    const plain: DisputeIdentity = {
      caseId: 1,
      caseNumber: '一',
      category: 'NEIGHBOUR',
      subtype: null,
      partyKeys: ['a', 'b'],
      acceptedDate: '2026-01-01',
    };
    const cases = [
      plain,
      { ...plain, caseId: 2, caseNumber: '二', partyKeys: ['b', 'a'], acceptedDate: '2026-02-01' },
      { ...plain, caseId: 3, caseNumber: '三', partyKeys: ['a', 'c'], acceptedDate: '2026-03-01' },
    ];
    const keyed = cases.map((c) => ({ ...c, matterKey: matterKeyOf(c.category, c.partyKeys) }));
    expect([...findDuplicateDisputes(keyed, 180)]).toEqual([...findDuplicateDisputes(cases, 180)]);
    expect([...findDuplicateDisputes(keyed, 180)]).toEqual([[2, { caseId: 1, caseNumber: '一' }]]);
    // The carried key is what is compared: a case keyed as another matter is not matched.
    const apart = keyed.map((c) => (c.caseId === 2 ? { ...c, matterKey: 'other' } : c));
    expect(findDuplicateDisputes(apart, 180).size).toBe(0);
  });

  it('keeps every first case of a matter repeated after its window, each with its own repeats', () => {
    const first: DisputeIdentity = {
      caseId: 1,
      caseNumber: '一',
      category: 'FOREST_LAND',
      subtype: 'GRASSLAND',
      partyKeys: ['a', 'b'],
      acceptedDate: '2026-01-01',
    };
    const found = findDuplicateDisputes(
      [
        { ...first, caseId: 6, caseNumber: '六', acceptedDate: '2027-01-10' },
        first,
        // Another subtype the same day: a second first case of the matter.
        { ...first, caseId: 2, caseNumber: '二', subtype: 'OTHER_FOREST_LAND' },
        { ...first, caseId: 3, caseNumber: '三', acceptedDate: '2026-12-31' },
        {
          ...first,
          caseId: 4,
          caseNumber: '四',
          subtype: 'OTHER_FOREST_LAND',
          acceptedDate: '2026-02-01',
        },
        { ...first, caseId: 5, caseNumber: '五', subtype: null, acceptedDate: '2026-01-02' },
      ],
      180,
    );
    expect(Object.fromEntries(found)).toEqual({
      4: { caseId: 2, caseNumber: '二' },
      5: { caseId: 1, caseNumber: '一' },
      6: { caseId: 3, caseNumber: '三' },
    });
  });

  it('keys a party by ID number, else name and phone digits', () => {
    expect(partyKeyOf({ idNumber: '11010519491231002x', name: '甲', phone: null })).toBe(
      'id:11010519491231002X',
    );
    expect(partyKeyOf({ idNumber: null, name: '王 芳', phone: '138-0000-0000' })).toBe(
      'np:王芳|13800000000',
    );
  });
});

describe('claim packs: three rule tables over the same fifty cases', () => {
  it('difficulty tiers, township: 10 一般 + 10 疑难 + 5 重大 = 4,500 yuan', () => {
    const p = pack(difficulty, 'TOWNSHIP');
    // 1–10 ×100, 11–20 ×200 (lead on 11–15), 31–35 ×300; oral unpaid; 36–40 incomplete.
    expect(p.totals.claimable).toBe(25);
    expect(p.totals.amountFen).toBe(450_000);
    expect(p.totals.byTier.map((t) => [t.tierCode, t.cases, t.amountFen])).toEqual([
      ['GENERAL', 10, 100_000],
      ['DIFFICULT', 10, 200_000],
      ['MAJOR', 5, 150_000],
    ]);
    expect(p.totals.cases).toBe(50);
    expect(tierOf(p, 21)?.notClaimableReasons).toEqual([
      '本规则不补贴口头调解',
      '“一般”档次还需要：当事人权利义务告知书',
    ]);
    expect(p.rulesIsExample).toBe(true);
    expect(p.disclaimer).toContain('以司法所和县司法局审核认定为准');
  });

  it('says why a case with an incomplete volume cannot be claimed', () => {
    const line = tierOf(pack(difficulty, 'TOWNSHIP'), 36);
    expect(line?.claimable).toBe(false);
    expect(line?.amountFen).toBe(0);
    expect(line?.tierCode).toBe('MAJOR');
    expect(line?.notClaimableReasons).toEqual([
      '卷宗不完整：缺少回访记录',
      '“重大”档次还需要：回访记录',
    ]);
  });

  it('counts a repeated dispute once and names the first case', () => {
    const p = pack(difficulty, 'TOWNSHIP');
    expect(tierOf(p, 1)?.claimable).toBe(true);
    expect(tierOf(p, 46)?.claimable).toBe(false);
    expect(tierOf(p, 46)?.notClaimableReasons).toEqual([
      '与（2026）测调字第1号为同一纠纷，只计一次',
    ]);
  });

  it('pays the lead mediator only when the rule says so', () => {
    const p = pack(difficulty, 'TOWNSHIP', mediator2);
    expect(p.lines.map((l) => l.caseId)).toEqual([11, 12, 13, 14, 15]);
    expect(p.totals.amountFen).toBe(0);
    expect(tierOf(p, 11)?.notClaimableReasons).toEqual(['按本规则由承办调解员（名列第一）申报']);
  });

  it('committee levels with oral cases at 50 %, township: 7,125 yuan', () => {
    const p = pack(committee, 'TOWNSHIP');
    // 1–10 一般 200 ×10 = 2,000; 11–15 疑难 400 / 2 ×5 = 1,000; 16–20 400 ×5 = 2,000;
    // 21–25 简易 50 × 50 % ×5 = 125; 31–35 疑难 400 ×5 = 2,000.
    expect(p.totals.claimable).toBe(30);
    expect(p.totals.amountFen).toBe(712_500);
    expect(tierOf(p, 11)?.share).toBe('1/2');
    expect(tierOf(p, 11)?.amountFen).toBe(20_000);
    expect(tierOf(p, 26)?.notClaimableReasons).toEqual([
      '口头调解未能证明当事人到场（需要当事人签名的口头协议登记表）',
    ]);
    const other = pack(committee, 'TOWNSHIP', mediator2);
    expect(other.totals.amountFen).toBe(100_000);
  });

  it('committee levels, village: 2,750 yuan', () => {
    // 80 ×10 + 75 ×5 + 150 ×5 + 15 ×5 + 150 ×5 = 800 + 375 + 750 + 75 + 750.
    expect(pack(committee, 'VILLAGE').totals.amountFen).toBe(275_000);
  });

  it('province-paid hard cases and the county register: 800 yuan', () => {
    const p = pack(county3, 'TOWNSHIP');
    // 1–5 简易 100 = 500 (6–10 not in the register); 21–30 oral 100 × 30 % = 300.
    expect(p.totals.claimable).toBe(15);
    expect(p.totals.amountFen).toBe(80_000);
    expect(tierOf(p, 6)?.notClaimableReasons).toEqual(['不在县级矛盾纠纷排查调处台账中']);
    expect(tierOf(p, 11)?.notClaimableReasons).toEqual(['“疑难”档次由自治区另行补贴']);
    expect(tierOf(p, 41)?.notClaimableReasons).toContain('调解未成功，不属于补贴范围');
  });

  it('uses the mediator’s confirmed tier over the suggestion, with the reason', () => {
    const changed = cases.map((c) =>
      c.caseId === 1 ? { ...c, confirmedTier: { code: 'DIFFICULT', reason: '连续三天上门' } } : c,
    );
    const p = buildClaimPack({
      rules: difficulty,
      committeeLevel: 'TOWNSHIP',
      ...period,
      mediator: mediator1,
      cases: changed,
      duplicates,
    });
    const line = tierOf(p, 1);
    expect(line?.tierSource).toBe('CONFIRMED');
    expect(line?.tierReasons).toEqual(['调解员确认为“疑难”：连续三天上门']);
    expect(line?.notClaimableReasons).toEqual(['“疑难”档次还需要：调查记录']);
  });

  it('leaves out cases outside the period, open or referred', () => {
    const p = buildClaimPack({
      rules: difficulty,
      committeeLevel: 'TOWNSHIP',
      periodStart: '2026-05-01',
      periodEnd: '2026-05-31',
      mediator: mediator1,
      cases: [
        ...cases.slice(0, 2),
        { ...cases[2]!, outcome: 'OPEN', outcomeDate: null },
        { ...cases[3]!, outcome: 'REFERRED' },
      ],
      duplicates,
    });
    expect(p.lines).toEqual([]);
  });

  it('splits fen exactly', () => {
    expect(splitFen(10_001, 3)).toEqual([3_334, 3_334, 3_333]);
    expect(splitFen(10_001, 3).reduce((a, b) => a + b, 0)).toBe(10_001);
  });
});
