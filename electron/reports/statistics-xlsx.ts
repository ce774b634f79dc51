import ExcelJS from 'exceljs';
import {
  correctionNote,
  statisticsTitle,
  zeroReportNote,
  type ReportRow,
  type StatisticsReport,
} from '../../domain/statistics/compute-report.js';
import {
  ROOM_REPORTING_LABELS,
  roomReportingSummary,
  type RoomReporting,
} from '../../domain/statistics/room-reporting.js';
import { safeCellText } from './spreadsheet-cells.js';

/**
 * 人民调解工作统计表 as .xlsx with exceljs's streaming writer: the county template's layout
 * (merged group headers, numbered columns), number formats by unit, print area and A4
 * landscape fitted to one page wide. Sheet 2 is the category table with its 其中 rows, sheet 3
 * the screening, prevention and open-case indicators.
 */
export interface StatisticsHeader {
  readonly committeeName: string;
  readonly countyOfficeName: string;
  readonly generatedOn: string;
  /** `seq:mac` of the room's audit chain when the table was made (the county keeps it). */
  readonly auditChainHead?: string | null;
}

/** The audit chain's head as printed under the table: an outside anchor for the chain. */
export function auditHeadNote(h: StatisticsHeader): string | null {
  if (!h.auditChainHead) return null;
  const [seq, mac] = h.auditChainHead.split(':');
  return `审计链头：第 ${seq} 条，校验值 ${(mac ?? '').slice(0, 16)}（核对台账是否被改动时使用）`;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FONT = { name: 'SimSun', size: 9, bold: true };
const BODY_FONT = { name: 'SimSun', size: 9 };

function numFmt(unit: string): string {
  if (unit === '万元' || unit === '%') return '0.00';
  return '0';
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

type Sheet = ExcelJS.Worksheet;

function headCell(sheet: Sheet, row: number, col: number, text: string): void {
  const cell = sheet.getCell(row, col);
  cell.value = safeCellText(text);
  cell.font = HEAD_FONT;
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function dataRow(sheet: Sheet, rowNo: number, row: ReportRow, units: readonly string[]): void {
  const r = sheet.getRow(rowNo);
  const label = r.getCell(1);
  label.value = safeCellText(row.label);
  label.font = row.sub ? BODY_FONT : { ...BODY_FONT, bold: row.label === '合计' };
  label.border = BORDER;
  label.alignment = { horizontal: row.sub ? 'right' : 'left', vertical: 'middle' };
  row.values.forEach((v, i) => {
    const cell = r.getCell(i + 2);
    cell.value = v;
    cell.numFmt = numFmt(units[i] ?? '件');
    cell.font = BODY_FONT;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'right', vertical: 'middle' };
  });
  r.commit();
}

function titleRows(
  sheet: Sheet,
  lastCol: number,
  title: string,
  r: StatisticsReport,
  h: StatisticsHeader,
) {
  sheet.mergeCells(1, 1, 1, lastCol);
  const t = sheet.getCell(1, 1);
  t.value = safeCellText(title);
  t.font = { name: 'SimHei', size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  sheet.mergeCells(2, 1, 2, lastCol);
  const sub = sheet.getCell(2, 1);
  sub.value = safeCellText(
    `填报单位：${h.committeeName}\u3000\u3000报送：${h.countyOfficeName}\u3000\u3000统计期间：${r.period.label}（${r.period.start} 至 ${r.period.end}）`,
  );
  sub.font = BODY_FONT;
}

function pageSetup(lastCol: number, lastRow: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printArea: `A1:${colName(lastCol)}${lastRow}`,
    printTitlesRow: '3:5',
  };
}

export const STATISTICS_SHEETS = ['统计表', '分类统计', '排查与预防', '上报情况'] as const;

/**
 * The county table's list of rooms: who reported for the period, who sent a 零报告 (a package
 * with nothing mediated, open, referred or found) and who sent nothing — a room that sent
 * nothing is not a room without disputes.
 */
function roomsSheet(
  sheet: Sheet,
  rooms: readonly RoomReporting[],
  r: StatisticsReport,
  h: StatisticsHeader,
): void {
  const heads = [
    '序号',
    '调解组织',
    '调解室',
    '上报情况',
    '数据包',
    '调解案件（件）',
    '排查发现（件）',
  ];
  sheet.columns = [8, 30, 24, 10, 8, 14, 14].map((width) => ({ width }));
  titleRows(sheet, heads.length, `${r.template.title}（各调解组织上报情况）`, r, h);
  heads.forEach((text, i) => headCell(sheet, 3, i + 1, text));
  for (let i = 1; i <= 3; i += 1) sheet.getRow(i).commit();
  rooms.forEach((room, i) => {
    const row = sheet.getRow(4 + i);
    const cells: (string | number)[] = [
      i + 1,
      safeCellText(room.committeeName),
      safeCellText(room.roomName),
      ROOM_REPORTING_LABELS[room.status],
      room.packages,
      room.cases,
      room.issuesFound,
    ];
    cells.forEach((v, col) => {
      const cell = row.getCell(col + 1);
      cell.value = v;
      cell.font = BODY_FONT;
      cell.border = BORDER;
    });
    row.commit();
  });
  const note = sheet.getRow(5 + rooms.length);
  note.getCell(1).value = safeCellText(roomReportingSummary(rooms));
  note.getCell(1).font = BODY_FONT;
  note.commit();
  sheet.commit();
}

export async function writeStatisticsXlsx(
  file: string,
  r: StatisticsReport,
  h: StatisticsHeader,
  /** The county table only: each room's reporting for the period (sheet 4, 上报情况). */
  rooms?: readonly RoomReporting[],
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = '调解工作台';
  wb.created = new Date(`${h.generatedOn}T00:00:00Z`);

  // Sheet 1: the 41-column table, one row per organisation type.
  const lastCol = r.columns.length + 1;
  const notes = [zeroReportNote(r), correctionNote(r.corrections), auditHeadNote(h)].filter(
    (n) => n !== null,
  );
  const correction = notes.length === 0 ? null : notes.join('\n');
  // the 更正 line sits under the footnote and prints with the table
  const lastRow = 5 + r.organisationRows.length + 1 + 2 + (correction === null ? 0 : 1);
  const s1 = wb.addWorksheet(STATISTICS_SHEETS[0], {
    pageSetup: pageSetup(lastCol, lastRow),
    views: [{ state: 'frozen', xSplit: 1, ySplit: 5 }],
  });
  s1.columns = [{ width: 20 }, ...r.columns.map(() => ({ width: 6.5 }))];
  titleRows(s1, lastCol, statisticsTitle(r), r, h);
  s1.mergeCells(3, 1, 4, 1);
  headCell(s1, 3, 1, '调解组织');
  headCell(s1, 5, 1, '栏次');
  let c = 0;
  while (c < r.columns.length) {
    const col = r.columns[c];
    if (!col) break;
    let end = c;
    while (col.group !== '' && r.columns[end + 1]?.group === col.group) end += 1;
    if (col.group === '') {
      s1.mergeCells(3, c + 2, 4, c + 2);
      headCell(s1, 3, c + 2, `${col.label}${col.unit === '万元' ? '' : `（${col.unit}）`}`);
    } else {
      if (end > c) s1.mergeCells(3, c + 2, 3, end + 2);
      headCell(s1, 3, c + 2, `${col.group}（件）`);
      for (let k = c; k <= end; k += 1) headCell(s1, 4, k + 2, r.columns[k]?.label ?? '');
    }
    c = end + 1;
  }
  r.columns.forEach((col, i) => {
    const cell = s1.getCell(5, i + 2);
    cell.value = col.no;
    cell.font = BODY_FONT;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center' };
  });
  s1.getRow(3).height = 22;
  s1.getRow(4).height = 80;
  for (let i = 1; i <= 5; i += 1) s1.getRow(i).commit();
  const units1 = r.columns.map((col) => col.unit);
  r.organisationRows.forEach((row, i) => dataRow(s1, 6 + i, row, units1));
  dataRow(s1, 6 + r.organisationRows.length, r.organisationTotal, units1);
  const foot = s1.getRow(6 + r.organisationRows.length + 2);
  foot.getCell(1).value = safeCellText(
    `填表日期：${h.generatedOn}\u3000\u3000说明：按调结（终止）日期统计；在调 ${r.totals.open} 件、移交 ${r.totals.referred} 件不计入案件总数。`,
  );
  foot.getCell(1).font = BODY_FONT;
  foot.commit();
  if (correction !== null) {
    const at = 6 + r.organisationRows.length + 3;
    s1.mergeCells(at, 1, at, lastCol);
    const note = s1.getRow(at);
    note.getCell(1).value = safeCellText(correction);
    note.getCell(1).font = { ...BODY_FONT, bold: true };
    note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    note.height = 30;
    note.commit();
  }
  s1.commit();

  // Sheet 2: categories (with 其中 rows) × the category measures.
  const lastCol2 = r.categoryMeasures.length + 1;
  const lastRow2 = 4 + r.categoryRows.length + 1;
  const s2 = wb.addWorksheet(STATISTICS_SHEETS[1], {
    pageSetup: { ...pageSetup(lastCol2, lastRow2), printTitlesRow: '3:4' },
  });
  s2.columns = [{ width: 28 }, ...r.categoryMeasures.map(() => ({ width: 11 }))];
  titleRows(s2, lastCol2, `${r.template.title}（按纠纷类型）`, r, h);
  s2.mergeCells(3, 1, 4, 1);
  headCell(s2, 3, 1, '纠纷类型');
  r.categoryMeasures.forEach((m, i) => {
    s2.mergeCells(3, i + 2, 4, i + 2);
    headCell(s2, 3, i + 2, `${m.label}（${m.unit}）`);
  });
  for (let i = 1; i <= 4; i += 1) s2.getRow(i).commit();
  const units2 = r.categoryMeasures.map((m) => m.unit);
  r.categoryRows.forEach((row, i) => dataRow(s2, 5 + i, row, units2));
  dataRow(s2, 5 + r.categoryRows.length, r.categoryTotal, units2);
  s2.commit();

  // Sheet 3: every §3.5 indicator as a list (screening, prevention in 件 and 人, 在调).
  const s3 = wb.addWorksheet(STATISTICS_SHEETS[2], {
    pageSetup: {
      ...pageSetup(4, 3 + r.indicators.length),
      orientation: 'portrait',
      printTitlesRow: '3:3',
    },
  });
  s3.columns = [{ width: 8 }, { width: 36 }, { width: 8 }, { width: 14 }];
  titleRows(s3, 4, `${r.template.title}（主要指标）`, r, h);
  ['序号', '指标', '单位', '数值'].forEach((t, i) => headCell(s3, 3, i + 1, t));
  for (let i = 1; i <= 3; i += 1) s3.getRow(i).commit();
  r.indicators.forEach((ind, i) => {
    const row = s3.getRow(4 + i);
    const cells: [number, string | number][] = [
      [1, i + 1],
      [2, safeCellText(ind.label)],
      [3, ind.unit],
      [4, ind.value],
    ];
    for (const [col, v] of cells) {
      const cell = row.getCell(col);
      cell.value = v;
      cell.font = BODY_FONT;
      cell.border = BORDER;
    }
    row.getCell(4).numFmt = numFmt(ind.unit);
    row.commit();
  });
  s3.commit();
  if (rooms) roomsSheet(wb.addWorksheet(STATISTICS_SHEETS[3]), rooms, r, h);
  await wb.commit();
}
