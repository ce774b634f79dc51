import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface XlsxSheet {
  readonly cells: (string | number | boolean | null)[][];
  readonly formats: Record<string, string>;
  readonly merged: string[];
  readonly printArea: string | null;
  readonly orientation: string | null;
  readonly paperSize: number | string | null;
}

/** The workbook as openpyxl (a reader that is not exceljs) sees it. */
export function readXlsx(file: string): Record<string, XlsxSheet> {
  const script = path.join(import.meta.dirname, 'read-xlsx.py');
  const out = execFileSync('/usr/bin/python3', [script, file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out) as Record<string, XlsxSheet>;
}
