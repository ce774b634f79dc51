import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  DraftCheck,
  RenderedDocument,
  SavedAgreement,
  VerifyReport,
} from '../../../domain/agreements/agreement-views.js';
import { mediatingCase, rowCounts, type MediatingCase } from './agreement-fixtures.js';

/**
 * The oral register (口头协议登记表) with translation pages like the written agreement's
 * (issue 12): a Tibetan page or a traditional Mongolian annex inside the one frozen PDF, after
 * the form's text and before its signature rows; verified and reprinted byte for byte.
 */
const NNBSP = '\u202f';
const MVS = '\u180e';
const SENTENCE = `ᠬᠣᠶᠠᠷ ᠲᠠᠯ${MVS}ᠠ ᠪᠡᠯᠴᠢᠭᠡᠷ${NNBSP}ᠦᠨ ᠬᠢᠵᠠᠭᠠᠷ${NNBSP}ᠢ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃`;
const MONGOLIAN = `${SENTENCE} ${SENTENCE}\n${SENTENCE}`;
const TIBETAN = 'གཉིས་ཕྱོགས་ཀྱིས་གྲོས་མཐུན་བྱུང་། ཞིང་ཁ་ཕྱིར་སློག་བྱེད།';

let m: MediatingCase;
beforeEach(async () => {
  m = await mediatingCase();
});
afterEach(() => m.l.close());

const register = (overrides: Record<string, unknown> = {}) => ({
  registerNumber: '（2026）金峰口调字第001号',
  agreedDate: '2026-03-10',
  partyIds: m.partyIds,
  facts: '双方因牛羊越界放牧发生口角。',
  oralTerms: '被申请人当场向申请人赔礼道歉，并承诺今后看管好牛羊。',
  performanceStatus: 'PERFORMED_ON_SPOT',
  mediatorIds: [m.mediatorId],
  recorderName: '李明',
  interpreter: { name: '巴图', language: 'mn', partyIds: [m.partyIds[1]] },
  ...overrides,
});

const translated = (language: 'bo' | 'mn', text: string) =>
  register({ translations: [{ partyId: m.partyIds[1], language, text }] });

/** Checks clean, registers, and gives the stored register with its PDF. */
async function registered(values: Record<string, unknown>) {
  const check = await m.l.call<DraftCheck>('agreements.checkOral', {
    caseId: m.detail.id,
    register: values,
  });
  expect(check.issues.filter((i) => i.level === 'ERROR')).toEqual([]);
  const saved = await m.l.call<SavedAgreement>('agreements.registerOral', {
    caseId: m.detail.id,
    expectedCaseVersion: m.detail.version,
    register: values,
  });
  const render = () =>
    m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'ORAL_AGREEMENT_REGISTER',
      recordId: saved.agreement.id,
    });
  const doc = await render();
  expect(doc.sha256).toBe(saved.agreement.generated?.pdfSha256);
  expect(
    (await m.l.call<VerifyReport>('agreements.verify', { agreementId: saved.agreement.id })).ok,
  ).toBe(true);
  // a reprint is the frozen file itself: the same bytes
  expect((await render()).pdfBase64).toBe(doc.pdfBase64);
  return Buffer.from(doc.pdfBase64, 'base64');
}

/** `pdftotext -raw`: the drawing order, one line per Mongolian column. */
function rawText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-oral-translation-'));
  try {
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, pdf);
    if (process.env.KEEP_ORAL_ANNEX) fs.copyFileSync(file, process.env.KEEP_ORAL_ANNEX);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The Mongolian columns as `pdftotext -raw` gives them back: the lines after the annex's
 * prevailing-text sentence up to the translator's line, page breaks (a page's first line starts
 * with its form feed) and footers skipped; a column's line may get the next Chinese line
 * appended by poppler, so a line keeps its words up to the first Chinese one.
 */
function columnsOf(raw: string): string[] {
  const lines = raw.split(/[\n\f]/);
  const columns: string[] = [];
  for (const line of lines.slice(lines.findIndex((l) => l.includes('本译文与中文文本')) + 1)) {
    if (line === '' || /^第 \d+ 页 共 \d+ 页$/.test(line) || line.startsWith('校验码')) continue;
    const words = line.split(' ');
    const end = words.findIndex((w) => /\p{Script=Han}/u.test(w));
    if (end === 0) break;
    columns.push((end < 0 ? words : words.slice(0, end)).join(' '));
    if (end > 0) break;
  }
  return columns;
}

/** Where the form's signature rows start in the drawing order. */
const signaturesAt = (raw: string) => raw.indexOf('记录人（签名）');

describe('translation pages of the oral register', () => {
  it('prints a Tibetan page inside the frozen register, the signature rows after it', async () => {
    const pdf = await registered(translated('bo', TIBETAN));
    const raw = rawText(pdf).replace(/\s+/g, '');
    expect(raw).toContain('藏文译文（当事人扎西多杰）');
    expect(raw).toContain('以中文文本为准');
    const at = raw.indexOf(TIBETAN.replace(/\s+/g, ''));
    expect(at).toBeGreaterThan(raw.indexOf('法律效力'));
    expect(at).toBeLessThan(raw.indexOf('记录人（签名）'));
  });

  it('prints a Mongolian annex whose columns extract as typed, the signature rows after it', async () => {
    const pdf = await registered(
      register({
        translations: [{ partyId: m.partyIds[1], language: 'mn', text: MONGOLIAN }],
        translationPrevails: 'EQUAL',
      }),
    );
    const raw = rawText(pdf);
    expect(raw).toContain('蒙古文译文（当事人扎西多杰）');
    expect(raw).toContain('中文文本与本译文具有同等效力。');
    const columns = columnsOf(raw.replace('中文文本与本译文具有同等效力', '本译文与中文文本'));
    expect(columns.join(' ')).toBe(MONGOLIAN.replace(/\n/g, ' '));
    expect(raw.indexOf('翻译人：巴图')).toBeLessThan(signaturesAt(raw));
  });

  it('sets a long Mongolian translation over several pages, every word, signatures after', async () => {
    const words: string[] = [];
    let length = 0;
    for (let i = 0; length < 6_000; i += 1) {
      const w = ['ᠮᠣᠩᠭᠣᠯ', 'ᠬᠡᠯᠡ', 'ᠠᠷᠠᠳ', `ᠪᠡᠯᠴᠢᠭᠡᠷ${NNBSP}ᠦᠨ`][i % 4] ?? 'ᠮᠣᠩᠭᠣᠯ';
      words.push(w);
      length += [...w].length + 1;
    }
    const text = words.join(' ');
    const pdf = await registered(translated('mn', text));
    const raw = rawText(pdf);
    const columns = columnsOf(raw);
    expect(columns.join(' ')).toBe(text);
    // more columns than one page holds across (about 14), so the annex turned the page
    expect(columns.length).toBeGreaterThan(14);
    const last = columns[columns.length - 1] ?? '';
    expect(raw.lastIndexOf(last)).toBeLessThan(signaturesAt(raw));
    expect(raw.indexOf('当事人（签名） 扎西多杰')).toBeGreaterThan(raw.lastIndexOf(last));
  });

  it("prints the room's reviewed oral-register title, not the agreement's, and no copies", async () => {
    const ORAL_TITLE = 'མི་དམངས་བར་འདུམ་ཁ་ངག་གྲོས་མཐུན་ཐོ་འགོད་རེའུ་མིག';
    const AGREEMENT_TITLE = 'མི་དམངས་བར་འདུམ་གྲོས་མཐུན་ཡིག་ཆ།';
    const COPIES = 'ཡིག་ཆ་འདི་{N}ཡོད།';
    await m.l.call('settings.saveWording', {
      language: 'bo',
      entries: [
        { key: 'oralTitle', text: ORAL_TITLE, reviewer: '才让多杰' },
        { key: 'title', text: AGREEMENT_TITLE, reviewer: '才让多杰' },
        { key: 'copies', text: COPIES, reviewer: '才让多杰' },
      ],
    });
    const raw = rawText(await registered(translated('bo', TIBETAN))).replace(/\s+/g, '');
    expect(raw).toContain(ORAL_TITLE);
    expect(raw.indexOf(ORAL_TITLE)).toBeLessThan(raw.indexOf('藏文译文（当事人扎西多杰）'));
    expect(raw).not.toContain(AGREEMENT_TITLE);
    // the register states no number of copies
    expect(raw).not.toContain('ཡིག་ཆ་འདི་');
  });

  it('refuses Chinese in the Mongolian box with SCRIPT_MISMATCH; nothing is stored', async () => {
    const before = rowCounts(m);
    const res = await m.l.raw('agreements.registerOral', {
      caseId: m.detail.id,
      expectedCaseVersion: m.detail.version,
      register: translated('mn', 'ᠮᠣᠩᠭᠣᠯ 草场 ᠮᠣᠩᠭᠣᠯ'),
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('BAD_INPUT');
    expect(res.error.issues).toEqual([
      {
        path: ['register', 'translations', 0, 'text'],
        message: expect.stringContaining('汉字“草”') as unknown as string,
        code: 'SCRIPT_MISMATCH',
      },
    ]);
    expect(rowCounts(m)).toEqual(before);
  });

  it('refuses a translation for someone who is not a party of the register', async () => {
    const res = await m.l.raw('agreements.checkOral', {
      caseId: m.detail.id,
      register: register({
        partyIds: m.partyIds,
        translations: [{ partyId: 987_654, language: 'bo', text: TIBETAN }],
      }),
    });
    expect(res.ok ? null : res.error.issues?.[0]?.path).toEqual([
      'register',
      'translations',
      0,
      'partyId',
    ]);
  });
});
