import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';
import { readXlsx } from './xlsx-reader.js';

/** Issue 15, must-have 6: half-year periods in statistics and exports, and the 零报告. */
let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger();
}, 60_000);
afterAll(() => r.l.close());

const report = (period: string) => r.l.call<StatisticsReport>('statistics.get', { period });

describe('half-year periods and the 零报告', () => {
  it('a half-year counts its six months, the same cases as its quarter and month here', async () => {
    const [half, quarter, month] = await Promise.all([
      report('2026-H1'),
      report('2026-Q1'),
      report('2026-03'),
    ]);
    expect(half.period).toEqual({
      key: '2026-H1',
      label: '2026年上半年',
      start: '2026-01-01',
      end: '2026-06-30',
    });
    expect(half.byMonth.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(half.totals.cases).toBeGreaterThan(0);
    expect(half.totals).toEqual(quarter.totals);
    expect(half.totals).toEqual(month.totals);
    expect(half.zeroReport).toBe(false);
    // The second half has not started on the ledger's today (2026-03-20).
    const h2 = await r.l.raw('statistics.get', { period: '2026-H2' });
    expect(h2.ok).toBe(false);
    const bad = await r.l.raw('statistics.get', { period: '2026-H3' });
    expect(bad.ok).toBe(false);
  });

  it('exports a half-year ledger and statistics table', async () => {
    const dir = tempDir('half');
    const run = await r.l.call<ExportRunView>('exports.statistics', {
      period: '2026-H1',
      directory: dir,
    });
    expect(run.files.map((f) => f.name)).toEqual([
      '金峰村人民调解委员会_人民调解工作统计表_2026-H1.xlsx',
      '金峰村人民调解委员会_人民调解工作统计表_2026-H1.pdf',
    ]);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, run.files[1]!.name), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('2026年上半年（2026-01-01 至 2026-06-30）');
    expect(text).not.toContain('零报告');
    const ledger = await r.l.call<ExportRunView>('exports.ledger', {
      period: '2026-H1',
      directory: dir,
      identifiedConfirmation: null,
    });
    expect(ledger.files[0]?.name).toContain('2026-H1');
  });

  it('a month without disputes is a 零报告, said plainly on screen data, xlsx and PDF', async () => {
    const feb = await report('2026-02');
    expect(feb.zeroReport).toBe(true);
    expect(feb.totals.cases).toBe(0);
    // March has the seeded cases, so it is not.
    expect((await report('2026-03')).zeroReport).toBe(false);

    const dir = tempDir('zero');
    const run = await r.l.call<ExportRunView>('exports.statistics', {
      period: '2026-02',
      directory: dir,
    });
    expect(run.files.map((f) => f.name)).toEqual([
      '金峰村人民调解委员会_人民调解工作统计表_2026-02_零报告.xlsx',
      '金峰村人民调解委员会_人民调解工作统计表_2026-02_零报告.pdf',
    ]);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, run.files[1]!.name), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('（零报告）');
    expect(text.replace(/\s+/g, '')).toContain(
      '零报告：2026年2月（2026-02-01至2026-02-28）本单位无调处、在调或移交的矛盾纠纷',
    );
    const book = readXlsx(path.join(dir, run.files[0]!.name));
    const cells = book['统计表']!.cells.flat().filter((c) => typeof c === 'string');
    expect(cells[0]).toContain('（零报告）');
    expect(cells.some((c) => c.startsWith('零报告：2026年2月'))).toBe(true);
  });
});
