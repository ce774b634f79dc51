import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openOutside } from '../support/outside-connection.js';
import { describe, expect, it } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files';
import {
  SIGNATURE_WORDING_KEYS,
  signatureLabelMax,
  WORDING_KEYS,
  WORDING_LANGUAGES,
  shippedWordingSchema,
  wordingTextProblem,
  type WordingView,
} from '../../../domain/documents/translation-wording';
import { defaultTemplatesDir } from '../../../electron/documents/template-loader';
import { loadShippedWording } from '../../../electron/documents/translation-wording-file';
import { dropAuditTriggers, verifyLedgerFile } from '../support/audit-outside';
import { openSignedInCore } from '../support/signed-in-core';
import { tempDir } from '../support/temp-dir';

const TIBETAN_TITLE = 'མི་དམངས་བར་འདུམ་གྲོས་མཐུན་ཡིག་ཆ།';
// 17:00 UTC is already the next day in China: the review date is the room's calendar day
const NOW = new Date('2026-11-30T17:00:00Z');

function entry(view: WordingView, language: 'bo' | 'mn', key: string) {
  return view.languages.find((l) => l.language === language)!.entries.find((e) => e.key === key)!;
}

describe('shipped translation wording', () => {
  const shipped = loadShippedWording(defaultTemplatesDir());

  it('loads, has every key in both languages, and every entry is 待审校', () => {
    for (const language of WORDING_LANGUAGES) {
      const entries = shipped.languages[language];
      expect(entries.map((e) => e.key).sort()).toEqual([...WORDING_KEYS].sort());
      expect(entries.every((e) => e.status === 'UNREVIEWED')).toBe(true);
      for (const e of entries) {
        if (e.draft !== null) expect(wordingTextProblem(language, e.key, e.draft)).toBeNull();
      }
    }
  });

  it('refuses a shipped file that claims a review or misses an entry', () => {
    const json = JSON.parse(
      readFileSync(path.join(defaultTemplatesDir(), 'translation-wording.v1.json'), 'utf8'),
    ) as { languages: { bo: { status: string }[]; mn: unknown[] } };
    expect(shippedWordingSchema.safeParse(json).success).toBe(true);
    const claimed = structuredClone(json);
    claimed.languages.bo[0]!.status = 'REVIEWED';
    expect(shippedWordingSchema.safeParse(claimed).success).toBe(false);
    const short = structuredClone(json);
    short.languages.mn.pop();
    expect(shippedWordingSchema.safeParse(short).success).toBe(false);
  });

  it('translates the agreement’s own Chinese sentences, word for word', () => {
    const agreement = readFileSync(path.join(defaultTemplatesDir(), 'agreement.v1.json'), 'utf8');
    const oral = readFileSync(
      path.join(defaultTemplatesDir(), 'oral-agreement-register.v1.json'),
      'utf8',
    );
    const source = (key: string) => shipped.languages.bo.find((e) => e.key === key)!.source;
    for (const key of ['title', 'art31', 'art33'] as const) {
      expect(agreement).toContain(source(key));
    }
    expect(agreement).toContain(source('copies').replace('{N}', '{{agreement.copies}}'));
    expect(oral).toContain(`"title": "${source('oralTitle')}"`);
    // the signature block's labels: each the Chinese its slot, date line or seal line prints
    expect(agreement).toContain(`"label": "${source('mediatorLabel')}：{{mediator.name}}"`);
    expect(agreement).toContain(`"label": "${source('recorderLabel')}：{{recorder.name}}"`);
    expect(agreement).toContain(`"label": "${source('translatorLabel')}：{{interpreter.name}}"`);
    expect(agreement).toContain(`"hint": "（${source('partySignature')}）"`);
    expect(agreement).toContain(`"dateLine": "${source('dateLine')}"`);
    expect(agreement).toContain(`"{{committee.name}}（${source('sealLabel')}）"`);
    for (const key of SIGNATURE_WORDING_KEYS) {
      expect(shipped.languages.mn.find((e) => e.key === key)?.source).toBe(source(key));
    }
  });

  it('drafts the signature block in each own script, within what a room may save', () => {
    // (U+202F joins a Mongolian suffix to its word, as in the shipped drafts)
    const scripts = { bo: /^[\u0f00-\u0fff ]+$/u, mn: /^[\u1800-\u18af\u202f ]+$/u } as const;
    for (const language of WORDING_LANGUAGES) {
      for (const key of SIGNATURE_WORDING_KEYS) {
        const draft = shipped.languages[language].find((e) => e.key === key)?.draft;
        expect(draft, `${language} ${key}`).toMatch(scripts[language]);
        expect([...(draft ?? '')].length).toBeLessThanOrEqual(signatureLabelMax(language, key));
      }
    }
  });
});

describe('settings.wording and settings.saveWording', () => {
  it('saves a reviewed Tibetan title and reads it back as 已审校 with reviewer and date', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test', now: () => NOW });
    try {
      const before = (await core.dispatch('settings.wording', {})) as { value: WordingView };
      expect(entry(before.value, 'bo', 'title')).toMatchObject({
        status: 'UNREVIEWED',
        reviewedText: null,
      });
      const saved = await core.dispatch('settings.saveWording', {
        language: 'bo',
        entries: [{ key: 'title', text: ` ${TIBETAN_TITLE}\u200B`, reviewer: '才让多杰' }],
      });
      expect(saved.ok).toBe(true);
      const after = (await core.dispatch('settings.wording', {})) as { value: WordingView };
      expect(entry(after.value, 'bo', 'title')).toEqual({
        key: 'title',
        source: '人民调解协议书',
        draft: TIBETAN_TITLE,
        reviewedText: TIBETAN_TITLE,
        reviewer: '才让多杰',
        reviewedAt: '2026-12-01',
        status: 'REVIEWED',
      });
      expect(entry(after.value, 'mn', 'title').status).toBe('UNREVIEWED');
      expect(entry(after.value, 'bo', 'art31').status).toBe('UNREVIEWED');
    } finally {
      core.close();
    }
  });

  it('refuses Chinese typed into the Mongolian wording with SCRIPT_MISMATCH, writing nothing', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test' });
    try {
      const res = await core.dispatch('settings.saveWording', {
        language: 'mn',
        entries: [
          { key: 'partyLabel', text: 'ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ', reviewer: '巴特尔' },
          { key: 'title', text: '人民调解协议书', reviewer: '巴特尔' },
        ],
      });
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('BAD_INPUT');
      expect(res.error.issues).toEqual([
        expect.objectContaining({ path: ['entries', 1, 'text'], code: 'SCRIPT_MISMATCH' }),
      ]);
      const rows = core.ledger.db().prepare('SELECT count(*) FROM translation_wording').pluck();
      expect(rows.get()).toBe(0);
    } finally {
      core.close();
    }
  });

  it('the copies statement keeps its place for the number', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test' });
    try {
      const res = await core.dispatch('settings.saveWording', {
        language: 'bo',
        entries: [{ key: 'copies', text: 'གྲོས་མཐུན།', reviewer: '才让多杰' }],
      });
      expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      const ok = await core.dispatch('settings.saveWording', {
        language: 'bo',
        entries: [{ key: 'copies', text: 'གྲོས་མཐུན་{N}།', reviewer: '才让多杰' }],
      });
      expect(ok.ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('refuses a signature-block label longer than its cap with LABEL_TOO_LONG, writing nothing', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test' });
    try {
      const word = 'ᠲᠠᠮᠠᠭ᠎ᠠ';
      const atCap = [...word.repeat(4)].slice(0, signatureLabelMax('mn', 'sealLabel')).join('');
      const res = await core.dispatch('settings.saveWording', {
        language: 'mn',
        entries: [
          { key: 'sealLabel', text: `${atCap}ᠠ`, reviewer: '巴特尔' },
          { key: 'title', text: 'ᠠᠷᠠᠳ', reviewer: '巴特尔' },
        ],
      });
      expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (res.ok) return;
      expect(res.error.issues).toEqual([
        expect.objectContaining({ path: ['entries', 0, 'text'], code: 'LABEL_TOO_LONG' }),
      ]);
      const rows = core.ledger.db().prepare('SELECT count(*) FROM translation_wording').pluck();
      expect(rows.get()).toBe(0);
      const ok = await core.dispatch('settings.saveWording', {
        language: 'mn',
        entries: [{ key: 'sealLabel', text: atCap, reviewer: '巴特尔' }],
      });
      expect(ok.ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('a mediator reads the wording but cannot change it', async () => {
    const core = await openSignedInCore({
      dataDir: tempDir(),
      appVersion: 'test',
      role: 'MEDIATOR',
    });
    try {
      expect((await core.dispatch('settings.wording', {})).ok).toBe(true);
      const res = await core.dispatch('settings.saveWording', {
        language: 'bo',
        entries: [{ key: 'title', text: TIBETAN_TITLE, reviewer: '才让' }],
      });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      core.close();
    }
  });

  it('the audit chain names a reviewed entry changed outside the app', async () => {
    const dir = tempDir();
    const core = await openSignedInCore({ dataDir: dir, appVersion: 'test' });
    const saved = await core.dispatch('settings.saveWording', {
      language: 'bo',
      entries: [{ key: 'title', text: TIBETAN_TITLE, reviewer: '才让多杰' }],
    });
    expect(saved.ok).toBe(true);
    core.close();
    const file = ledgerPaths(dir).ledgerFile;
    expect(verifyLedgerFile(file).rowFindings).toEqual([]);
    const outside = openOutside(file);
    dropAuditTriggers(outside);
    outside.prepare("UPDATE translation_wording SET reviewer = '别人'").run();
    outside.close();
    expect(verifyLedgerFile(file).rowFindings).toEqual([
      expect.objectContaining({ kind: 'ROW_CHANGED', table: 'translation_wording' }),
    ]);
  });
});
