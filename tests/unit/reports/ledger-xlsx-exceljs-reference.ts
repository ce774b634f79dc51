import ExcelJS from 'exceljs';
import { safeCellText } from '../../../electron/reports/spreadsheet-cells.js';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/**
 * One style object shared by every body cell: exceljs recognises a style it has seen by object
 * identity, so a per-cell `cell.border = …` (which copies the style) costs a style lookup per cell
 * — most of a 10,000-row ledger's export time.
 */
const BODY_STYLE: Partial<ExcelJS.Style> = { border: BORDER };
const WIDTHS: Readonly<Record<string, number>> = {
  序号: 6,
  编号: 22,
  登记日期: 11,
  来源: 12,
  类型: 20,
  当事人: 18,
  联系电话: 26,
  '乡镇/村': 22,
  简要情况: 30,
  风险等级: 8,
  '责任单位/责任人': 26,
  化解措施: 22,
  化解状态: 9,
  化解日期: 11,
  回访情况: 9,
  发生日期: 11,
  发生地点: 22,
  涉及人数: 8,
  预警等级: 12,
  包案领导: 12,
  身份证件号码: 40,
  住址: 40,
};

/** The 台账 writer as it was with exceljs's streaming writer: the reference the own writer is held to. */
export async function writeLedgerXlsxWithExceljs(
  file: string,
  title: string,
  columns: readonly string[],
  rows: readonly string[][],
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = '调解工作台';
  const sheet = wb.addWorksheet('案件台账', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = columns.map((c) => ({ width: WIDTHS[c] ?? 14 }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const t = sheet.getCell(1, 1);
  t.value = safeCellText(title);
  t.font = { name: 'SimHei', size: 14, bold: true };
  t.alignment = { horizontal: 'center' };
  sheet.getRow(1).commit();
  const head = sheet.getRow(2);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.commit();
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 3);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = safeCellText(v);
      cell.style = BODY_STYLE;
    });
    row.commit();
  });
  sheet.commit();
  await wb.commit();
}
