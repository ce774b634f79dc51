import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';
import { readXlsx } from './xlsx-reader.js';
import { tempDir } from '../support/temp-dir.js';

/** Counting rule 9 (domain §3.7): edits to reported cases are flagged 更正, never silent. */
let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger(true);
}, 60_000);
afterAll(() => r.l.close());

const march = () => r.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
const caseLines = (file: string) =>
  strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['cases.jsonl'] ?? new Uint8Array())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { caseNumber: string | null; correction: boolean });

describe('更正: cases changed after they were reported', () => {
  it('lists a reported case that changed, in the report, its xlsx and the next package', async () => {
    expect((await march()).corrections).toEqual([]);
    const dir = tempDir('corr');
    await r.l.call<ExportRunView>('exports.statistics', { period: '2026-03', directory: dir });
    // nothing changed since: nothing to correct
    expect((await march()).corrections).toEqual([]);

    const failed = await r.l.call<{ version: number; caseNumber: string }>('cases.get', {
      caseId: r.caseIds.failed,
    });
    await r.l.call('cases.update', {
      caseId: r.caseIds.failed,
      expectedVersion: failed.version,
      changes: { isDifficult: false },
    });
    const after = await march();
    expect(after.corrections).toEqual([
      expect.objectContaining({ caseNumber: failed.caseNumber, reportedPeriod: '2026-03' }),
    ]);

    // the next table says so in a cell openpyxl reads back
    const run = await r.l.call<ExportRunView>('exports.statistics', {
      period: '2026-Q1',
      directory: dir,
    });
    const xlsx = path.join(dir, run.files.find((f) => f.name.endsWith('.xlsx'))?.name ?? '');
    const table = Object.values(readXlsx(xlsx))[0];
    const row = table?.cells.findIndex((cells) => String(cells[0]).startsWith('更正')) ?? -1;
    const text = String(table?.cells[row]?.[0]);
    // inside the print area, across the table's width
    expect(table?.printArea).toContain(`$${row + 1}`);
    expect(table?.merged).toContain(`A${row + 1}:AP${row + 1}`);
    expect(text).toContain(failed.caseNumber);
    expect(text).toContain('2026-03已上报');

    // the quarter's table counted the case again at its new version: no longer pending
    expect((await march()).corrections).toEqual([]);

    // changed once more: the next package carries it flagged, the other cases not
    const again = await r.l.call<{ version: number }>('cases.get', { caseId: r.caseIds.failed });
    await r.l.call('cases.update', {
      caseId: r.caseIds.failed,
      expectedVersion: again.version,
      changes: { isDifficult: true },
    });
    const pkgDir = tempDir('corr-pkg');
    const pkg = await r.l.call<ExportRunView>('exports.package', {
      period: '2026-03',
      directory: pkgDir,
      delta: false,
    });
    const lines = caseLines(path.join(pkgDir, pkg.files[0]?.name ?? ''));
    expect(lines.filter((l) => l.correction).map((l) => l.caseNumber)).toEqual([failed.caseNumber]);
    expect(lines.length).toBeGreaterThan(1);
    expect((await march()).corrections).toEqual([]);
  }, 60_000);
});
