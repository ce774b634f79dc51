import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import { IDENTIFIED_EXPORT_CONFIRMATION } from '../../../domain/statistics/export-inputs.js';
import { intake, openTestLedger, setUpRoom, type TestLedger } from '../services/case-fixtures.js';
import { tempDir } from '../support/temp-dir.js';
import { readXlsx } from './xlsx-reader.js';

/** Issue 15, must-have 6: the 综治 fields are columns of the 台账 xlsx, read back by openpyxl. */
describe('台账 xlsx: 综治 columns', () => {
  let l: TestLedger;
  beforeEach(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
  });
  afterEach(() => l.close());

  const ledgerSheet = async (identified: boolean) => {
    const dir = tempDir('zz-ledger');
    const run = await l.call<ExportRunView>('exports.ledger', {
      period: '2026-03',
      directory: dir,
      identifiedConfirmation: identified ? IDENTIFIED_EXPORT_CONFIRMATION : null,
    });
    const sheet = readXlsx(path.join(dir, run.files[0]?.name ?? ''))['案件台账'];
    if (!sheet) throw new Error('no sheet');
    const head = sheet.cells[1]?.map(String) ?? [];
    const rows = sheet.cells.slice(2).map((row) => {
      const byName: Record<string, string> = {};
      head.forEach((h, i) => (byName[h] = row[i] === null ? '' : String(row[i])));
      return byName;
    });
    return { head, rows, cells: sheet.cells };
  };

  it('prints the five fields, cuts the place in the de-identified ledger and stays formula-safe', async () => {
    await l.call('cases.create', {
      ...intake({
        occurredOn: '2026-02-27',
        occurredPlace: '格尔木市唐古拉山镇长江源村三社冬季草场',
        personsInvolved: 36,
        warningLevel: 'LEVEL_2',
        responsibleLeader: '=HYPERLINK("http://x.invalid","李强")',
      }),
    });
    await l.call('cases.create', intake({ intakeDate: '2026-03-03' }));

    const { head, rows, cells } = await ledgerSheet(false);
    expect(head.slice(-5)).toEqual(['发生日期', '发生地点', '涉及人数', '预警等级', '包案领导']);
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    // Two persons of the export live in 长江源村 (under five): the place goes up to the township.
    expect(first).toMatchObject({
      发生日期: '2026-02-27',
      发生地点: '格尔木市唐古拉山镇',
      涉及人数: '36',
      预警等级: '二级（橙色）',
    });
    // The leader's text arrives as text, never as a formula openpyxl would keep as one.
    expect(first?.['包案领导']).toContain('HYPERLINK("http://x.invalid","李强")');
    expect(first?.['包案领导']).not.toMatch(/^=/);
    expect(second).toMatchObject({
      发生日期: '',
      发生地点: '',
      涉及人数: '',
      预警等级: '',
      包案领导: '',
    });
    for (const v of cells.flat()) {
      if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@\t\r]/);
    }

    const identified = await ledgerSheet(true);
    expect(identified.head.slice(-7, -2)).toEqual([
      '发生日期',
      '发生地点',
      '涉及人数',
      '预警等级',
      '包案领导',
    ]);
    expect(identified.rows[0]?.['发生地点']).toBe('格尔木市唐古拉山镇长江源村三社冬季草场');
  });
});
