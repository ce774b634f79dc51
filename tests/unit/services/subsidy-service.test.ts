import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSetView } from '../../../domain/cases/change-history.js';
import type { Mediator } from '../../../domain/cases/case-views.js';
import type {
  CaseSubsidyView,
  ImportRulesResult,
  SubsidyClaimPack,
  SubsidyRulesList,
} from '../../../domain/subsidy/subsidy-views.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { settledWithInstalments, type SettledCase } from '../followups/followup-fixtures.js';
import { activateExampleRules, expectRefused } from './subsidy-fixtures.js';
import { intake, person } from './case-fixtures.js';

/**
 * 以案定补 through the API table on a real ledger: the grassland case settled with 30,000 元
 * in two instalments (effective 2026-03-20), mediated by 才让.
 */
let s: SettledCase;
beforeEach(async () => {
  s = await settledWithInstalments();
  s.setClock('2026-04-10T02:00:00Z');
}, 60_000);
afterEach(() => s.m.l.close());

const l = () => s.m.l;
const caseId = () => s.m.detail.id;
const ofCase = () => l().call<CaseSubsidyView>('subsidy.ofCase', { caseId: caseId() });

const expectError = (method: string, input: unknown, code: string, text: RegExp) =>
  expectRefused(l(), method, input, code, text);

const activateExample = (fileName?: string) => activateExampleRules(l(), fileName);

describe('subsidy rules in the ledger', () => {
  it('lists the shipped examples and says plainly that no rule is chosen yet', async () => {
    const list = await l().call<SubsidyRulesList>('subsidy.listRules', {});
    expect(list.rules).toEqual([]);
    expect(list.examples.map((e) => e.title)).toEqual([
      '示例：按难易程度分档（一般 / 疑难 / 重大）',
      '示例：按调委会层级分档，口头调解按比例补贴',
    ]);
    const view = await ofCase();
    expect(view.rules).toBeNull();
    expect(view.claim.reasons[0]).toContain('还没有选择补贴规则');
    await expectError(
      'subsidy.claimPack',
      { mediatorId: s.m.mediatorId, period: '2026-Q1' },
      'INVALID_STATE',
      /还没有选择补贴规则/,
    );
  });

  it('stores an identical file once and a changed file as a new row', async () => {
    const first = await activateExample();
    expect(first.added).toBe(true);
    expect(first.summary.isExample).toBe(true);
    const again = await l().call<ImportRulesResult>('subsidy.importRules', {
      source: 'EXAMPLE',
      fileName: 'subsidy-example-difficulty.v1.json',
    });
    expect(again.added).toBe(false);
    expect(again.summary.rowId).toBe(first.summary.rowId);
    const detail = await l().call<{ rules: Record<string, unknown> }>('subsidy.getRules', {
      rowId: first.summary.rowId,
    });
    const changed = { ...detail.rules, title: '某县以案定补办法（2026）', isExample: false };
    const saved = await l().call<ImportRulesResult>('subsidy.saveRules', { rules: changed });
    expect(saved.added).toBe(true);
    const list = await l().call<SubsidyRulesList>('subsidy.listRules', {});
    expect(list.rules.map((r) => [r.title, r.active, r.superseded])).toEqual([
      ['某县以案定补办法（2026）', false, false],
      ['示例：按难易程度分档（一般 / 疑难 / 重大）', true, true],
    ]);
  });

  it('refuses broken rule files with a clear reason and stores nothing', async () => {
    const file = (text: string | Buffer) => ({
      source: 'FILE',
      fileName: '规则.json',
      dataBase64: Buffer.from(text).toString('base64'),
    });
    await expectError('subsidy.importRules', file('{not json'), 'BAD_INPUT', /不是有效的 JSON/);
    await expectError(
      'subsidy.importRules',
      file(JSON.stringify({ format: 'x' })),
      'BAD_INPUT',
      /这不是以案定补规则文件/,
    );
    await expectError('subsidy.importRules', file('x'.repeat(300 * 1024)), 'BAD_INPUT', /过大/);
    await expectError(
      'subsidy.importRules',
      file(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
      'BAD_INPUT',
      /不是 UTF-8/,
    );
    await expectError(
      'subsidy.importRules',
      file(JSON.stringify({ format: 'mediation-desk/subsidy-rules', formatVersion: 1 })),
      'BAD_INPUT',
      /规则文件有误/,
    );
    await expectError(
      'subsidy.importRules',
      { source: 'EXAMPLE', fileName: '../../etc/passwd' },
      'BAD_INPUT',
      /没有这个示例规则/,
    );
    const list = await l().call<SubsidyRulesList>('subsidy.listRules', {});
    expect(list.rules).toEqual([]);
  });

  it('imports a county file (with a UTF-8 BOM) exactly as the example it was copied from', async () => {
    const text = readFileSync(
      path.resolve(__dirname, '../../../templates/subsidy-example-committee-level.v1.json'),
      'utf8',
    );
    const county = { ...JSON.parse(text), id: 'county-a', isExample: false, title: '某县办法' };
    const imported = await l().call<ImportRulesResult>('subsidy.importRules', {
      source: 'FILE',
      fileName: '某县以案定补规则.json',
      dataBase64: Buffer.from(`\uFEFF${JSON.stringify(county, null, 2)}`).toString('base64'),
    });
    expect(imported.added).toBe(true);
    expect(imported.summary).toMatchObject({ rulesId: 'county-a', isExample: false });
    expect(imported.summary.tiers.map((t) => [t.label, t.amountFen])).toEqual([
      ['简易', 5000],
      ['一般', 20000],
      ['疑难', 40000],
    ]);
  });

  it('refuses a stale activation', async () => {
    const imported = await activateExample();
    await expectError(
      'subsidy.activateRules',
      { rowId: imported.summary.rowId, expectedVersion: 0 },
      'CONFLICT',
      /已被修改/,
    );
  });
});

describe('a case under the difficulty example', () => {
  it('suggests 疑难 from the agreement amount and says why it cannot be claimed yet', async () => {
    await activateExample();
    const view = await ofCase();
    expect(view.suggestion?.tierLabel).toBe('疑难');
    expect(view.suggestion?.reasons).toEqual(['协议金额 30,000.00 元（标准：20,000.00 元以上）']);
    expect(view.claim.claimable).toBe(false);
    expect(view.claim.reasons).toContain('调解员未备案');
    // The volume is judged by the volume checklist, in its words.
    expect(view.claim.reasons.find((r) => r.startsWith('卷宗不完整'))).toContain('身份证明复印件');
    expect(view.claim.tierAmountFen).toBe(20_000);
    expect(view.claim.documents.find((d) => d.document === 'AGREEMENT')?.present).toBe(true);
    expect(view.claim.documents.find((d) => d.document === 'INVESTIGATION_RECORD')?.present).toBe(
      false,
    );
    expect(view.disclaimer).toContain('审核认定为准');
  });

  it('keeps every tier decision, asks a reason to go against the data, and logs it', async () => {
    await activateExample();
    await expectError(
      'subsidy.confirmTier',
      { caseId: caseId(), tierCode: 'GENERAL', reason: null },
      'BAD_INPUT',
      /请填写调整理由/,
    );
    await expectError(
      'subsidy.confirmTier',
      { caseId: caseId(), tierCode: 'NOPE', reason: null },
      'BAD_INPUT',
      /不在当前补贴规则中/,
    );
    await l().call('subsidy.confirmTier', {
      caseId: caseId(),
      tierCode: 'DIFFICULT',
      reason: null,
    });
    const view = await l().call<CaseSubsidyView>('subsidy.confirmTier', {
      caseId: caseId(),
      tierCode: 'GENERAL',
      reason: '争议事实清楚，一次调解即达成协议',
    });
    expect(view.confirmed?.tierLabel).toBe('一般');
    expect(view.history.map((h) => [h.tierLabel, h.suggestedTierCode, h.reason])).toEqual([
      ['一般', 'DIFFICULT', '争议事实清楚，一次调解即达成协议'],
      ['疑难', 'DIFFICULT', null],
    ]);
    expect(view.claim.tierAmountFen).toBe(10_000);
    const history = await l().call<readonly ChangeSetView[]>('cases.history', { caseId: caseId() });
    const tierChange = history.find((h) => h.fields.some((f) => f.field === 'subsidyTier'));
    expect(tierChange?.fields[0]).toMatchObject({ label: '补贴档次', newText: '一般' });
    expect(tierChange?.reason).toBe('争议事实清楚，一次调解即达成协议');
  });

  it('records the reviewer facts with a version and history', async () => {
    await activateExample();
    const saved = await l().call<CaseSubsidyView>('subsidy.saveCaseFacts', {
      caseId: caseId(),
      expectedVersion: 0,
      inCountyRegister: true,
      countyRegisterRef: 'XJ-2026-0315',
      crossArea: false,
      oralAttendanceProven: false,
      reason: null,
    });
    expect(saved.facts).toMatchObject({ inCountyRegister: true, version: 1 });
    await expectError(
      'subsidy.saveCaseFacts',
      {
        caseId: caseId(),
        expectedVersion: 0,
        inCountyRegister: false,
        countyRegisterRef: null,
        crossArea: false,
        oralAttendanceProven: false,
        reason: null,
      },
      'CONFLICT',
      /已被修改/,
    );
    await expectError(
      'subsidy.saveCaseFacts',
      {
        caseId: 999_999,
        expectedVersion: 0,
        inCountyRegister: true,
        countyRegisterRef: null,
        crossArea: false,
        oralAttendanceProven: false,
        reason: null,
      },
      'NOT_FOUND',
      /案件不存在/,
    );
    const history = await l().call<readonly ChangeSetView[]>('cases.history', { caseId: caseId() });
    expect(history.some((h) => h.fields.some((f) => f.label === '县级台账编号'))).toBe(true);
  });
});

describe('mediator profiles and the claim pack', () => {
  it('keeps the profile when an older screen saves without it, and logs grade changes', async () => {
    const [before] = await l().call<readonly Mediator[]>('mediators.list', {});
    expect(before?.profile.filingStatus).toBe('NOT_FILED');
    await expectError(
      'mediators.save',
      {
        id: before?.id,
        expectedVersion: before?.version,
        name: '才让',
        isPeopleMediator: true,
        languages: ['zh', 'bo'],
        active: true,
        profile: { ...before?.profile, filingStatus: 'FILED', filingNumber: null },
      },
      'BAD_INPUT',
      /请填写备案编号/,
    );
    const filed = await l().call<Mediator>('mediators.save', {
      id: before?.id,
      expectedVersion: before?.version,
      name: '才让',
      isPeopleMediator: true,
      languages: ['zh', 'bo'],
      active: true,
      profile: {
        ...before?.profile,
        grade: 'GRADE_2',
        filingStatus: 'FILED',
        filingNumber: '青司调备 2026-0107',
        employment: 'FULL_TIME',
        trainings: [
          { date: '2026-01-12', title: '人民调解员岗前培训', hours: 16, organiser: null },
        ],
      },
    });
    expect(filed.profile).toMatchObject({ grade: 'GRADE_2', filingStatus: 'FILED' });
    const renamed = await l().call<Mediator>('mediators.save', {
      id: filed.id,
      expectedVersion: filed.version,
      name: '才让',
      isPeopleMediator: true,
      languages: ['zh', 'bo', 'en'].slice(0, 2),
      active: true,
    });
    expect(renamed.profile.filingNumber).toBe('青司调备 2026-0107');
    expect(renamed.profile.trainings).toHaveLength(1);
  });

  it('builds the quarter’s claim pack with every reason and the disclaimer', async () => {
    await activateExample();
    const [m] = await l().call<readonly Mediator[]>('mediators.list', {});
    await expectError(
      'subsidy.claimPack',
      { mediatorId: m?.id, period: '2027-Q1' },
      'BAD_INPUT',
      /尚未开始/,
    );
    await expectError(
      'subsidy.claimPack',
      { mediatorId: 424_242, period: '2026-Q1' },
      'BAD_INPUT',
      /调解员不存在/,
    );
    const pack = await l().call<SubsidyClaimPack>('subsidy.claimPack', {
      mediatorId: m?.id,
      period: '2026-Q1',
    });
    expect(pack.periodLabel).toBe('2026年第一季度');
    expect(pack.rulesIsExample).toBe(true);
    expect(pack.lines).toHaveLength(1);
    expect(pack.lines[0]).toMatchObject({ tierCode: 'DIFFICULT', claimable: false, amountFen: 0 });
    expect(pack.lines[0]?.notClaimableReasons).toContain('调解员未备案');
    expect(pack.totals).toMatchObject({ cases: 1, claimable: 0, amountFen: 0 });
    const half = await l().call<SubsidyClaimPack>('subsidy.claimPack', {
      mediatorId: m?.id,
      period: '2026-H1',
    });
    expect(half.periodLabel).toBe('2026年上半年');
    expect(half.lines).toHaveLength(1);
    const april = await l().call<SubsidyClaimPack>('subsidy.claimPack', {
      mediatorId: m?.id,
      period: '2026-04',
    });
    expect(april.lines).toHaveLength(0);
  });

  /** A case taken in, accepted on `accepted`, and ended as 调解不成 on `ended`. */
  async function endedCase(parties: unknown[], accepted: string, ended: string) {
    const saved = await l().call<SavedCase>(
      'cases.create',
      intake({ mediatorIds: [s.m.mediatorId], parties }),
    );
    let d = await l().call<CaseDetail>('cases.transition', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      input: { action: 'ACCEPT', acceptedDate: accepted },
    });
    d = await l().call<CaseDetail>('cases.transition', {
      caseId: d.id,
      expectedVersion: d.version,
      input: { action: 'START_MEDIATION' },
    });
    d = await l().call<CaseDetail>('cases.transition', {
      caseId: d.id,
      expectedVersion: d.version,
      input: {
        action: 'TERMINATE_FAILED',
        terminatedDate: ended,
        advisedRoutes: ['LITIGATION'],
        note: '双方分歧较大',
      },
    });
    return d;
  }
  const panelOf = (id: number) => l().call<CaseSubsidyView>('subsidy.ofCase', { caseId: id });
  const sameDispute = (v: CaseSubsidyView) => v.claim.reasons.filter((r) => r.includes('同一纠纷'));

  it('flags the same dispute on the case page from the parties alone, 14 parties included', async () => {
    await activateExample();
    // The settled case's two parties again (ID number and phone): the later case is the repeat.
    const again = await endedCase(
      [
        person(),
        person({
          role: 'RESPONDENT',
          name: '扎西多杰',
          gender: 'MALE',
          ethnicity: '04',
          phone: { phone: '13900005678' },
          idDocument: null,
        }),
      ],
      '2026-03-25',
      '2026-03-28',
    );
    expect(sameDispute(await panelOf(again.id))).toEqual([
      `与${s.m.detail.caseNumber ?? ''}为同一纠纷，只计一次`,
    ]);
    expect(sameDispute(await panelOf(caseId()))).toEqual([]);
    // One party in common is not the same dispute.
    const other = await endedCase(
      [
        person(),
        person({
          role: 'RESPONDENT',
          name: '卓玛',
          gender: 'FEMALE',
          ethnicity: '04',
          phone: { phone: '13900007777' },
          idDocument: null,
        }),
      ],
      '2026-03-26',
      '2026-03-28',
    );
    expect(sameDispute(await panelOf(other.id))).toEqual([]);
    // Fourteen herders without ID numbers (found by phone): the whole set must match.
    const herders = (changed: number | null) =>
      Array.from({ length: 14 }, (_, i) =>
        person({
          role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
          name: `牧户${String.fromCharCode(0x4e00 + i)}`,
          phone: { phone: `1390000${String(i === changed ? 9999 : 1000 + i)}` },
          idDocument: null,
        }),
      );
    const first = await endedCase(herders(null), '2026-03-20', '2026-03-27');
    const repeat = await endedCase(herders(null), '2026-03-27', '2026-03-29');
    const differs = await endedCase(herders(13), '2026-03-27', '2026-03-29');
    expect(sameDispute(await panelOf(first.id))).toEqual([]);
    expect(sameDispute(await panelOf(repeat.id))).toEqual([
      `与${first.caseNumber ?? ''}为同一纠纷，只计一次`,
    ]);
    expect(sameDispute(await panelOf(differs.id))).toEqual([]);
    // The claim pack (whole-period check) agrees with the case page.
    const pack = await l().call<SubsidyClaimPack>('subsidy.claimPack', {
      mediatorId: s.m.mediatorId,
      period: '2026-Q1',
    });
    const dupOf = (id: number) =>
      pack.lines.find((x) => x.caseId === id)?.duplicateOf?.caseId ?? null;
    expect([again.id, other.id, repeat.id, differs.id].map(dupOf)).toEqual([
      caseId(),
      null,
      first.id,
      null,
    ]);
  });
});
