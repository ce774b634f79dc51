import { afterAll, describe, expect, it } from 'vitest';
import { buildAcceptanceRegisterDocumentData } from '../../../electron/documents/acceptance-register-data.js';
import { layoutDocument, renderDocument } from '../../../electron/documents/render-document.js';
import { parseTemplate } from '../../../electron/documents/template-loader.js';
import {
  agreementData,
  agreementTemplate,
  FIXED_DATE,
  fonts,
  pdfFile,
  removePdfFiles,
  SAMPLE_AGREEMENT_INPUT,
  squash,
} from './fixtures.js';
import { overlappingLines, pdfLines } from './pdf-lines.js';
import { TEMPLATE_CASES } from './samples.js';

afterAll(removePdfFiles);

const MM = 72 / 25.4;
const NAMES = ['马福祥', '李永贵', '韩学明', '马秀英', '冶成林', '祁德胜', '马海龙', '沈占山'];
const parties = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ...(SAMPLE_AGREEMENT_INPUT.parties[0] as (typeof SAMPLE_AGREEMENT_INPUT.parties)[number]),
    name: `${NAMES[i % NAMES.length] ?? ''}${i >= NAMES.length ? String(i) : ''}`,
  }));

const pagesOf = (pdf: Buffer) => {
  const file = pdfFile(pdf);
  return {
    file,
    pages: Array.from({ length: file.pages() }, (_, i) => squash(file.pageText(i + 1, '-layout'))),
  };
};

describe('data-table block', () => {
  const template = parseTemplate({
    id: 'data-table-test',
    version: 1,
    title: '清单',
    page: { size: 'A4', marginsMm: { top: 30, bottom: 28, left: 28, right: 26 } },
    text: { bodySizePt: 12, lineGapPt: 4 },
    footer: { pageNumber: '第 {{page.number}} 页 共 {{page.count}} 页' },
    blocks: [
      { type: 'heading', text: '清单' },
      {
        type: 'data-table',
        over: 'parties',
        columns: [
          { header: '序号', number: true, width: 1 },
          { header: '姓名', text: '{{party.name}}', width: 3 },
          { header: '住址', text: '{{party.address}}', width: 6 },
        ],
        rowMinHeightMm: 12,
      },
    ],
  });

  it('prints one row per item, numbers them and repeats the header on every page', async () => {
    const data = {
      fields: {},
      lists: {
        parties: parties(40).map((p, i) => ({
          'party.name': p.name,
          'party.address': `格尔木市河西街道${i + 1}号`,
        })),
      },
    };
    const { file, pages } = pagesOf(
      await renderDocument(template, data, { creationDate: FIXED_DATE, fonts: fonts() }),
    );
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('序号姓名住址');
    const flat = pages.join('');
    expect(flat).toContain(`40${parties(40)[39]?.name ?? ''}格尔木市河西街道40号`);
    for (let i = 1; i <= 40; i += 1) expect(flat).toContain(`格尔木市河西街道${i}号`);
    expect(overlappingLines(pdfLines(file.bbox()))).toEqual([]);
  });

  it('refuses a column with neither text nor number', () => {
    expect(() =>
      parseTemplate({
        id: 'bad-table',
        version: 1,
        title: '清单',
        page: { size: 'A4', marginsMm: { top: 30, bottom: 28, left: 28, right: 26 } },
        text: { bodySizePt: 12, lineGapPt: 4 },
        footer: { pageNumber: '{{page.number}}' },
        blocks: [{ type: 'data-table', over: 'parties', columns: [{ header: '姓名', width: 1 }] }],
      }),
    ).toThrow(/text 或 number/);
  });
});

describe('compact signature table', () => {
  it('switches at six parties: 序号/姓名/签名或按指印/日期, cells ≥ 25 × 20 mm, header on every page', async () => {
    const five = layoutDocument(
      agreementTemplate(),
      agreementData({ parties: parties(5) }),
      fonts(),
    );
    const fiveText = five.pages.flatMap((p) => p.boxes.flatMap((b) => b.box.ops));
    expect(fiveText.some((op) => op.kind === 'text' && op.text === '签名或按指印')).toBe(false);

    const data = agreementData({ parties: parties(15), mediatorNames: ['李秀兰', '才让'] });
    const layout = layoutDocument(agreementTemplate(), data, fonts());
    const rows = layout.pages.flatMap((p) => p.boxes).filter((b) => b.box.role === 'signature');
    expect(rows).toHaveLength(15 + 2 + 1);
    for (const row of rows) {
      expect(row.box.height).toBeGreaterThanOrEqual(20 * MM - 0.01);
      const rects = row.box.ops.filter((op) => op.kind === 'rect');
      expect(rects).toHaveLength(4);
      const sign = rects[2];
      expect(sign?.kind === 'rect' && sign.width).toBeGreaterThanOrEqual(25 * MM);
    }
    const { pages } = pagesOf(
      await renderDocument(agreementTemplate(), data, { creationDate: FIXED_DATE, fonts: fonts() }),
    );
    for (const page of pages.filter((p) => p.includes('当事人：') && p.includes('年月日'))) {
      expect(page).toContain('序号姓名签名或按指印日期');
    }
    for (const name of NAMES) expect(pages.join('')).toContain(`当事人：${name}`);
    // No page holds only signatures without saying so.
    for (const page of pages.filter((p) => p.includes('签名或按指印') && !p.includes('本协议'))) {
      expect(page).toContain('本页无正文');
    }
  });
});

describe('continuation sheets (附页)', () => {
  it('prints a 20,000-character summary: the cell says （见附页一）, the 附页 carries the rest', async () => {
    const c = TEMPLATE_CASES.find((t) => t.kind === 'ACCEPTANCE_REGISTER');
    if (!c) throw new Error('fixture');
    let summary = '';
    for (let i = 1; summary.length < 20_000; i += 1) {
      summary += `第${i}段：申请人称双方因草场边界发生争执，被申请人认为界桩未被移动，双方各执一词。`;
      if (i % 9 === 0) summary += '\n';
    }
    summary = summary.slice(0, 20_000);
    const data = buildAcceptanceRegisterDocumentData({
      committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
      partyNames: NAMES.slice(0, 3),
      acceptedDate: '2026-10-09',
      disputeType: '损害赔偿纠纷',
      source: 'APPLICATION',
      disputeSummary: summary,
      registrarName: '那仁',
      registerDate: '2026-10-09',
      dateStyle: 'ARABIC',
    });
    const { file, pages } = pagesOf(
      await renderDocument(c.template(), data, { creationDate: FIXED_DATE, fonts: fonts() }),
    );
    const count = pages.length;
    expect(count).toBeGreaterThan(3);
    expect(pages[0]).toContain('（见附页一）');
    const annexStart = pages.findIndex((p) => p.includes('栏续）'));
    expect(annexStart).toBeGreaterThan(0);
    // Signatures and seal stay in the form, before the 附页; with three parties the cell is cut
    // where the whole form fits its page, so no 签署页 stands between the form and the 附页.
    const sealPage = pages.findIndex((p) => p.includes('（印章）'));
    expect(sealPage).toBe(0);
    expect(pages[0]).toContain('登记人（签名）');
    expect(annexStart).toBe(1);
    expect(pages.some((p) => p.includes('本页无正文'))).toBe(false);
    // Every character of the summary is printed once, in order.
    const printed = squash(file.text())
      .replace(/第\d+页共\d+页/g, '')
      .replace(/校验码[0-9A-F-]+/g, '');
    const start = printed.indexOf('第1段');
    // The cell's label sits beside the text and is extracted somewhere inside it.
    const beforeMarker = printed
      .slice(start, printed.indexOf('（见附页一）'))
      .replace('纠纷简要情况', '');
    const annexText = printed.slice(printed.indexOf('栏续）') + 3);
    expect(beforeMarker + annexText).toBe(squash(summary));
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页共${count}页`));
    expect(overlappingLines(pdfLines(file.bbox()))).toEqual([]);
  });
});
