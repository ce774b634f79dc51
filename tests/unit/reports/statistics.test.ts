import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';

let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger();
}, 60_000);
afterAll(() => r.l.close());

const indicator = (rep: StatisticsReport, id: string) =>
  rep.indicators.find((i) => i.id === id)?.value;
const column = (rep: StatisticsReport, label: string) => {
  const i = rep.columns.findIndex((c) => c.label === label);
  expect(i).toBeGreaterThanOrEqual(0);
  return rep.organisationTotal.values[i];
};

describe('statistics engine (§3.5, counting rules of §3.7)', () => {
  it('counts March 2026 by outcome date, with open cases as 在调', async () => {
    const rep = await r.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
    expect(rep.period.label).toBe('2026年3月');
    expect(rep.columns).toHaveLength(41);
    // written + oral + failed are mediated; the open case is 在调; the intake is nothing.
    expect(rep.totals).toMatchObject({ cases: 3, success: 2, open: 1, referred: 0 });
    expect(rep.totals.successRate).toBe(66.67);
    expect(rep.totals.amountWan).toBe(3);
    // persons: 2 + 2 + 2 (刘强 entered twice is one person)
    expect(rep.totals.persons).toBe(6);
    expect(column(rep, '案件总数')).toBe(3);
    expect(column(rep, '成功案件数')).toBe(2);
    expect(column(rep, '疑难案件')).toBe(1);
    expect(column(rep, '涉及金额（万元）')).toBe(3);
    expect(column(rep, '村调委会')).toBe(3);
    expect(column(rep, '街道调委会')).toBe(0);
    expect(column(rep, '依申请')).toBe(1);
    expect(column(rep, '主动调解')).toBe(1);
    expect(column(rep, '接受委托移送')).toBe(1);
    expect(column(rep, '其中：公安机关')).toBe(1);
    expect(column(rep, '山林土地')).toBe(1);
    expect(column(rep, '邻里')).toBe(1);
    expect(column(rep, '合同')).toBe(1);
    expect(column(rep, '口头协议')).toBe(1);
    expect(column(rep, '书面协议')).toBe(1);
    // the oral register says performed on the spot; the written one is not closed yet
    expect(column(rep, '履行数')).toBe(1);
    expect(indicator(rep, 'open_cases')).toBe(1);
    const grass = rep.categoryRows.find((row) => row.label === '其中：草场（草牧场）纠纷');
    expect(grass?.sub).toBe(true);
    expect(grass?.values[0]).toBe(1);
    expect(rep.byMonth).toEqual([{ month: '2026-03', cases: 3, success: 2 }]);
  });

  it('the same figures for the quarter and the year; nothing in another month', async () => {
    const q = await r.l.call<StatisticsReport>('statistics.get', { period: '2026-Q1' });
    const y = await r.l.call<StatisticsReport>('statistics.get', { period: '2026' });
    expect(q.totals).toEqual(
      (await r.l.call<StatisticsReport>('statistics.get', { period: '2026-03' })).totals,
    );
    expect(y.totals.cases).toBe(3);
    expect(y.byMonth).toHaveLength(12);
    const feb = await r.l.call<StatisticsReport>('statistics.get', { period: '2026-02' });
    expect(feb.totals).toMatchObject({ cases: 0, success: 0, open: 0, successRate: null });
  });

  it('refuses an empty, malformed or future period', async () => {
    for (const period of ['', '  ', '2026-13', '2026-Q5', 'abc', '2026-04', '2027']) {
      const res = await r.l.raw('statistics.get', { period });
      expect(res.ok, period).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('BAD_INPUT');
    }
    const res = await r.l.raw('statistics.get', { period: '2026-04' });
    expect(res.ok ? '' : res.error.message + JSON.stringify(res.error.issues)).toContain(
      '尚未开始',
    );
  });
});
