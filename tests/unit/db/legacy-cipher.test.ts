import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupSummary, SystemStatus } from '../../../domain/api/system-contract.js';
import { checkLedgerFile } from '../../../db/backup.js';
import {
  CURRENT_LEDGER_CIPHER,
  LEGACY_LEDGER_CIPHER,
  LedgerKeyUnusableError,
  cipherPragmas,
  connectionCipher,
  connectionKey,
  fileKeyStore,
  keyConnection,
  type LedgerCipher,
} from '../../../db/ledger-cipher.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { confirmedRestore, openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';
import {
  intake,
  openTestLedger,
  setUpRoom,
  testLedgerOf,
  type TestLedger,
} from '../services/case-fixtures.js';

const now = () => new Date('2026-03-10T02:00:00Z');
const rooms: TestLedger[] = [];

afterEach(async () => {
  for (const l of rooms.splice(0)) {
    await l.core.whenIdle();
    l.close();
  }
});

/**
 * The statements every encrypted ledger before stop 32 was keyed and encrypted with (base
 * 23cdefd: keyConnection and the worker's `encrypt` op), written out rather than taken from
 * LEGACY_LEDGER_CIPHER, so an edit of that constant cannot move this fixture along with it.
 */
const BEFORE_STOP_32 = {
  cipher: "cipher = 'chacha20'",
  key: (key: Buffer) => `x'${key.toString('hex')}'`,
};

/** Opens `file` under exactly one cipher, as a connection of that app version would. */
function openUnder(
  file: string,
  cipher: LedgerCipher | 'before-stop-32',
  key: Buffer,
  readonly = true,
) {
  const db = new Database(file, { readonly, fileMustExist: true });
  if (cipher === 'before-stop-32') {
    db.pragma(BEFORE_STOP_32.cipher);
    db.pragma(`key = "${BEFORE_STOP_32.key(key)}"`);
  } else {
    for (const pragma of cipherPragmas(cipher, key)) db.pragma(pragma);
  }
  return db;
}

/** True when page 1 of `file` decrypts under `cipher` (and no other cipher is tried). */
function readsUnder(file: string, cipher: LedgerCipher | 'before-stop-32', key: Buffer): boolean {
  const db = openUnder(file, cipher, key);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  } finally {
    db.close();
  }
}

/**
 * A room whose ledger is ChaCha20-Poly1305, as every encrypted ledger before stop 32 was: made
 * by the app, closed, and rewritten under the old pragmas (`cipher = 'chacha20'`, rekey).
 */
async function legacyRoom(): Promise<{ l: TestLedger; key: Buffer; ledgerFile: string }> {
  const made = await openTestLedger(now);
  const { mediatorId } = await setUpRoom(made);
  await made.call('cases.create', intake({ mediatorIds: [mediatorId] }));
  await made.core.whenIdle();
  made.core.close();
  const ledgerFile = ledgerPaths(made.dir).ledgerFile;
  const key = fileKeyStore.read(ledgerFile);
  if (!key) throw new Error('the test ledger is not encrypted');
  const db = openUnder(ledgerFile, CURRENT_LEDGER_CIPHER, key, false);
  try {
    // The base's `encrypt` op: rollback journal, the cipher, then the raw key as rekey.
    db.pragma('journal_mode = DELETE');
    db.pragma(BEFORE_STOP_32.cipher);
    db.pragma(`rekey = "${BEFORE_STOP_32.key(key)}"`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  expect(readsUnder(ledgerFile, 'before-stop-32', key)).toBe(true);
  expect(readsUnder(ledgerFile, CURRENT_LEDGER_CIPHER, key)).toBe(false);
  const core = await openSignedInCore({ dataDir: made.dir, appVersion: 'test', now });
  const l = testLedgerOf(core, made.dir);
  rooms.push(l);
  return { l, key, ledgerFile };
}

const caseCount = (l: TestLedger) =>
  l.core.ledger.db().prepare('SELECT count(*) FROM case_file').pluck().get();

describe('a ledger encrypted with ChaCha20 before stop 32', () => {
  it('opens, reads and writes on its own cipher; its backups are copies on that cipher, verified, and restore', async () => {
    const { l, key, ledgerFile } = await legacyRoom();
    expect(await l.call<SystemStatus>('system.status', {})).toMatchObject({
      ledger: { state: 'READY', encrypted: true },
    });
    const db = l.core.ledger.db();
    expect(connectionCipher(db)).toBe(LEGACY_LEDGER_CIPHER);
    expect(connectionKey(db)?.equals(key)).toBe(true);
    expect(caseCount(l)).toBe(1);
    // A write goes into the WAL under the file's own cipher: the file stays one cipher's.
    await l.call('cases.create', intake());
    expect(caseCount(l)).toBe(2);

    const backup = await l.call<BackupSummary>('system.backupNow', {});
    const backupFile = path.join(ledgerPaths(l.dir).backupDir, backup.fileName);
    // VACUUM INTO wrote the copy with the ledger's cipher (not the current one), and the
    // worker's check detected it too.
    expect(readsUnder(backupFile, 'before-stop-32', key)).toBe(true);
    expect(readsUnder(backupFile, CURRENT_LEDGER_CIPHER, key)).toBe(false);
    expect(await checkLedgerFile(backupFile, true, key)).toEqual([]);

    await l.call('cases.create', intake());
    expect(caseCount(l)).toBe(3);
    const restored = await l.call<SystemStatus>(
      'system.restoreBackup',
      await confirmedRestore(l.core.dispatch, backup.fileName),
    );
    expect(restored.ledger).toMatchObject({ state: 'READY', encrypted: true });
    expect(caseCount(l)).toBe(2);
    expect(connectionCipher(l.core.ledger.db())).toBe(LEGACY_LEDGER_CIPHER);
    expect(readsUnder(ledgerFile, 'before-stop-32', key)).toBe(true);
    // The before-restore copy (of the ChaCha20 ledger) still previews.
    const backups = await l.call<BackupSummary[]>('system.listBackups', {});
    const beforeRestore = backups.find((x) => x.kind === 'before-restore');
    expect(beforeRestore).toBeDefined();
    await l.call('system.restorePreview', { fileName: beforeRestore?.fileName });
  }, 120_000);

  it('a wrong key is still a key problem under both ciphers, not damage', async () => {
    const { l, ledgerFile } = await legacyRoom();
    await l.core.whenIdle();
    const wrong = Buffer.alloc(32, 9);
    await expect(checkLedgerFile(ledgerFile, false, wrong)).rejects.toBeInstanceOf(
      LedgerKeyUnusableError,
    );
  }, 60_000);

  it('left by a crash with committed pages only in its WAL, it opens on its own cipher with every row (the AEGIS try reads nothing into it)', () => {
    const dir = tempDir('legacy-crash');
    const live = path.join(dir, 'live.sqlite');
    const key = Buffer.alloc(32, 5);
    const db = new Database(live);
    db.pragma(BEFORE_STOP_32.cipher);
    db.pragma(`key = "${BEFORE_STOP_32.key(key)}"`);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec(
      "CREATE TABLE t (a TEXT); INSERT INTO t SELECT printf('%.3000c', 'x') FROM (SELECT 1 UNION ALL SELECT 2);",
    );
    db.exec(
      'INSERT INTO t SELECT a FROM t; INSERT INTO t SELECT a FROM t; INSERT INTO t SELECT a FROM t;',
    );
    // The files as a power cut would leave them: the main file and a WAL nobody checkpointed.
    const crashed = path.join(dir, 'ledger.sqlite');
    fs.copyFileSync(live, crashed);
    fs.copyFileSync(`${live}-wal`, `${crashed}-wal`);
    db.close();
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);

    const opened = new Database(crashed, { fileMustExist: true });
    try {
      expect(keyConnection(opened, key)).toBe(LEGACY_LEDGER_CIPHER);
      expect(opened.prepare('SELECT count(*) FROM t').pluck().get()).toBe(16);
      expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      opened.close();
    }
  });
});
