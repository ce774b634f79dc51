import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IDENTIFIED_EXTRA_COLUMNS, LEDGER_COLUMNS } from '../../../electron/reports/ledger-rows.js';
import { writeLedgerXlsx } from '../../../electron/reports/ledger-xlsx.js';
import { tempDir } from '../support/temp-dir.js';
import { writeLedgerXlsxWithExceljs } from './ledger-xlsx-exceljs-reference.js';
import { readXlsx } from './xlsx-reader.js';

/**
 * The 台账 is written by our own few lines of XML instead of exceljs's object model (the largest
 * part of a quarter's exports). Held to what exceljs made for the same rows: every part of the
 * package byte for byte (but the creation time), and the same reading by openpyxl.
 */

/** Hostile and awkward text: XML entities, control characters, formula starts, 4-byte CJK. */
const AWKWARD = [
  '',
  ' 前后空格 ',
  '<b>&amp;"引号"\'</b>',
  'a\u0001b\u0008c\u000bd\u000ce\u001ff\u007fg',
  '换行\n回车\r制表\t',
  '=HYPERLINK("x")',
  '+86 138',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '𠮷野家 ᠮᠣᠩᠭᠣᠯ ཀཁག',
  '张某 138****5678',
];

function rows(columns: readonly string[], count: number): string[][] {
  return Array.from({ length: count }, (_, r) =>
    columns.map((_, c) =>
      c === 0 ? String(r + 1) : (AWKWARD[(r * 7 + c) % AWKWARD.length] ?? ''),
    ),
  );
}

async function both(columns: readonly string[], body: string[][]) {
  const dir = tempDir('ledger-xlsx');
  const ours = path.join(dir, 'ours.xlsx');
  const theirs = path.join(dir, 'exceljs.xlsx');
  const title = '金峰村人民调解委员会案件台账（2026年第一季度）<&>';
  await writeLedgerXlsx(ours, title, columns, body);
  await writeLedgerXlsxWithExceljs(theirs, title, columns, body);
  return { ours, theirs };
}

function parts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name !== 'docProps/core.xml')
      .map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]),
  );
}

describe('the 台账 xlsx writer', () => {
  it('writes what exceljs wrote, part for part, for the de-identified columns', async () => {
    const { ours, theirs } = await both(LEDGER_COLUMNS, rows(LEDGER_COLUMNS, 60));
    expect(parts(ours)).toEqual(parts(theirs));
    expect(readXlsx(ours)).toEqual(readXlsx(theirs));
  });

  it('and for the identified columns, and for a period without cases', async () => {
    const wide = [...LEDGER_COLUMNS, ...IDENTIFIED_EXTRA_COLUMNS];
    const { ours, theirs } = await both(wide, rows(wide, 13));
    expect(parts(ours)).toEqual(parts(theirs));
    // without body rows exceljs never registered the body style: our styles keep it, unused
    const empty = await both(LEDGER_COLUMNS, []);
    const { 'xl/styles.xml': ourStyles, ...ourRest } = parts(empty.ours);
    const { 'xl/styles.xml': theirStyles, ...theirRest } = parts(empty.theirs);
    expect(ourRest).toEqual(theirRest);
    expect(ourStyles).toBe(parts(ours)['xl/styles.xml']);
    expect(theirStyles).toContain('<cellXfs count="3">');
    expect(readXlsx(empty.ours)).toEqual(readXlsx(empty.theirs));
    const read = readXlsx(empty.ours)['案件台账'];
    expect(read?.cells).toHaveLength(2);
    expect(read?.orientation).toBe('landscape');
    expect(read?.paperSize).toBe(9);
  });

  it('names columns past Z as a spreadsheet does', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `列${i + 1}`);
    const { ours, theirs } = await both(many, rows(many, 3));
    expect(parts(ours)).toEqual(parts(theirs));
    expect(readXlsx(ours)['案件台账']?.merged).toEqual(['A1:AD1']);
  });
});
