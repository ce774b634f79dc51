import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import type { WordingKey, WordingView } from '../../../domain/documents/translation-wording.js';
import { saveRoomWording } from '../../../db/translation-wording-queries.js';
type PdfFile = { readonly pdfBase64: string };
import { draftWith, mediatingCase, type MediatingCase } from './agreement-fixtures.js';
import { pdfText } from './pdf-tools.js';

/**
 * The Tibetan translation page prints the room's reviewed wording (设置 → 译文固定用语) and
 * never our shipped drafts, which are 待审校: without a reviewed entry the page is as before.
 */
const TITLE = 'མི་དམངས་བར་འདུམ་གྲོས་མཐུན་ཡིག་ཆ།';
const LABEL = 'དོན་འབྲེལ་པ།';
const ART31 = 'ཁྲིམས་ཀྱི་ཚོད་འཛིན་ནུས་པ་ཡོད་པའི་གྲོས་མཐུན།';
const PREVAILS = 'རྒྱ་ཡིག་གཞིར་བཟུང་།';
const TEXT = 'བཀྲ་ཤིས་བདེ་ལེགས། ཕྱོགས་གཉིས་ཀྱིས་རྩྭ་ཐང་གི་མཚམས་ཐག་བཅད།';
const SIGN = 'མིང་རྟགས་འགོད་པའམ་མཛུབ་རྗེས་གནོན་པ།';
/** The signature block's later labels, as shipped drafts and as a room enters them reviewed. */
const LATER_LABELS = {
  mediatorLabel: 'མི་དམངས་བར་འདུམ་པ།',
  recorderLabel: 'ཟིན་བྲིས་པ།',
  dateLine: 'ལོ་ཟླ་ཚེས་གྲངས།',
  sealLabel: 'ཐམ་ག',
} as const;
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** A reviewed row as written to the table by an older build (no service check). */
const stored = (key: WordingKey, text: string) => ({
  language: 'bo' as const,
  key,
  text,
  reviewer: '才让多杰',
  reviewedAt: '2026-03-01',
});

let m: MediatingCase;
beforeEach(async () => {
  m = await mediatingCase();
});
afterEach(() => m.l.close());

async function preview(): Promise<Buffer> {
  const draft = await draftWith(m, {
    translations: [{ partyId: m.partyIds[1], language: 'bo', text: TEXT }],
  });
  const pdf = await m.l.call<PdfFile>('agreements.preview', { agreementId: draft.id });
  return Buffer.from(pdf.pdfBase64, 'base64');
}

/** The drawn text of one draft's preview, as often as asked (a case has one live draft). */
async function previewer(): Promise<() => Promise<string>> {
  const draft = await draftWith(m, {
    translations: [{ partyId: m.partyIds[1], language: 'bo', text: TEXT }],
  });
  return async () => {
    const pdf = await m.l.call<PdfFile>('agreements.preview', { agreementId: draft.id });
    return drawnText(Buffer.from(pdf.pdfBase64, 'base64'));
  };
}

/**
 * The PDF's text in drawing order (`pdftotext -raw`), without whitespace: the page's boxes are
 * drawn top to bottom, while the reading order of pdftotext puts the shaped Tibetan lines
 * (ActualText) of a page before its Chinese ones.
 */
function drawnText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-wording-pdf-'));
  try {
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, pdf);
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    return squeeze(raw);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('reviewed wording on the Tibetan translation page', () => {
  it('prints the reviewed title first, the party label, the clause and Art. 31 after the text', async () => {
    await m.l.call('settings.saveWording', {
      language: 'bo',
      entries: [
        { key: 'title', text: TITLE, reviewer: '才让多杰' },
        { key: 'partyLabel', text: LABEL, reviewer: '才让多杰' },
        { key: 'art31', text: ART31, reviewer: '才让多杰' },
        { key: 'prevailsChinese', text: PREVAILS, reviewer: '才让多杰' },
      ],
    });
    const text = drawnText(await preview());
    const at = (s: string) => text.indexOf(squeeze(s));
    expect(at(TITLE)).toBeGreaterThan(-1);
    expect(at(TITLE)).toBeLessThan(at('藏文译文'));
    expect(at('藏文译文')).toBeLessThan(at(PREVAILS));
    expect(at(PREVAILS)).toBeLessThan(at(LABEL));
    expect(at(LABEL)).toBeLessThan(at(TEXT));
    expect(at(TEXT)).toBeLessThan(at(ART31));
    // the legal sentences close the translation, before the parties sign
    expect(at(ART31)).toBeLessThan(at('当事人：王芳'));
  });

  it('prints no shipped draft: an unreviewed entry is never presented as reviewed', async () => {
    const text = pdfText(await preview());
    expect(text).toContain(squeeze(TEXT));
    expect(text).toContain('藏文译文');
    expect(text).toContain('本译文与中文文本如有不一致，以中文文本为准。');
    // the shipped drafts of the title and the party label (待审校) are not on the page
    expect(text).not.toContain(squeeze(TITLE));
    expect(text).not.toContain(squeeze(LABEL));
  });

  it('a generated agreement keeps the wording it was generated with', async () => {
    await m.l.call('settings.saveWording', {
      language: 'bo',
      entries: [{ key: 'title', text: TITLE, reviewer: '才让多杰' }],
    });
    const draft = await draftWith(m, {
      translations: [{ partyId: m.partyIds[1], language: 'bo', text: TEXT }],
    });
    const gen = await m.l.call<Agreement>('agreements.generate', {
      agreementId: draft.id,
      expectedVersion: draft.version,
    });
    await m.l.call('settings.saveWording', {
      language: 'bo',
      entries: [{ key: 'title', text: LABEL, reviewer: '别的译员' }],
    });
    const pdf = await m.l.call<PdfFile>('agreements.pdf', { agreementId: gen.id });
    const text = pdfText(Buffer.from(pdf.pdfBase64, 'base64'));
    expect(text).toContain(squeeze(TITLE));
  });

  it('prints the reviewed signature label under each party’s Chinese one, the draft never', async () => {
    const previewed = await previewer();
    // the shipped draft of the label (待审校) is the same text: not printed
    expect(await previewed()).not.toContain(squeeze(SIGN));
    await m.l.call('settings.saveWording', {
      language: 'bo',
      entries: [{ key: 'partySignature', text: SIGN, reviewer: '才让多杰' }],
    });
    const text = await previewed();
    // one under each of the two parties' （签名盖章或按指印） (the two slots share a row), after
    // the translation page
    expect(text.split(squeeze(SIGN)).length - 1, text).toBe(2);
    expect(text.indexOf(squeeze(SIGN))).toBeGreaterThan(text.lastIndexOf('（签名盖章或按指印）'));
    expect(text.indexOf(squeeze(SIGN))).toBeGreaterThan(text.indexOf(squeeze(TEXT)));
  });

  it('a room wording stored before the later signature labels still loads and prints as before', async () => {
    // the rows an older build wrote: the table is unchanged, only these keys existed then
    saveRoomWording(m.l.core.ledger.db(), [stored('title', TITLE), stored('partySignature', SIGN)]);
    const view = await m.l.call<WordingView>('settings.wording', {});
    const bo = view.languages.find((l) => l.language === 'bo')!.entries;
    expect(bo.find((e) => e.key === 'partySignature')).toMatchObject({
      status: 'REVIEWED',
      reviewedText: SIGN,
    });
    for (const key of ['mediatorLabel', 'recorderLabel', 'dateLine', 'sealLabel'] as const) {
      expect(bo.find((e) => e.key === key)).toMatchObject({
        status: 'UNREVIEWED',
        reviewedText: null,
        draft: LATER_LABELS[key],
      });
    }
    const text = drawnText(await preview());
    // as before: the title and a label under each party's Chinese one, the later drafts never
    expect(text.indexOf(squeeze(TITLE))).toBeGreaterThan(-1);
    expect(text.split(squeeze(SIGN)).length - 1).toBe(2);
    for (const draft of Object.values(LATER_LABELS)) expect(text).not.toContain(squeeze(draft));
  });

  it('a label reviewed before the caps and over its cap prints as not reviewed and asks to be entered again', async () => {
    // up to 500 characters were saved before the caps (bo partySignature: 40 now)
    const long = Array.from({ length: 6 }, () => SIGN).join(' ');
    expect([...long].length).toBeGreaterThan(200);
    saveRoomWording(m.l.core.ledger.db(), [
      stored('partySignature', long),
      stored('dateLine', LATER_LABELS.dateLine),
    ]);
    const view = await m.l.call<WordingView>('settings.wording', {});
    const bo = view.languages.find((l) => l.language === 'bo')!.entries;
    expect(bo.find((e) => e.key === 'partySignature')).toMatchObject({
      status: 'TOO_LONG',
      reviewedText: long,
    });
    expect(bo.find((e) => e.key === 'dateLine')?.status).toBe('REVIEWED');
    // the agreement still prints: the Chinese alone under each party, the other labels as reviewed
    const previewed = await previewer();
    const text = await previewed();
    expect(text).not.toContain(squeeze(SIGN));
    expect(text.split('（签名盖章或按指印）').length - 1).toBe(2);
    expect(text.split(squeeze(LATER_LABELS.dateLine)).length - 1).toBe(4);
    // entering it again within the cap makes it reviewed and printed
    await m.l.call('settings.saveWording', {
      language: 'bo',
      entries: [{ key: 'partySignature', text: SIGN, reviewer: '才让多杰' }],
    });
    expect((await previewed()).split(squeeze(SIGN)).length - 1).toBe(2);
  });

  it('prints the reviewed mediator, recorder, date and seal labels after their Chinese lines', async () => {
    await m.l.call('settings.saveWording', {
      language: 'bo',
      entries: Object.entries(LATER_LABELS).map(([key, text]) => ({
        key,
        text,
        reviewer: '才让多杰',
      })),
    });
    const text = drawnText(await preview());
    const after = (chinese: string, label: string) => {
      const at = text.indexOf(chinese);
      expect(at, chinese).toBeGreaterThan(-1);
      expect(text.indexOf(squeeze(label), at), label).toBeGreaterThan(at);
    };
    after('人民调解员：', LATER_LABELS.mediatorLabel);
    after('记录人：李明', LATER_LABELS.recorderLabel);
    after('（印）', LATER_LABELS.sealLabel);
    // one date label under every slot's date line: 2 parties, 1 mediator, the recorder
    expect(text.split(squeeze(LATER_LABELS.dateLine)).length - 1).toBe(4);
    expect(text.split('年月日').length - 1).toBe(4);
  });
});
