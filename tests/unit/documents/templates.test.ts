import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentData } from '../../../electron/documents/document-data.js';
import {
  DocumentRenderError,
  renderDocument,
} from '../../../electron/documents/render-document.js';
import { checkDocumentText } from '../../../electron/documents/text-coverage.js';
import { FIXED_DATE, fonts, pdfFile, removePdfFiles, squash } from './fixtures.js';
import { CLOSING_PUNCTUATION, overlappingLines, pdfLines } from './pdf-lines.js';
import { TEMPLATE_CASES } from './samples.js';

afterAll(removePdfFiles);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The same data with `value` put into every free-text field and list value. */
function withEveryText(data: DocumentData, value: (old: string) => string): DocumentData {
  const skip = /^(party\.is|session\.number|agreement\.copies)/;
  const map = (record: Readonly<Record<string, string>>) =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, v === '' || skip.test(k) ? v : value(v)]),
    );
  return {
    fields: map(data.fields),
    lists: Object.fromEntries(Object.entries(data.lists).map(([k, items]) => [k, items.map(map)])),
  };
}

describe.each(TEMPLATE_CASES)('$title ($kind)', async (c) => {
  const template = c.template();
  const data = c.data();
  const pdf = await renderDocument(template, data, { creationDate: FIXED_DATE, fonts: fonts() });
  const file = pdfFile(pdf, `${c.kind}.pdf`);
  // -raw keeps the drawing order, which is the template order (table cells row by row).
  const flat = squash(file.text('-raw'));

  it('prints every required section in order', () => {
    let at = -1;
    for (const section of c.sections) {
      const found = flat.indexOf(squash(section), at + 1);
      expect(found, `“${section}” after position ${at}`).toBeGreaterThan(at);
      at = found;
    }
  });

  it("prints each party's block", () => {
    for (const fragment of c.partyFragments) expect(flat).toContain(squash(fragment));
  });

  it('has the expected page count, numbered 第 X 页 共 Y 页', () => {
    expect(file.pages()).toBe(c.pages);
    for (let page = 1; page <= c.pages; page += 1) {
      expect(squash(file.pageText(page))).toContain(`第${page}页共${c.pages}页`);
    }
  });

  it('embeds subset fonts only and passes qpdf --check', () => {
    const rows = file
      .fonts()
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)\s/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    }
    expect(file.qpdfCheck()).toContain('No syntax or stream encoding errors');
    expect(file.info()).toMatch(new RegExp(`Title:\\s+${c.title}\\n`));
  });

  it('gives byte-identical output for the same input and creation date', async () => {
    const again = await renderDocument(c.template(), c.data(), {
      creationDate: new Date(FIXED_DATE),
      fonts: fonts(),
    });
    expect(sha256(again)).toBe(sha256(pdf));
  });

  it('keeps lines apart and never starts a line with closing punctuation', async () => {
    // Long values everywhere: every cell and paragraph wraps.
    const long = withEveryText(
      data,
      (v) => `${v}（补充说明：双方对此无异议，“已核实”；另见附件《说明》。）`,
    );
    const longPdf = await renderDocument(template, long, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const longFile = pdfFile(longPdf);
    const lines = [...pdfLines(file.bbox()), ...pdfLines(longFile.bbox())];
    expect(lines.filter((l) => CLOSING_PUNCTUATION.includes(l.text[0] ?? ''))).toEqual([]);
    expect(overlappingLines(pdfLines(longFile.bbox()))).toEqual([]);
    expect(overlappingLines(pdfLines(file.bbox()))).toEqual([]);
  });

  it('prints template syntax and markup typed by users literally', async () => {
    const nasty = '{{case.number}}${x}<script>alert(1)</script>$&';
    const tainted = withEveryText(data, (v) => `${v}${nasty}`);
    const out = await renderDocument(template, tainted, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const text = squash(pdfFile(out).text());
    expect(text).toContain(squash(nasty));
    expect(text).not.toContain('undefined');
  });

  it('prints a rare CJK Extension B character (𠮷) through the fallback font', async () => {
    const rare = withEveryText(data, (v) => `${v}𠮷`);
    expect(checkDocumentText(template, rare, fonts()).warnings).toEqual([]);
    const out = await renderDocument(template, rare, { creationDate: FIXED_DATE, fonts: fonts() });
    expect(pdfFile(out).text()).toContain('𠮷');
  });

  it('warns about a character in no shipped font and refuses Mongolian script', async () => {
    const extB = withEveryText(data, (v) => `${v}𰀀`);
    const check = checkDocumentText(template, extB, fonts());
    expect(check.errors).toEqual([]);
    expect(check.warnings.length).toBeGreaterThan(0);
    expect(check.warnings[0]?.message).toContain('U+30000');
    await expect(
      renderDocument(template, extB, { creationDate: FIXED_DATE, fonts: fonts() }),
    ).rejects.toThrow(DocumentRenderError);

    const mongolian = withEveryText(data, (v) => `${v}ᠮᠣᠩᠭᠣᠯ`);
    const error = await renderDocument(template, mongolian, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentRenderError);
    expect((error as DocumentRenderError).issues[0]?.code).toBe('MONGOLIAN_SCRIPT');
    expect((error as DocumentRenderError).message).toMatch(/蒙古/);
  });
});
