import { afterAll, describe, expect, it } from 'vitest';
import { loadMongolianFont } from '../../../electron/documents/mongolian-font.js';
import {
  DocumentRenderError,
  renderDocument,
} from '../../../electron/documents/render-document.js';
import { checkDocumentText } from '../../../electron/documents/text-coverage.js';
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

afterAll(removePdfFiles);

const EXT_B_NAME = '吉𠮷'; // U+20BB7 (CJK Extension B): not in Noto Serif SC, in the fallback
const UNCOVERED_NAME = '吉𰀀'; // U+30000 (CJK Extension G): in none of the shipped fonts
const TIBETAN = 'བཀྲ་ཤིས་རྡོ་རྗེ། ཆིངས་ཡིག་འདི་བོད་ཡིག་ཏུ་བསྒྱུར་ཡོད།';
const MONGOLIAN = 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ';

function withName(name: string) {
  const [first, second] = SAMPLE_AGREEMENT_INPUT.parties;
  if (!first || !second || first.kind !== 'PERSON') throw new Error('fixture');
  return agreementData({ parties: [{ ...first, name }, second] });
}

async function renderError(promise: Promise<unknown>): Promise<DocumentRenderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DocumentRenderError) return error;
    throw error;
  }
  throw new Error('expected a DocumentRenderError');
}

describe('glyph coverage', () => {
  it('passes the sample agreement and the templates without warnings', () => {
    expect(checkDocumentText(agreementTemplate(), agreementData(), fonts())).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('prints rare characters (生僻字) through the shipped fallback font, on every document', async () => {
    const data = withName(EXT_B_NAME);
    expect(checkDocumentText(agreementTemplate(), data, fonts())).toEqual({
      errors: [],
      warnings: [],
    });
    const pdf = pdfFile(
      await renderDocument(agreementTemplate(), data, { creationDate: FIXED_DATE, fonts: fonts() }),
    );
    expect(squash(pdf.text())).toContain(`姓名：${EXT_B_NAME}`);
    expect(squash(pdf.text())).toContain(`当事人：${EXT_B_NAME}`);
    expect(pdf.fonts()).toMatch(/[A-Z]{6}\+NotoSerifJP-Regular\s.*yes\s+yes\s+yes/);
    // Documents without rare characters do not carry the fallback font.
    const plain = pdfFile(
      await renderDocument(agreementTemplate(), agreementData(), {
        creationDate: FIXED_DATE,
        fonts: fonts(),
      }),
    );
    expect(plain.fonts()).not.toContain('NotoSerifJP');
  });

  it('warns about characters missing from every font instead of printing boxes', async () => {
    const data = withName(UNCOVERED_NAME);
    const check = checkDocumentText(agreementTemplate(), data, fonts());
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      expect.objectContaining({
        code: 'MISSING_GLYPHS',
        field: 'parties[0].party.name',
        characters: ['𰀀'],
      }),
    ]);
    expect(check.warnings[0]?.message).toContain('U+30000');

    const error = await renderError(
      renderDocument(agreementTemplate(), data, { creationDate: FIXED_DATE, fonts: fonts() }),
    );
    expect(error.code).toBe('TEXT_NOT_PRINTABLE');
    expect(error.issues[0]?.characters).toEqual(['𰀀']);

    // After the mediator has seen the warning, printing can go ahead.
    const pdf = await renderDocument(agreementTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
      allowMissingGlyphs: true,
    });
    expect(squash(pdfFile(pdf).text())).toContain('姓名：吉');
  });

  it('refuses traditional Mongolian in the body, and on an annex whose font was not opened', async () => {
    const data = agreementData({ factsAndIssues: `双方约定如下。${MONGOLIAN}` });
    const check = checkDocumentText(agreementTemplate(), data, fonts());
    expect(check.errors).toEqual([
      expect.objectContaining({ code: 'MONGOLIAN_SCRIPT', field: 'agreement.factsAndIssues' }),
    ]);
    const error = await renderError(
      renderDocument(agreementTemplate(), data, { creationDate: FIXED_DATE, fonts: fonts() }),
    );
    expect(error.code).toBe('TEXT_NOT_PRINTABLE');
    expect(error.message).toContain('蒙古文');

    const translation = agreementData({
      translations: [{ language: 'mn', title: '蒙古文译文', text: MONGOLIAN }],
    });
    const translationError = await renderError(
      renderDocument(agreementTemplate(), translation, {
        creationDate: FIXED_DATE,
        fonts: fonts(),
        allowMissingGlyphs: true,
      }),
    );
    expect(translationError.issues[0]?.code).toBe('MONGOLIAN_SCRIPT');
  });

  it('accepts a Mongolian annex once its font is open, and names a character it lacks', async () => {
    const mongolian = await loadMongolianFont(fonts().files);
    const withMongolian = {
      serif: fonts().serif,
      serifBold: fonts().serifBold,
      tibetan: fonts().tibetan,
      mongolian,
    };
    const annex = (text: string) =>
      agreementData({ translations: [{ language: 'mn', title: '蒙古文译文', text }] });
    const clean = checkDocumentText(agreementTemplate(), annex(MONGOLIAN), withMongolian);
    expect(clean).toEqual({ errors: [], warnings: [] });
    const chinese = checkDocumentText(
      agreementTemplate(),
      annex(`${MONGOLIAN}草场`),
      withMongolian,
    );
    expect(chinese.errors).toEqual([]);
    expect(chinese.warnings).toEqual([
      expect.objectContaining({
        code: 'MISSING_GLYPHS',
        field: 'translations[0]',
        characters: ['草', '场'],
      }),
    ]);
  });

  it('refuses Tibetan inside the Chinese form', async () => {
    const error = await renderError(
      renderDocument(agreementTemplate(), withName(TIBETAN.slice(0, 8)), {
        creationDate: FIXED_DATE,
        fonts: fonts(),
      }),
    );
    expect(error.issues[0]?.code).toBe('TIBETAN_IN_BODY');
    expect(error.message).toContain('藏文译文页');
  });

  it('prints the Tibetan translation as an annex before the signatures, extractable', async () => {
    const data = agreementData({
      translations: [{ language: 'bo', title: '藏文译文', text: `${TIBETAN}\n（${TIBETAN}）` }],
    });
    expect(checkDocumentText(agreementTemplate(), data, fonts()).warnings).toEqual([]);
    const pdf = await renderDocument(agreementTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const file = pdfFile(pdf, 'tibetan.pdf');
    expect(file.fonts()).toMatch(/[A-Z]{6}\+NotoSerifTibetan-Regular\s.*yes\s+yes\s+yes/);
    const pages = Array.from({ length: file.pages() }, (_, i) => squash(file.pageText(i + 1)));
    const annex = pages.findIndex((p) => p.includes('藏文译文'));
    const seal = pages.findIndex((p) => p.includes('人民调解委员会（印）'));
    expect(annex).toBeGreaterThan(0);
    // Inside the signed document: the seal comes on or after the translation page.
    expect(seal).toBeGreaterThanOrEqual(annex);
    expect(pages[annex]).toContain('以中文文本为准');
    // Shaped stacks extract as the typed text (ActualText), full-width brackets included.
    expect(pages[annex]).toContain(squash(TIBETAN));
    expect(pages[annex]).toContain(`（${squash(TIBETAN)}）`);
  });

  it('states the chosen prevailing text and closes the translation with the translator line', async () => {
    const data = agreementData({
      translations: [
        {
          language: 'bo',
          title: '藏文译文',
          text: TIBETAN,
          prevailing: 'EQUAL',
          translator: '才让',
        },
      ],
    });
    const pdf = await renderDocument(agreementTemplate(), data, {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    const file = pdfFile(pdf, 'tibetan-equal.pdf');
    const pages = Array.from({ length: file.pages() }, (_, i) => squash(file.pageText(i + 1)));
    const annex = pages.findIndex((p) => p.includes('藏文译文'));
    expect(pages[annex]).toContain('中文文本与本译文具有同等效力');
    expect(pages[annex]).not.toContain('以中文文本为准');
    // The translator's line closes the annex (it may move with the signatures).
    expect(pages.slice(annex).join('')).toContain('翻译人：才让');
  });
});
