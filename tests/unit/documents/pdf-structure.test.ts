import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../../electron/documents/render-document.js';
import {
  agreementData,
  agreementTemplate,
  FIXED_DATE,
  fonts,
  pdfFile,
  removePdfFiles,
  squash,
} from './fixtures.js';
import { TEMPLATE_CASES } from './samples.js';

afterAll(removePdfFiles);

/**
 * Tagged PDF (issue 7, PDF hygiene): every document carries a structure tree in reading order
 * (Document → H / P), its text is the document's text, and page furniture (footers, the
 * verification code, the page-edge seal guide, table borders) stays outside it as artifacts.
 */

const TIBETAN = 'བཀྲ་ཤིས་རྡོ་རྗེ། ཆིངས་ཡིག་འདི་བོད་ཡིག་ཏུ་བསྒྱུར་ཡོད།';

function structureOf(pdf: Buffer, name: string) {
  const file = pdfFile(pdf, name);
  const run = (args: string[]) =>
    execFileSync('pdfinfo', [...args, file.file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return {
    file,
    info: run([]),
    tree: run(['-struct']),
    texts: [...run(['-struct-text']).matchAll(/^\s+"(.*)"$/gm)].map((m) => m[1] ?? ''),
  };
}

describe('tagged PDF structure', () => {
  it.each(TEMPLATE_CASES.map((c) => [c.kind, c] as const))(
    '%s: tagged, text in the tree in reading order, furniture outside it',
    async (_kind, c) => {
      const pdf = await renderDocument(c.template(), c.data(), {
        creationDate: FIXED_DATE,
        fonts: fonts(),
        pageEdgeSealMark: true,
      });
      const s = structureOf(pdf, `${c.kind}.pdf`);
      expect(s.info).toMatch(/Tagged:\s+yes/);
      expect(s.tree).toMatch(/^Document/m);
      expect(s.tree).toMatch(/^\s+H \(block\)/m);
      expect(s.tree).toMatch(/^\s+P \(block\)/m);
      const tagged = squash(s.texts.join(''));
      // The structure holds the document's sections in order, and nothing else.
      let at = 0;
      for (const section of c.sections.map(squash)) {
        const found = tagged.indexOf(section, at);
        expect(found, section).toBeGreaterThanOrEqual(at);
        at = found + section.length;
      }
      expect(tagged).not.toMatch(/第\d+页共\d+页/);
      expect(tagged).not.toContain('校验码');
      expect(tagged).not.toContain('骑缝章');
      // Everything the page shows as text (footers aside) is in the tree.
      const shown = squash(s.file.text())
        .replace(/第\d+页共\d+页/g, '')
        .replace(/校验码[:：]?[0-9A-Z-]+/g, '');
      expect(tagged.length).toBeGreaterThanOrEqual(shown.length * 0.98);
      s.file.qpdfCheck();
    },
    60_000,
  );

  it('marks the Tibetan translation lines with their language', async () => {
    const data = agreementData({
      translations: [{ language: 'bo', title: '藏文译文', text: TIBETAN }],
    });
    const pdf = await renderDocument(agreementTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const s = structureOf(pdf, 'tibetan.pdf');
    expect(squash(s.texts.join(''))).toContain(squash(TIBETAN));
    // pdfkit writes /Lang (bo) on the element of each shaped line.
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(bo\)/);
  });
});
