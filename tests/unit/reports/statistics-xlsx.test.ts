import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { writeStatisticsXlsx } from '../../../electron/reports/statistics-xlsx.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';
import { readXlsx } from './xlsx-reader.js';

let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger();
}, 60_000);
afterAll(() => r.l.close());

describe('人民调解工作统计表 .xlsx, read back with openpyxl', () => {
  it('has every figure of the report in its cell, merged headers, A4 landscape print area', async () => {
    const rep = await r.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
    const file = path.join(tempDir('xlsx'), 'stats.xlsx');
    await writeStatisticsXlsx(file, rep, {
      committeeName: '金峰村人民调解委员会',
      countyOfficeName: '=HYPERLINK("http://x")',
      generatedOn: '2026-03-20',
    });
    const book = readXlsx(file);
    expect(Object.keys(book)).toEqual(['统计表', '分类统计', '排查与预防']);
    const s1 = book['统计表'];
    if (!s1) throw new Error('no sheet');
    expect(s1.orientation).toBe('landscape');
    expect(String(s1.paperSize)).toBe('9');
    expect(String(s1.printArea)).toContain('$A$1:$AP$');
    expect(s1.merged).toContain('A1:AP1');
    expect(s1.merged).toContain('A3:A4');
    expect(s1.cells[0]?.[0]).toBe('人民调解工作统计表');
    // column numbers 1..41 in row 5
    expect(s1.cells[4]?.slice(1)).toEqual(rep.columns.map((c) => c.no));
    // every organisation row and the total, cell by cell
    [...rep.organisationRows, rep.organisationTotal].forEach((row, i) => {
      const cells = s1.cells[5 + i] ?? [];
      expect(cells[0]).toBe(row.label);
      row.values.forEach((v, k) => expect(cells[k + 1] ?? null, `${row.label} ${k + 1}`).toBe(v));
    });
    expect(s1.formats.F11 ?? s1.formats.F12).toBe('0.00'); // 涉及金额 in 万元
    const s2 = book['分类统计'];
    [...rep.categoryRows, rep.categoryTotal].forEach((row, i) => {
      const cells = s2?.cells[4 + i] ?? [];
      expect(cells[0]).toBe(row.label);
      row.values.forEach((v, k) => expect(cells[k + 1] ?? null).toBe(v));
    });
    const s3 = book['排查与预防'];
    rep.indicators.forEach((ind, i) => {
      expect(s3?.cells[3 + i]?.slice(1, 4)).toEqual([ind.label, ind.unit, ind.value]);
    });
    // no text cell a spreadsheet would run as a formula
    for (const sheet of Object.values(book)) {
      for (const row of sheet.cells) {
        for (const v of row) if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });
});
