import path from 'node:path';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { FollowUp, CaseFollowUps } from '../../../domain/followups/followup-views.js';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { countyReport, importPackages } from '../../../electron/county/county-commands.js';
import { settledWithInstalments, visit, type SettledCase } from '../followups/followup-fixtures.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Counting rule 8: 履行数 and 司法确认数 of the period of the settlement (2026-03), read from the
 * follow-up visits and the judicial confirmation records as they stand when the report is made.
 */
describe('履行 and 司法确认 from the follow-up records (rule 8)', () => {
  let s: SettledCase;
  beforeEach(async () => {
    s = await settledWithInstalments();
  }, 60_000);
  afterEach(() => s.m.l.close());

  const march = async () => {
    const rep = await s.m.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
    const at = (label: string) =>
      rep.organisationTotal.values[rep.columns.findIndex((c) => c.label === label)];
    expect(rep.totals.success).toBe(1);
    return {
      performed: rep.totals.performed,
      confirmed: rep.totals.confirmed,
      performedColumn: at('履行数'),
      confirmedColumn: at('司法确认数'),
    };
  };
  const nextPlan = async () => {
    const o = await s.m.l.call<CaseFollowUps>('followups.ofCase', { caseId: s.m.detail.id });
    const plan = o.visits.find((v) => v.status === 'SCHEDULED');
    if (!plan) throw new Error('no planned visit');
    return plan;
  };
  const record = async (overrides: Record<string, unknown>) => {
    const plan = await nextPlan();
    return s.m.l.call<FollowUp>('followups.record', {
      caseId: s.m.detail.id,
      followUpId: plan.id,
      expectedVersion: plan.version,
      visit: visit(s, overrides),
    });
  };
  const confirmation = {
    base: () => ({
      caseId: s.m.detail.id,
      agreementId: s.agreement.id,
      appliedDate: '2026-03-25',
      court: '格尔木市人民法院',
      courtCaseNumber: null,
      decisionDate: null,
      enforcementAppliedDate: null,
      note: null,
    }),
  };

  it('counts the latest visit and a valid ruling only, in the table and in the package', async () => {
    s.setClock('2026-03-26T02:00:00Z');
    expect(await march()).toEqual({
      performed: 0,
      confirmed: 0,
      performedColumn: 0,
      confirmedColumn: 0,
    });

    // applied, not decided: not 司法确认
    const pending = await s.m.l.call<{ confirmation: { version: number } }>('confirmations.save', {
      ...confirmation.base(),
      expectedVersion: 0,
      decision: 'PENDING',
    });
    expect((await march()).confirmed).toBe(0);

    // 部分履行 is not 履行
    s.setClock('2026-04-23T02:00:00Z');
    await record({ performance: 'PARTLY' });
    expect((await march()).performed).toBe(0);

    // the court rules the agreement valid
    await s.m.l.call('confirmations.save', {
      ...confirmation.base(),
      expectedVersion: pending.confirmation.version,
      courtCaseNumber: '（2026）青2801民特12号',
      decision: 'VALID',
      decisionDate: '2026-04-08',
    });
    expect(await march()).toEqual({
      performed: 0,
      confirmed: 1,
      performedColumn: 0,
      confirmedColumn: 1,
    });

    // the second visit finds it all performed
    s.setClock('2026-05-23T02:00:00Z');
    await record({
      visitDate: '2026-05-23',
      performance: 'PERFORMED',
      nextStep: 'NONE',
      nextVisitDate: null,
      findings: '第二期赔偿款已转账，协议全部履行完毕。',
    });
    expect(await march()).toEqual({
      performed: 1,
      confirmed: 1,
      performedColumn: 1,
      confirmedColumn: 1,
    });

    // the county package carries both, and the county's table counts them the same way
    const dir = tempDir('perf-pkg');
    const run = await s.m.l.call<ExportRunView>('exports.package', {
      period: '2026-03',
      directory: dir,
      delta: false,
    });
    const file = path.join(dir, run.files[0]?.name ?? '');
    const cases = strFromU8(
      unzipSync(new Uint8Array(readFileSync(file)))['cases.jsonl'] ?? new Uint8Array(),
    )
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { performed: boolean; confirmed: boolean });
    expect(cases).toEqual([expect.objectContaining({ performed: true, confirmed: true })]);
    const countyDb = path.join(dir, 'county.sqlite');
    expect(importPackages(countyDb, [file], new Date()).refused).toEqual([]);
    const county = countyReport(countyDb, '2026-03', path.resolve('templates')).report;
    expect(county.totals).toMatchObject({ success: 1, performed: 1, confirmed: 1 });
  });

  it('a later visit that finds it no longer performed takes the count back', async () => {
    s.setClock('2026-04-23T02:00:00Z');
    await record({ performance: 'PERFORMED', nextStep: 'NEXT_VISIT', nextVisitDate: '2026-05-25' });
    expect((await march()).performed).toBe(1);
    s.setClock('2026-05-25T02:00:00Z');
    // the plan of 05-22 (second instalment) comes first; it finds the second payment missing
    await record({
      visitDate: '2026-05-25',
      performance: 'NOT_PERFORMED',
      nextStep: 'ADVISE_LITIGATION',
      nextVisitDate: null,
      findings: '第二期赔偿款逾期未付。',
    });
    expect((await march()).performed).toBe(0);
  });
});
