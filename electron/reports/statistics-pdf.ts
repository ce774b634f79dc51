// Before pdfkit and fontkit load: lighter stand-ins for some of their dependencies (see there).
import '../documents/dependency-stand-ins.js';
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import {
  correctionNote,
  statisticsTitle,
  zeroReportNote,
  type StatisticsReport,
} from '../../domain/statistics/compute-report.js';
import type { DocumentFonts } from '../documents/font-registry.js';
import { auditHeadNote, type StatisticsHeader } from './statistics-xlsx.js';

/**
 * The PDF copy of 人民调解工作统计表 (domain §7.6: the county gets Excel and a PDF copy). Kept
 * apart from the document engine (electron/documents), which lays out flowing legal text; this
 * is a fixed grid on A4 landscape with the same bundled Noto Serif SC.
 */
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 28;

function fontSource(font: Font): PDFKit.Mixins.PDFFontSource {
  return font as unknown as PDFKit.Mixins.PDFFontSource;
}

function fmt(v: number | null, unit: string): string {
  if (v === null) return '—';
  return unit === '万元' || unit === '%' ? v.toFixed(2) : String(v);
}

interface Cell {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly size?: number;
}

function cell(doc: PDFKit.PDFDocument, c: Cell): void {
  doc.lineWidth(0.4).rect(c.x, c.y, c.w, c.h).stroke();
  const size = c.size ?? 6;
  doc.font(c.bold ? 'serif-bold' : 'serif').fontSize(size);
  const pad = 1.5;
  const height = doc.heightOfString(c.text, { width: c.w - 2 * pad });
  doc.text(c.text, c.x + pad, c.y + Math.max(pad, (c.h - height) / 2), {
    width: c.w - 2 * pad,
    align: c.align ?? 'center',
    lineGap: 0,
  });
}

function heading(doc: PDFKit.PDFDocument, title: string, r: StatisticsReport, h: StatisticsHeader) {
  const width = A4_LANDSCAPE[0] - 2 * MARGIN;
  doc.font('serif-bold').fontSize(15).text(title, MARGIN, MARGIN, { width, align: 'center' });
  doc
    .font('serif')
    .fontSize(8)
    .text(
      `填报单位：${h.committeeName}    报送：${h.countyOfficeName}    统计期间：${r.period.label}（${r.period.start} 至 ${r.period.end}）`,
      MARGIN,
      MARGIN + 24,
      { width },
    );
}

export async function renderStatisticsPdf(
  r: StatisticsReport,
  h: StatisticsHeader,
  fonts: DocumentFonts,
): Promise<Buffer> {
  const created = new Date(`${h.generatedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: A4_LANDSCAPE,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    font: null as unknown as string,
    lang: 'zh-CN',
    pdfVersion: '1.7',
    info: {
      Title: `${r.template.title} ${r.period.label}`,
      Producer: '调解工作台',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('serif', fontSource(fonts.serif));
  doc.registerFont('serif-bold', fontSource(fonts.serifBold));

  // Page 1: the numbered columns, one row per organisation type.
  doc.addPage();
  heading(doc, statisticsTitle(r), r, h);
  const width = A4_LANDSCAPE[0] - 2 * MARGIN;
  const labelW = 70;
  const colW = (width - labelW) / r.columns.length;
  let y = MARGIN + 40;
  const groupH = 14;
  const labelH = 78;
  const noH = 10;
  cell(doc, { text: '调解组织', x: MARGIN, y, w: labelW, h: groupH + labelH, bold: true });
  cell(doc, { text: '栏次', x: MARGIN, y: y + groupH + labelH, w: labelW, h: noH });
  let i = 0;
  while (i < r.columns.length) {
    const col = r.columns[i];
    if (!col) break;
    let end = i;
    while (col.group !== '' && r.columns[end + 1]?.group === col.group) end += 1;
    const x = MARGIN + labelW + i * colW;
    if (col.group === '') {
      const unit = col.unit === '万元' ? '' : `（${col.unit}）`;
      cell(doc, { text: `${col.label}${unit}`, x, y, w: colW, h: groupH + labelH, bold: true });
    } else {
      cell(doc, { text: col.group, x, y, w: (end - i + 1) * colW, h: groupH, bold: true });
      for (let k = i; k <= end; k += 1) {
        const label = r.columns[k]?.label ?? '';
        const cx = MARGIN + labelW + k * colW;
        cell(doc, { text: label, x: cx, y: y + groupH, w: colW, h: labelH, bold: true });
      }
    }
    i = end + 1;
  }
  r.columns.forEach((col, k) => {
    cell(doc, {
      text: String(col.no),
      x: MARGIN + labelW + k * colW,
      y: y + groupH + labelH,
      w: colW,
      h: noH,
      size: 5.5,
    });
  });
  y += groupH + labelH + noH;
  const rowH = 16;
  for (const row of [...r.organisationRows, r.organisationTotal]) {
    cell(doc, {
      text: row.label,
      x: MARGIN,
      y,
      w: labelW,
      h: rowH,
      align: 'left',
      bold: row.label === '合计',
    });
    row.values.forEach((v, k) => {
      cell(doc, {
        text: fmt(v, r.columns[k]?.unit ?? '件'),
        x: MARGIN + labelW + k * colW,
        y,
        w: colW,
        h: rowH,
        size: 5.5,
      });
    });
    y += rowH;
  }
  doc
    .font('serif')
    .fontSize(7)
    .text(
      `说明：按调结（终止）日期统计；在调 ${r.totals.open} 件、移交 ${r.totals.referred} 件不计入案件总数。涉及金额单位：万元。填表日期：${h.generatedOn}${[
        zeroReportNote(r),
        correctionNote(r.corrections),
        auditHeadNote(h),
      ]
        .filter((n) => n !== null)
        .map((n) => `\n${n}`)
        .join('')}`,
      MARGIN,
      y + 6,
      { width },
    );

  // Page 2: categories with 其中 rows, and the other indicators beside them.
  doc.addPage();
  heading(doc, `${r.template.title}（按纠纷类型及主要指标）`, r, h);
  y = MARGIN + 40;
  const catLabelW = 118;
  const catColW = 38;
  const catH = 12.5;
  cell(doc, { text: '纠纷类型', x: MARGIN, y, w: catLabelW, h: 24, bold: true });
  r.categoryMeasures.forEach((m, k) => {
    cell(doc, {
      text: `${m.label}（${m.unit}）`,
      x: MARGIN + catLabelW + k * catColW,
      y,
      w: catColW,
      h: 24,
      bold: true,
      size: 5.5,
    });
  });
  let cy = y + 24;
  for (const row of [...r.categoryRows, r.categoryTotal]) {
    cell(doc, {
      text: row.label,
      x: MARGIN,
      y: cy,
      w: catLabelW,
      h: catH,
      align: 'left',
      size: 6,
      bold: row.label === '合计',
    });
    row.values.forEach((v, k) => {
      cell(doc, {
        text: fmt(v, r.categoryMeasures[k]?.unit ?? '件'),
        x: MARGIN + catLabelW + k * catColW,
        y: cy,
        w: catColW,
        h: catH,
        size: 6,
      });
    });
    cy += catH;
  }
  const ix = MARGIN + catLabelW + r.categoryMeasures.length * catColW + 14;
  const iw = A4_LANDSCAPE[0] - MARGIN - ix;
  let iy = y;
  cell(doc, { text: '指标', x: ix, y: iy, w: iw - 70, h: 14, bold: true });
  cell(doc, { text: '数值', x: ix + iw - 70, y: iy, w: 70, h: 14, bold: true });
  iy += 14;
  for (const ind of r.indicators) {
    cell(doc, {
      text: `${ind.label}（${ind.unit}）`,
      x: ix,
      y: iy,
      w: iw - 70,
      h: 12,
      align: 'left',
    });
    cell(doc, {
      text: fmt(ind.value, ind.unit),
      x: ix + iw - 70,
      y: iy,
      w: 70,
      h: 12,
      align: 'right',
    });
    iy += 12;
  }
  doc.end();
  return done;
}
