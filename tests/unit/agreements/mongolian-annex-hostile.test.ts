import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agreement, DraftCheck, PdfFile } from '../../../domain/agreements/agreement-views.js';
import { content, mediatingCase, rowCounts, type MediatingCase } from './agreement-fixtures.js';

/**
 * Hostile text in the Mongolian translation box (issue 12): the text goes through the one
 * text discipline and the script check of the box; each case is refused with a Chinese
 * message and a stable code, or stored cleaned and printed exactly as stored (the columns
 * extract as the stored text), and nothing crashes.
 */
const NNBSP = '\u202f';
const MVS = '\u180e';
const FVS1 = '\u180b';
const ZWJ = '\u200d';
const ZWNJ = '\u200c';
const WORD = 'ᠮᠣᠩᠭᠣᠯ';
const SENTENCE = `ᠬᠣᠶᠠᠷ ᠲᠠᠯ${MVS}ᠠ ᠪᠡᠯᠴᠢᠭᠡᠷ${NNBSP}ᠦᠨ ᠬᠢᠵᠠᠭᠠᠷ${NNBSP}ᠢ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃`;

let m: MediatingCase;
beforeEach(async () => {
  m = await mediatingCase();
});
afterEach(() => m.l.close());

const withTranslation = (text: string) => ({
  translations: [{ partyId: m.partyIds[1], language: 'mn', text }],
});

async function newDraft(): Promise<Agreement> {
  return m.l.call<Agreement>('agreements.createDraft', { caseId: m.detail.id });
}

/** Saves the translation into a fresh draft; the raw answer (ok or the error). */
async function save(text: string) {
  const draft = await newDraft();
  const res = await m.l.raw('agreements.updateDraft', {
    agreementId: draft.id,
    expectedVersion: draft.version,
    content: content(m, withTranslation(text)),
  });
  return { draft, res };
}

async function saved(text: string): Promise<Agreement> {
  const { res } = await save(text);
  if (!res.ok) throw new Error(`refused: ${res.error.message}`);
  return res.value as Agreement;
}

const storedText = (a: Agreement) => a.content?.translations[0]?.text;

/**
 * The Mongolian columns of a PDF as `pdftotext -raw` gives them back: the lines after the
 * annex's prevailing-text sentence up to the signatures, page breaks and footers skipped. A
 * column's line may get the next Chinese line appended (poppler -raw joins a turned word to a
 * word whose baseline happens to be near): a line keeps its words up to the first Chinese one.
 */
function columnsOf(pdf: PdfFile): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-mongolian-hostile-'));
  try {
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
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
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks clean, generates, and the columns read back as the stored text; gives the PDF. */
async function printsAsStored(agreement: Agreement): Promise<PdfFile> {
  const check = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: agreement.id });
  // (the fixture's Chinese text has a 赔偿/补偿 word warning of its own)
  expect(
    check.issues.filter((i) => i.level === 'ERROR' || i.field.includes('translations')),
  ).toEqual([]);
  const gen = await m.l.call<Agreement>('agreements.generate', {
    agreementId: agreement.id,
    expectedVersion: agreement.version,
  });
  const pdf = await m.l.call<PdfFile>('agreements.pdf', { agreementId: gen.id });
  const stored = storedText(agreement) ?? '';
  expect(columnsOf(pdf).join(' ')).toBe(stored.replace(/\n/g, ' '));
  return pdf;
}

describe('hostile text in the Mongolian translation box', () => {
  it('refuses a control character, naming it by code point; nothing is stored', async () => {
    const draft = await newDraft();
    const afterCreate = rowCounts(m);
    const res = await m.l.raw('agreements.updateDraft', {
      agreementId: draft.id,
      expectedVersion: draft.version,
      content: content(m, withTranslation(`${WORD}\u0007${WORD}`)),
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('BAD_INPUT');
    expect(res.error.message).toContain('U+0007');
    expect(res.error.issues?.[0]?.path).toEqual(['content', 'translations', 0, 'text']);
    expect(rowCounts(m)).toEqual(afterCreate);
  });

  it('removes zero-width characters outside Mongolian words, keeps ZWJ/ZWNJ/MVS inside', async () => {
    const inside = `ᠭ${ZWJ}ᠠ ᠬᠠᠨ${MVS}ᠠ ᠮᠣ${ZWNJ}ᠩᠭᠣᠯ`;
    const a = await saved(`\u200b${inside}\ufeff ${MVS}${WORD} ${ZWJ}2026${ZWNJ}`);
    expect(storedText(a)).toBe(`${inside} ${WORD} 2026`);
    await printsAsStored(a);
  });

  it('removes a lone FVS at the start and prints the rest', async () => {
    const a = await saved(`${FVS1}${WORD} ᠭ${FVS1}ᠠ`);
    expect(storedText(a)).toBe(`${WORD} ᠭ${FVS1}ᠠ`);
    await printsAsStored(a);
  });

  it('prints an NNBSP at the end of the text and of a line as stored', async () => {
    const a = await saved(`${WORD}${NNBSP}\n${SENTENCE}${NNBSP}`);
    // the text's ends are trimmed (NNBSP is a space there); a line keeps it
    expect(storedText(a)).toBe(`${WORD}${NNBSP}\n${SENTENCE}`);
    await printsAsStored(a);
  });

  it('prints template syntax literally: nothing is substituted', async () => {
    const a = await saved(`${WORD} {{party.name}} \${agreementNumber} {x} $x`);
    expect(storedText(a)).toBe(`${WORD} {{party.name}} \${agreementNumber} {x} $x`);
    await printsAsStored(a);
  });

  it('prints Latin letters and digits mixed into the Mongolian as typed', async () => {
    const a = await saved(`${WORD} GPS 12.5 km ${SENTENCE}`);
    await printsAsStored(a);
  });

  it('refuses Chinese in the Mongolian box: the field, the character, SCRIPT_MISMATCH', async () => {
    const { draft, res } = await save(`${WORD} 草场 ${WORD}`);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('BAD_INPUT');
    expect(res.error.message).toContain('蒙古文译文只能填写');
    expect(res.error.issues).toEqual([
      {
        path: ['content', 'translations', 0, 'text'],
        message: expect.stringContaining('汉字“草”') as unknown as string,
        code: 'SCRIPT_MISMATCH',
      },
    ]);
    const still = await m.l.call<Agreement>('agreements.get', { agreementId: draft.id });
    expect(still.version).toBe(draft.version);
  });

  it.each([
    ['Tibetan', 'བོད', 'U+0F56'],
    ['Cyrillic', 'Монгол', 'U+041C'],
  ])('refuses %s in the Mongolian box', async (_, foreign, named) => {
    const { res } = await save(`${WORD} ${foreign}`);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.issues?.[0]?.code).toBe('SCRIPT_MISMATCH');
    expect(res.error.issues?.[0]?.message).toContain(named);
  });

  it('prints a 20,000-character translation over many pages, word for word', async () => {
    const words: string[] = [];
    let length = 0;
    for (let i = 0; length < 20_000; i += 1) {
      const w = [WORD, 'ᠬᠡᠯᠡ', 'ᠠᠷᠠᠳ', `ᠪᠡᠯᠴᠢᠭᠡᠷ${NNBSP}ᠦᠨ`][i % 4] ?? WORD;
      words.push(w);
      length += [...w].length + 1;
    }
    const text = words.join(' ').slice(0, 20_000).trimEnd();
    const a = await saved(text);
    expect(storedText(a)).toBe(text);
    const pdf = await printsAsStored(a);
    // more columns than three pages hold across (about 14 a page)
    expect(columnsOf(pdf).length).toBeGreaterThan(3 * 14);
  });
});
