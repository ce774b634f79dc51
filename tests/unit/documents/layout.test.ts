import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../electron/documents/render-document.js';
import { parseTemplate } from '../../../electron/documents/template-loader.js';
import {
  agreementData,
  agreementTemplate,
  FIXED_DATE,
  fonts,
  noticeTemplate,
  pdfFile,
  removePdfFiles,
  squash,
} from './fixtures.js';
import { buildRightsNoticeDocumentData } from '../../../electron/documents/agreement-data.js';

afterAll(removePdfFiles);

const CLOSING = '，。、）》；：！？」』】〕’”';
const MM = 72 / 25.4;

interface Line {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

/** Lines with their boxes from `pdftotext -bbox-layout`. */
function lines(bboxXml: string): Line[] {
  const out: Line[] = [];
  const pages = bboxXml.split('<page ').slice(1);
  pages.forEach((pageXml, index) => {
    for (const m of pageXml.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [...(m[5] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
      out.push({
        page: index + 1,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: words,
      });
    }
  });
  return out;
}

function sentence(i: number): string {
  return `第${i}次调查记录显示，双方因草场边界、牲畜越界啃食（约${i % 40}只羊）及饮水井使用问题多次发生争执；申请人认为“界桩已被移动”，被申请人则称《草原承包经营权证》所载四至清楚，并提出应由乡镇人民政府、村民委员会共同现场勘验。`;
}

describe('long text', async () => {
  // ≈ 100 KB of UTF-8 (each Chinese character is 3 bytes).
  const sentences: string[] = [];
  for (let i = 1; Buffer.byteLength(sentences.join(''), 'utf8') < 100_000; i += 1) {
    sentences.push(sentence(i) + (i % 7 === 0 ? '\n' : ''));
  }
  const last = '以上事实，有现场照片、证人证言及草原承包经营权证复印件为证，此为最后一句。';
  const facts = sentences.join('') + last;
  const pdf = await renderDocument(agreementTemplate(), agreementData({ factsAndIssues: facts }), {
    creationDate: FIXED_DATE,
    fonts: fonts(),
  });
  const file = pdfFile(pdf, 'long.pdf');

  it('paginates and keeps the last sentence', () => {
    expect(Buffer.byteLength(facts, 'utf8')).toBeGreaterThanOrEqual(100_000);
    const pages = file.pages();
    expect(pages).toBeGreaterThan(5);
    const flat = squash(file.text());
    expect(flat).toContain(squash(last));
    expect(flat).toContain(`第${pages}页共${pages}页`);
    expect(file.qpdfCheck()).toContain('No syntax or stream encoding errors');
  });

  it('never starts a line with closing punctuation (禁则)', () => {
    const bad = file
      .text('-layout')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && CLOSING.includes(l[0] ?? ''));
    expect(bad).toEqual([]);
    // pdftotext -layout may merge columns; check the line boxes too.
    const badBoxes = lines(file.bbox()).filter((l) => CLOSING.includes(l.text[0] ?? ''));
    expect(badBoxes).toEqual([]);
  });

  it('keeps every line inside the type area and no two lines overlap', () => {
    const all = lines(file.bbox());
    const pageHeight = 841.89;
    const top = 30 * MM;
    const bottom = pageHeight - 28 * MM;
    for (const line of all) {
      const isFooter = /^(第\d+页共\d+页|校验码)/.test(line.text);
      if (isFooter) {
        expect(line.yMin).toBeGreaterThan(bottom);
        expect(line.yMax).toBeLessThan(pageHeight);
      } else {
        expect(line.yMin).toBeGreaterThan(top - 12); // ascender above the first baseline
        expect(line.yMax).toBeLessThan(bottom + 4);
      }
      expect(line.xMin).toBeGreaterThan(28 * MM - 1);
      expect(line.xMax).toBeLessThan(595.28 - 26 * MM + 4);
    }
    for (const a of all) {
      for (const b of all) {
        if (a === b || a.page !== b.page) continue;
        const overlapX = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const overlapY = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (overlapX > 1 && overlapY > 1) {
          throw new Error(`第${a.page}页重叠：“${a.text}” 与 “${b.text}”`);
        }
      }
    }
  });
});

describe('signature table', () => {
  it('is never split across pages, stays with the seal and never starts a page alone', async () => {
    const signerLabels = [
      '当事人：张建国',
      '当事人：扎西多杰',
      '人民调解员：李秀兰',
      '记录人：王海燕',
    ];
    const seen = new Set<number>();
    // Grow the facts one sentence at a time so the table meets the page end in every position.
    for (let n = 4; n <= 22; n += 1) {
      const facts = Array.from({ length: n }, (_, i) => sentence(i + 1)).join('');
      const pdf = await renderDocument(
        agreementTemplate(),
        agreementData({ factsAndIssues: facts }),
        {
          creationDate: FIXED_DATE,
          fonts: fonts(),
        },
      );
      const file = pdfFile(pdf);
      const pages = file.pages();
      const pageTexts = Array.from({ length: pages }, (_, i) => squash(file.pageText(i + 1)));
      const pagesWith = (s: string) => pageTexts.flatMap((t, i) => (t.includes(s) ? [i + 1] : []));
      const signaturePages = new Set(signerLabels.flatMap(pagesWith));
      expect(signaturePages.size, `n=${n}`).toBe(1);
      const [page] = [...signaturePages];
      expect(pagesWith('格尔木市河西街道人民调解委员会（印）'), `n=${n}`).toEqual([page]);
      expect(pagesWith('二〇二六年十一月二十三日'), `n=${n}`).toEqual([page]);
      // The signature page carries text of the agreement or the “本页无正文” note.
      const pageText = pageTexts[(page ?? 1) - 1] ?? '';
      expect(pageText.includes('本协议一式三份') || pageText.includes('本页无正文'), `n=${n}`).toBe(
        true,
      );
      seen.add(pages);
    }
    expect(seen.size).toBeGreaterThan(1); // the loop did cross page boundaries
  }, 180_000);
});

describe('user text is printed literally', () => {
  it('does not interpret placeholders, $-patterns or markup typed by users', async () => {
    const nasty = [
      '{{agreement.number}}',
      '${process.exit()}',
      '<script>alert(1)</script>',
      '$&$1$`',
    ];
    const data = agreementData({
      parties: [
        {
          kind: 'PERSON',
          name: '{{agreement.number}}',
          gender: '男',
          ethnicity: '汉族',
          age: 40,
          address: '${process.exit()}',
        },
        {
          kind: 'PERSON',
          name: '<script>alert(1)</script>',
          gender: '女',
          ethnicity: '回族',
          age: 41,
          occupation: '$&$1$`',
        },
      ],
      terms: ['{{case.number}} 与 {{ party.name }} 均按原样打印。'],
    });
    const pdf = await renderDocument(agreementTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const file = pdfFile(pdf);
    const text = file.text();
    const flat = squash(text);
    for (const s of nasty) expect(flat).toContain(squash(s));
    expect(flat).toContain('姓名：{{agreement.number}}');
    expect(flat.split('{{agreement.number}}').length - 1).toBe(2); // party block + signature slot
    expect(flat).toContain('一、{{case.number}}与{{party.name}}均按原样打印。');
    expect(flat).not.toContain('当事人：（2026）河西调字第015号');
  });
});

describe('generality: 人民调解当事人权利义务告知书', () => {
  it('renders the notice template with the same engine', async () => {
    const data = buildRightsNoticeDocumentData({
      committeeName: '格尔木市河西街道人民调解委员会',
      parties: [
        { kind: 'PERSON', name: '张建国', gender: '男', ethnicity: '汉族', age: 52 },
        { kind: 'PERSON', name: '扎西多杰', gender: '男', ethnicity: '藏族', age: 38 },
      ],
      noticeDate: '2030-01-05',
      dateStyle: 'CHINESE',
    });
    const pdf = await renderDocument(noticeTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const file = pdfFile(pdf, 'notice.pdf');
    const flat = squash(file.text());
    expect(flat).toContain('人民调解当事人权利义务告知书');
    expect(flat).toContain(
      '根据有关法律、法规的要求，现将人民调解委员会的性质、调解原则和法律效果，以及在调解中各方当事人享有的权利和应当承担的义务告知如下：一、人民调解委员会是调解民间纠纷的群众性组织。',
    );
    expect(flat).toContain('七、经人民调解委员会调解达成调解协议后');
    expect(flat).toContain('当事人：张建国');
    expect(flat).toContain('当事人：扎西多杰');
    expect(flat.split('（签名）').length - 1).toBe(2);
    expect(flat).toContain('二〇三〇年一月五日');
    expect(file.info()).toMatch(/Title:\s+人民调解当事人权利义务告知书/);
  });

  it('lays out a bordered form table (registration forms)', async () => {
    const template = parseTemplate({
      id: 'acceptance-register-test',
      version: 1,
      title: '人民调解受理登记表',
      page: { size: 'A4', marginsMm: { top: 30, bottom: 28, left: 28, right: 26 } },
      text: { bodySizePt: 12, lineGapPt: 4 },
      footer: { pageNumber: '第 {{page.number}} 页 共 {{page.count}} 页' },
      blocks: [
        { type: 'heading', text: '人民调解受理登记表' },
        {
          type: 'form-table',
          columnWidths: [1, 3],
          rows: [
            { cells: [{ text: '卷号', bold: true }, { text: '{{case.number}}' }] },
            {
              cells: [{ text: '纠纷简要情况', bold: true }, { text: '{{case.disputeSummary}}' }],
              minHeightMm: 40,
            },
            { cells: [{ text: '备注：此表由人民调解委员会填写', span: 2 }] },
          ],
        },
      ],
    });
    const pdf = await renderDocument(
      template,
      {
        fields: {
          'case.number': '（2026）人调字第015号',
          'case.disputeSummary': '邻里通道纠纷。\n第二段。',
        },
        lists: {},
      },
      { creationDate: FIXED_DATE, fonts: fonts() },
    );
    const flat = squash(pdfFile(pdf).text());
    expect(flat).toContain('卷号');
    expect(flat).toContain('（2026）人调字第015号');
    expect(flat).toContain('邻里通道纠纷。第二段。');
    expect(flat).toContain('备注：此表由人民调解委员会填写');
  });
});
