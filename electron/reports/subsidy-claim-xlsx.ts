import ExcelJS from 'exceljs';
import type { ClaimPack } from '../../domain/subsidy/claim-pack.js';
import { VOLUME_DOCUMENT_LABELS } from '../../domain/subsidy/subsidy-rules.js';
import { rulesTitleText } from '../documents/subsidy-papers-data.js';
import { safeCellText } from './spreadsheet-cells.js';

/**
 * The claim pack as .xlsx (issue 15): sheet 1 is the 申报表 (one row per case, totals, the
 * reviewers' columns left empty), sheet 2 the 认定明细 a 认定表 prints per case (tier reasons,
 * missing papers, why not claimable). Amounts are numbers in 元 with two decimals so the
 * county can sum them; every text cell goes through `safeCellText`, so a case title that
 * starts with "=" stays text.
 */
export interface ClaimXlsxHeader {
  readonly committeeName: string;
  readonly periodLabel: string;
  readonly generatedOn: string;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD = { name: 'SimSun', size: 10, bold: true };
const BODY = { name: 'SimSun', size: 10 };
// One shared style object per kind: exceljs recognises a style it has seen by identity.
const WRAP = { vertical: 'top' as const, wrapText: true };

type Cell = string | number | null;

function writeTable(
  sheet: ExcelJS.Worksheet,
  startRow: number,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  /** Columns (0-based) holding 元; other numbers are counts. */
  money: readonly number[] = [],
): number {
  const head = sheet.getRow(startRow);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = safeCellText(h);
    c.font = HEAD;
    c.border = BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(startRow + 1 + r);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      if (typeof v === 'number') {
        c.value = v;
        c.numFmt = money.includes(i) ? '0.00' : '0';
      } else {
        c.value = v === null ? null : safeCellText(v);
      }
      c.font = BODY;
      c.border = BORDER;
      c.alignment = WRAP;
    });
  });
  return startRow + rows.length + 1;
}

function title(sheet: ExcelJS.Worksheet, row: number, text: string, span: number): void {
  sheet.mergeCells(row, 1, row, span);
  const c = sheet.getCell(row, 1);
  c.value = safeCellText(text);
  c.font = { name: 'SimSun', size: 14, bold: true };
  c.alignment = { horizontal: 'center' };
}

function line(sheet: ExcelJS.Worksheet, row: number, text: string, span: number): void {
  sheet.mergeCells(row, 1, row, span);
  const c = sheet.getCell(row, 1);
  c.value = safeCellText(text);
  c.font = BODY;
  c.alignment = { wrapText: true };
}

export async function claimPackXlsx(pack: ClaimPack, header: ClaimXlsxHeader): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '调解工作台';
  const yuan = (fen: number) => Math.round(fen) / 100;

  const sheet = wb.addWorksheet('申报表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = [6, 22, 26, 12, 14, 12, 12, 40, 16, 16].map((width) => ({ width }));
  const span = 10;
  title(sheet, 1, '人民调解以案定补申报表', span);
  line(
    sheet,
    2,
    `调解组织：${header.committeeName}\u3000\u3000调解员：${pack.mediator.name}`,
    span,
  );
  line(
    sheet,
    3,
    `申报期间：${header.periodLabel}（${pack.periodStart} 至 ${pack.periodEnd}）`,
    span,
  );
  line(sheet, 4, `适用规则：${rulesTitleText(pack)}`, span);
  const next = writeTable(
    sheet,
    6,
    [
      '序号',
      '案号',
      '案件名称',
      '结案日期',
      '档次',
      '档次来源',
      '估算金额（元）',
      '说明',
      '司法所审核',
      '县司法局核定',
    ],
    pack.lines.map((l, i) => [
      i + 1,
      l.caseNumber ?? `（未编号）${l.caseId}`,
      l.title,
      l.outcomeDate ?? '',
      l.isOral ? `${l.tierLabel}（口头）` : l.tierLabel,
      l.tierSource === 'CONFIRMED' ? '已确认' : '建议，未确认',
      l.claimable ? yuan(l.amountFen) : null,
      l.claimable
        ? l.share
          ? `分得 ${l.share}`
          : ''
        : `不能申报：${l.notClaimableReasons.join('；')}`,
      null,
      null,
    ]),
    [6],
  );
  const notClaimable = pack.totals.cases - pack.totals.claimable;
  line(
    sheet,
    next + 1,
    `合计：调结 ${pack.totals.cases} 件，可申报 ${pack.totals.claimable} 件` +
      `${notClaimable > 0 ? `，暂不能申报 ${notClaimable} 件` : ''}，估算金额 ${yuan(pack.totals.amountFen).toFixed(2)} 元。`,
    span,
  );
  writeTable(
    sheet,
    next + 3,
    ['档次', '件数', '估算金额（元）'],
    pack.totals.byTier.map((t) => [t.tierLabel, t.cases, yuan(t.amountFen)]),
    [2],
  );
  const tail = next + 4 + pack.totals.byTier.length + 1;
  line(sheet, tail, `注：${pack.disclaimer}`, span);
  line(sheet, tail + 1, `生成日期：${header.generatedOn}`, span);

  const detail = wb.addWorksheet('认定明细');
  detail.columns = [6, 22, 26, 14, 48, 36, 48, 12].map((width) => ({ width }));
  title(detail, 1, '调解案件认定明细', 8);
  writeTable(
    detail,
    3,
    ['序号', '案号', '案件名称', '档次', '认定理由', '所缺材料', '不能申报的原因', '能否申报'],
    pack.lines.map((l, i) => [
      i + 1,
      l.caseNumber ?? `（未编号）${l.caseId}`,
      l.title,
      l.tierLabel,
      l.tierReasons.join('；'),
      l.missingDocuments.map((d) => VOLUME_DOCUMENT_LABELS[d]).join('、'),
      l.notClaimableReasons.join('；'),
      l.claimable ? '可申报' : '不可申报',
    ]),
  );
  line(detail, pack.lines.length + 5, `注：${pack.disclaimer}`, 8);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
