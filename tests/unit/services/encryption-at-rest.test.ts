import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import { apiMessagesZhCN } from '../../../domain/messages/zh-CN.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import {
  CURRENT_LEDGER_CIPHER,
  cipherPragmas,
  connectionCipher,
  connectionKey,
  ledgerKeyFileFor,
} from '../../../db/ledger-cipher.js';
import { createAppCore } from '../../../electron/core/app-core.js';
import {
  intake,
  openTestLedger,
  person,
  ROOM_SETTINGS,
  session,
  setUpRoom,
  type TestLedger,
} from './case-fixtures.js';
import { content } from '../agreements/agreement-fixtures.js';

// Strings no template, code table or font holds: found in a file, they came from the seed.
const SEEDED = {
  name: '欧阳翠花',
  respondent: '端木铁柱',
  idNumber: '632801198507041246',
  phone: '13987650042',
  address: '沱沱河畔九号院青稞地',
  summary: '界桩旁的青稞地被踩踏',
  sessionText: '端木家的牦牛群越过了石头界桩',
  facts: '欧阳家草场的围栏被拆',
};

function everyFile(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? everyFile(full) : entry.isFile() ? [full] : [];
  });
}

/** Each seeded string found in any file under `dir`, as UTF-8 or UTF-16LE bytes. */
function plaintextFound(dir: string): string[] {
  const found: string[] = [];
  for (const file of everyFile(dir)) {
    const bytes = fs.readFileSync(file);
    for (const text of Object.values(SEEDED)) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(text, encoding))) {
          found.push(`${path.relative(dir, file)}: ${text} (${encoding})`);
        }
      }
    }
  }
  return found;
}

async function seedThroughTheApi(l: TestLedger): Promise<void> {
  const { mediatorId } = await setUpRoom(l);
  const saved = await l.call<SavedCase>(
    'cases.create',
    intake({
      mediatorIds: [mediatorId],
      summary: `${SEEDED.summary}，申请人要求赔偿。`,
      parties: [
        person({
          name: SEEDED.name,
          phone: { phone: SEEDED.phone },
          address: SEEDED.address,
          idDocument: { type: 'RESIDENT_ID', number: SEEDED.idNumber },
        }),
        person({
          role: 'RESPONDENT',
          name: SEEDED.respondent,
          gender: 'MALE',
          idDocument: null,
          phone: { phone: '13900005678' },
        }),
      ],
    }),
  );
  const accepted = await l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
  });
  const detail = await l.call<CaseDetail>('cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
  const partyIds = detail.parties.map((p) => p.id);
  await l.call('sessions.add', {
    caseId: detail.id,
    session: session(partyIds, mediatorId, { content: `${SEEDED.sessionText}。双方同意勘查。` }),
  });
  const draft = await l.call<Agreement>('agreements.createDraft', { caseId: detail.id });
  const updated = await l.call<Agreement>('agreements.updateDraft', {
    agreementId: draft.id,
    expectedVersion: draft.version,
    content: content(
      { l, mediatorId, detail, partyIds },
      { facts: `${SEEDED.facts}，牛羊越界放牧。` },
    ),
  });
  await l.call('agreements.generate', {
    agreementId: updated.id,
    expectedVersion: updated.version,
  });
  await l.call('system.backupNow', {});
}

describe('encryption at rest', () => {
  let l: TestLedger | null = null;
  afterEach(() => {
    l?.close();
    l = null;
  });

  it('leaves none of the seeded personal data readable in any file of the data folder', async () => {
    l = await openTestLedger();
    await seedThroughTheApi(l);
    const paths = ledgerPaths(l.dir);
    // The seed really is in the ledger (through the API, so the scan cannot pass vacuously).
    const found = l.core.ledger
      .db()
      .prepare('SELECT count(*) AS n FROM party WHERE name = ?')
      .get(SEEDED.name) as { n: number };
    expect(found.n).toBe(1);
    const backups = fs.readdirSync(paths.backupDir).filter((f) => f.endsWith('.sqlite'));
    expect(backups.length).toBeGreaterThan(0);
    // What is scanned is the current cipher's output (AEGIS-256): the ledger and its backups.
    expect(connectionCipher(l.core.ledger.db())).toBe(CURRENT_LEDGER_CIPHER);
    const key = connectionKey(l.core.ledger.db());
    if (!key) throw new Error('the test ledger is not encrypted');
    for (const name of backups) {
      const copy = new Database(path.join(paths.backupDir, name), { readonly: true });
      try {
        for (const pragma of cipherPragmas(CURRENT_LEDGER_CIPHER, key)) copy.pragma(pragma);
        expect(copy.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
    }

    // While the app runs (the WAL holds the latest pages) and after it has closed.
    expect(plaintextFound(l.dir)).toEqual([]);
    l.core.close();
    expect(plaintextFound(l.dir)).toEqual([]);

    // Without the key a plain SQLite connection sees noise.
    const plain = new Database(paths.ledgerFile, { readonly: true });
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
        /file is not a database/,
      );
    } finally {
      plain.close();
    }
  });

  it('says the key is missing, and leaves the ledger untouched, when its key file is gone', async () => {
    l = await openTestLedger();
    await l.call('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
    l.core.close();
    const paths = ledgerPaths(l.dir);
    const keyFile = ledgerKeyFileFor(paths.ledgerFile);
    fs.renameSync(keyFile, `${keyFile}.away`);
    const before = fs.readFileSync(paths.ledgerFile);

    const core = await createAppCore({ dataDir: l.dir, appVersion: 'test' });
    try {
      const status = await core.dispatch('system.status', {});
      expect(status).toMatchObject({
        ok: true,
        value: {
          ledger: {
            state: 'UNAVAILABLE',
            reason: 'KEY_MISSING',
            message: apiMessagesZhCN.ledgerKeyMissing,
          },
        },
      });
    } finally {
      core.close();
    }
    expect(fs.readFileSync(paths.ledgerFile).equals(before)).toBe(true);

    // With the key back, the same ledger opens as before.
    fs.renameSync(`${keyFile}.away`, keyFile);
    const again = await createAppCore({ dataDir: l.dir, appVersion: 'test' });
    try {
      const status = await again.dispatch('system.status', {});
      expect(status).toMatchObject({ ok: true, value: { ledger: { state: 'READY' } } });
    } finally {
      again.close();
    }
  });
});
