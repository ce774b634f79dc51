import { describe, expect, it } from 'vitest';
import {
  addressToVillage,
  maskName,
  maskPhone,
  suppressSmallVillages,
} from '../../../domain/statistics/deidentify.js';
import { ledgerRows } from '../../../electron/reports/ledger-rows.js';
import { safeFileName } from '../../../electron/reports/safe-file-name.js';
import { safeCellText } from '../../../electron/reports/spreadsheet-cells.js';

describe('de-identification (§7.6)', () => {
  it('masks names by the 张某 convention, compound surnames and names without a surname', () => {
    expect(maskName('张伟')).toBe('张某');
    expect(maskName('欧阳娜娜')).toBe('欧阳某');
    expect(maskName('扎西多杰')).toBe('扎某');
    expect(maskName('买买提·艾力')).toBe('买某');
    expect(maskName('欧阳')).toBe('欧某');
  });
  it('masks phones and cuts addresses at the village', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0979-8412345')).toBe('*******2345');
    expect(maskPhone('12345')).toBe('***45');
    expect(addressToVillage('格尔木市唐古拉山镇长江源村12号')).toBe('格尔木市唐古拉山镇长江源村');
    expect(addressToVillage('锡林浩特市宝力格苏木巴音嘎查3组')).toBe(
      '锡林浩特市宝力格苏木巴音嘎查',
    );
    expect(addressToVillage('某市金峰路街道88号')).toBe('某市金峰路街道');
    expect(addressToVillage('北京路88号')).toBe('');
  });
  it('shows no more than half of any number but a mobile, and at most its last four digits', () => {
    // s33: the old rule kept the first 3 and last 4 of every number of 8+ digits, so a local
    // number showed 7 of its 8 digits and a landline with its area code 7 of 11
    const rows: readonly (readonly [string, string])[] = [
      ['84123456', '****3456'],
      ['8412345', '****345'],
      ['0979-8412345', '*******2345'],
      ['09798412345', '*******2345'],
      ['010-12345678', '*******5678'],
      ['0971-8412345-801', '*******2345-801'],
      ['4001234567', '******4567'],
      ['12345', '***45'],
      ['110', '**0'],
      ['7', '*'],
      ['无', ''],
      ['', ''],
    ];
    expect(rows.map(([phone]) => maskPhone(phone))).toEqual(rows.map(([, shown]) => shown));
    for (const [phone] of rows) {
      const digits = phone.split('-801')[0]?.replace(/\D/g, '') ?? '';
      const shown = maskPhone(phone).split('-801')[0]?.replace(/\D/g, '') ?? '';
      expect(shown.length, phone).toBeLessThanOrEqual(Math.floor(digits.length / 2));
    }
  });
  it('the de-identified ledger shows a landline or a local number by the same rule', () => {
    const party = (name: string, phone: string) => ({
      kind: 'NATURAL',
      name,
      phone,
      address: '格尔木市唐古拉山镇长江源村12号',
      idNumber: null,
    });
    const row = (identified: boolean) =>
      ledgerRows(
        [
          {
            id: 1,
            caseNumber: '（2026）格调字第1号',
            intakeDate: '2026-03-02',
            source: 'APPLICATION',
            category: 'NEIGHBOURHOOD',
            subtype: null,
            summary: '',
            riskLevel: 'LOW',
            status: 'ACCEPTED',
            outcome: null,
            outcomeDate: null,
            reopenedResult: null,
            reopenedResultDate: null,
            occurredOn: null,
            occurredPlace: null,
            personsInvolved: null,
            warningLevel: null,
            responsibleLeader: null,
            mediators: '才让',
            parties: [
              party('王芳', '13800001234'),
              party('扎西', '0979-8412345'),
              party('李强', '84123456'),
            ],
          },
        ],
        '金峰村',
        identified,
      )[0]?.[6];
    expect(row(false)).toBe('138****1234、*******2345、****3456');
    expect(row(true)).toBe('13800001234、0979-8412345、84123456');
  });
  it('raises villages with fewer than 5 persons to their township', () => {
    const shown = suppressSmallVillages(
      new Map([
        ['唐古拉山镇长江源村', 5],
        ['郭勒木德镇红柳村', 4],
        ['红柳村', 1],
      ]),
    );
    expect(shown.get('唐古拉山镇长江源村')).toBe('唐古拉山镇长江源村');
    expect(shown.get('郭勒木德镇红柳村')).toBe('郭勒木德镇');
    expect(shown.get('红柳村')).toBe('（人数不足，已隐去）');
  });
  it('keeps formula starts out of cells and hostile names out of paths', () => {
    for (const t of ['=1+1', '+86', '-3', '@SUM(A1)', '\tx', '\rx']) {
      expect(safeCellText(t)).toBe(`'${t}`);
    }
    expect(safeCellText('张某')).toBe('张某');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('con.xlsx')).toBe('_con.xlsx');
    expect(safeFileName('LPT1_表.xlsx')).toBe('LPT1_表.xlsx');
    expect(safeFileName('../../a\\b/c:d*e?.zip')).toBe('_.._a_b_c_d_e_.zip');
    expect(safeFileName('a\u0000b\u001fc.pdf')).toBe('a_b_c.pdf');
    expect(safeFileName('...')).toBe('导出文件');
    const long = safeFileName(`${'长'.repeat(300)}.xlsx`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});
