import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Agreement,
  DraftCheck,
  PdfFile,
  VerifyReport,
} from '../../../domain/agreements/agreement-views.js';
import { draftWith, mediatingCase, type MediatingCase } from './agreement-fixtures.js';

/**
 * The traditional Mongolian annex inside the written agreement (issue 12): one PDF, one
 * SHA-256, printed in vertical columns, with the room's reviewed wording and the party's
 * Mongolian name; the shipped drafts (待审校) never print.
 */
const NNBSP = '\u202f';
const MVS = '\u180e';
const SENTENCE = `ᠬᠣᠶᠠᠷ ᠲᠠᠯ${MVS}ᠠ ᠪᠡᠯᠴᠢᠭᠡᠷ${NNBSP}ᠦᠨ ᠬᠢᠵᠠᠭᠠᠷ${NNBSP}ᠢ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃`;
const TEXT = `${SENTENCE} ${SENTENCE}\n${SENTENCE}`;
const TITLE = 'ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ ᠭᠡᠷ᠎ᠡ';
const LABEL = 'ᠬᠠᠷᠢᠯᠴᠠᠭᠴᠢ';
const NAME = 'ᠪᠠᠭᠠᠲᠤᠷ';

let m: MediatingCase;
beforeEach(async () => {
  m = await mediatingCase();
});
afterEach(() => m.l.close());

const translation = () => ({
  translations: [{ partyId: m.partyIds[1], language: 'mn', text: TEXT }],
});

/** `pdftotext -raw` of the PDF (drawing order; each column is one ActualText span). */
function rawText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-mongolian-annex-'));
  try {
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, pdf);
    if (process.env.KEEP_MONGOLIAN_ANNEX) fs.copyFileSync(file, process.env.KEEP_MONGOLIAN_ANNEX);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const bytesOf = (f: PdfFile) => Buffer.from(f.pdfBase64, 'base64');

describe('the Mongolian annex of a written agreement', () => {
  it('checks clean, generates one verifiable PDF with the columns, and reprints the same bytes', async () => {
    const draft = await draftWith(m, translation());
    const check = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: draft.id });
    expect(check.issues.filter((i) => i.level === 'ERROR')).toEqual([]);
    expect(check.issues.map((i) => i.code)).not.toContain('MONGOLIAN_SCRIPT');
    const gen = await m.l.call<Agreement>('agreements.generate', {
      agreementId: draft.id,
      expectedVersion: draft.version,
    });
    const pdf = await m.l.call<PdfFile>('agreements.pdf', { agreementId: gen.id });
    const text = rawText(bytesOf(pdf));
    expect(text).toContain('蒙古文译文');
    // every column extracts as typed (MVS and NNBSP included), in reading order
    const columns = text.split('\n').filter((line) => /[\u1800-\u18af]/.test(line));
    expect(columns.join(' ').replace(/\s+/g, ' ')).toBe(TEXT.replace(/\s+/g, ' '));
    expect(text).toContain(`（当事人`);
    const verify = await m.l.call<VerifyReport>('agreements.verify', { agreementId: gen.id });
    expect(verify.ok).toBe(true);
    const again = await m.l.call<PdfFile>('agreements.pdf', { agreementId: gen.id });
    expect(again.sha256).toBe(pdf.sha256);
  });

  it('prints the same bytes when the same draft is rendered twice', async () => {
    const draft = await draftWith(m, translation());
    const first = await m.l.call<PdfFile>('agreements.preview', { agreementId: draft.id });
    const second = await m.l.call<PdfFile>('agreements.preview', { agreementId: draft.id });
    // previews carry the clock's time; the fixed test clock makes them comparable
    expect(second.sha256).toBe(first.sha256);
  });

  it('prints the reviewed title, party label with the Mongolian name, never a draft', async () => {
    const draft = await draftWith(m, translation());
    const columnsOf = async () => {
      const pdf = await m.l.call<PdfFile>('agreements.preview', { agreementId: draft.id });
      return rawText(bytesOf(pdf))
        .split('\n')
        .filter((line) => /[\u1800-\u18af]/.test(line));
    };
    // nothing reviewed yet: the shipped drafts (待审校) are not printed, the text comes first
    // (a short annex is set in short columns: a sentence may run over several)
    expect((await columnsOf()).join(' ').startsWith(SENTENCE)).toBe(true);
    m.l.core.ledger
      .db()
      // the party speaks Mongolian and has a name in the script (entered through the party card)
      .prepare("UPDATE party SET preferred_language = 'mn', own_script_name = ? WHERE id = ?")
      .run(NAME, m.partyIds[1]);
    await m.l.call('settings.saveWording', {
      language: 'mn',
      entries: [
        { key: 'title', text: TITLE, reviewer: '巴特尔' },
        { key: 'partyLabel', text: LABEL, reviewer: '巴特尔' },
      ],
    });
    const columns = await columnsOf();
    expect(columns.join(' ').startsWith(`${TITLE} ${LABEL} ${NAME} ${SENTENCE}`)).toBe(true);
    // the title opens the first column, the party label opens its own
    expect(TITLE.startsWith(columns[0] ?? '-')).toBe(true);
    expect(columns.filter((c) => c.startsWith(LABEL))).toHaveLength(1);
  });

  it('still refuses traditional Mongolian in the Chinese text', async () => {
    const draft = await draftWith(m, { facts: '双方争议 ᠮᠣᠩᠭᠣᠯ 草场。', ...translation() });
    const check = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: draft.id });
    const mongolian = check.issues.filter((i) => i.code === 'MONGOLIAN_SCRIPT');
    expect(mongolian.map((i) => i.level)).toEqual(['ERROR']);
    expect(mongolian[0]?.message).toContain('含有传统蒙古文');
  });
});
