import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../../db/connection.js';
import { ledgerPaths, writeMarker } from '../../../db/ledger-files.js';
import { migrate } from '../../../db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations/index.js';
import type { Migration } from '../../../db/migrations/migration.js';
import {
  RESTORE_CONFIRMATION,
  START_EMPTY_CONFIRMATION,
  type BackupSummary,
  type RestorePreview,
} from '../../../domain/api/system-contract.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import {
  confirmedRestore,
  openSignedInCore,
  signInVia,
  TEST_PASSWORD,
  TEST_PEOPLE,
} from '../support/signed-in-core.js';
import { openOutside } from '../support/outside-connection.js';
import { errorOf, ok } from '../support/envelope.js';
import { tempDir } from '../support/temp-dir.js';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures.js';

// Review finding 3: the restore methods answer a person nobody signed in only when nobody *can*
// sign in. A ledger the app did not open but whose file holds accounts (too new, migration
// failed, unavailable) is signed in to against the file, read-only, by a director or technical
// administrator, and restoring over it needs the typed confirmation. All through the dispatcher.

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const signIn = (core: AppCore, role: 'DIRECTOR' | 'ADMIN' | 'MEDIATOR', password = TEST_PASSWORD) =>
  core.dispatch('accounts.signIn', { loginName: TEST_PEOPLE[role].loginName, password });

/** The four restore methods, each asked as the recovery screen would ask it. */
async function restoreMethodCodes(core: AppCore, backup: string): Promise<(string | null)[]> {
  return [
    (await errorOf(core.dispatch('system.listBackups', {})))?.code ?? null,
    (await errorOf(core.dispatch('system.restorePreview', { fileName: backup })))?.code ?? null,
    (
      await errorOf(
        core.dispatch('system.restoreBackup', {
          fileName: backup,
          confirmation: RESTORE_CONFIRMATION,
        }),
      )
    )?.code ?? null,
    (
      await errorOf(
        core.dispatch('system.startEmptyLedger', { confirmation: START_EMPTY_CONFIRMATION }),
      )
    )?.code ?? null,
  ];
}

/** A room with a director, a technical administrator, a mediator, a case and one backup. */
async function roomWithAccounts(): Promise<{ dataDir: string; file: string; backup: string }> {
  const dataDir = tempDir('restore-door');
  const core = await openSignedInCore({ dataDir, appVersion: 'test' });
  try {
    await ok(core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
    await ok(core.dispatch('cases.create', intake()));
    await signInVia(core.dispatch, 'MEDIATOR');
    await signInVia(core.dispatch, 'ADMIN');
    const backup = await ok<BackupSummary>(core.dispatch('system.backupNow', {}));
    return { dataDir, file: ledgerPaths(dataDir).ledgerFile, backup: backup.fileName };
  } finally {
    core.close();
  }
}

function setUserVersion(file: string, version: number): void {
  const db = openOutside(file);
  db.pragma(`user_version = ${version}`);
  db.close();
}

const open = (dataDir: string, extra: { migrations?: readonly Migration[] } = {}) =>
  openSignedInCore({
    dataDir,
    appVersion: 'test',
    room: 'none',
    log: { error: () => undefined },
    ...extra,
  });

describe('the restore door of a ledger the app did not open', () => {
  it('too new, with accounts: nobody restores without a room administrator password and the sentence', async () => {
    const { dataDir, file, backup } = await roomWithAccounts();
    setUserVersion(file, LATEST_SCHEMA_VERSION + 1);
    const before = sha256(file);
    const core = await open(dataDir);
    try {
      expect(core.ledger.state.state).toBe('TOO_NEW');
      // the gate asks for a sign-in instead of showing the restore screen to anyone
      expect(await ok(core.dispatch('accounts.session', {}))).toMatchObject({
        setUp: true,
        user: null,
      });
      expect(await restoreMethodCodes(core, backup)).toEqual([
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
      ]);

      // wrong guesses back off as at sign-in, counted in memory: the file is not written
      for (let i = 0; i < 5; i += 1) {
        expect(await errorOf(signIn(core, 'ADMIN', 'wrong-password'))).toMatchObject({
          code: 'SIGN_IN_FAILED',
        });
      }
      expect(await errorOf(signIn(core, 'ADMIN'))).toMatchObject({ code: 'SIGN_IN_BACKOFF' });
      expect(sha256(file)).toBe(before);
    } finally {
      core.close();
    }

    // a new core (its backoff forgotten with its memory), the desk's clock standing still
    const again = await open(dataDir);
    try {
      // a mediator's right password does not open a restore: the ledger's own reason is given
      expect(await errorOf(signIn(again, 'MEDIATOR'))).toMatchObject({
        code: 'LEDGER_UNAVAILABLE',
        message: expect.stringContaining('更新版本'),
      });
      expect(again.desk.user).toBeNull();

      await ok(signIn(again, 'ADMIN'));
      expect(again.desk.user).toMatchObject({ role: 'ADMIN' });
      const preview = await ok<RestorePreview>(
        again.dispatch('system.restorePreview', { fileName: backup }),
      );
      expect(preview.requiresConfirmation).toBe(true);
      expect(
        await errorOf(again.dispatch('system.restoreBackup', { fileName: backup })),
      ).toMatchObject({
        code: 'INVALID_STATE',
        message: expect.stringContaining(RESTORE_CONFIRMATION),
      });
      // nor is it started empty: it is not lost
      expect(
        await errorOf(
          again.dispatch('system.startEmptyLedger', { confirmation: START_EMPTY_CONFIRMATION }),
        ),
      ).toMatchObject({ code: 'INVALID_STATE' });
      expect(sha256(file)).toBe(before);

      await ok(
        again.dispatch('system.restoreBackup', await confirmedRestore(again.dispatch, backup)),
      );
      expect(again.ledger.state.state).toBe('READY');
      // the same account is in the restored ledger: still signed in, with its role there
      expect(again.desk.user).toMatchObject({ loginName: TEST_PEOPLE.ADMIN.loginName });
    } finally {
      again.close();
    }
  });

  it('migration failed, with accounts: the director signs in against the file, and the sentence is asked', async () => {
    const { dataDir, file, backup } = await roomWithAccounts();
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'a step that fails',
      up: () => {
        throw new Error('injected failure');
      },
    };
    const core = await open(dataDir, { migrations: [...MIGRATIONS, failing] });
    try {
      expect(core.ledger.state.state).toBe('MIGRATION_FAILED');
      expect(await restoreMethodCodes(core, backup)).toEqual([
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
      ]);
      const before = sha256(file);
      expect(await errorOf(signIn(core, 'DIRECTOR', 'wrong-password'))).toMatchObject({
        code: 'SIGN_IN_FAILED',
      });
      await ok(signIn(core, 'DIRECTOR'));
      expect(await ok<BackupSummary[]>(core.dispatch('system.listBackups', {}))).toEqual(
        expect.arrayContaining([expect.objectContaining({ fileName: backup })]),
      );
      expect(
        (await ok<RestorePreview>(core.dispatch('system.restorePreview', { fileName: backup })))
          .requiresConfirmation,
      ).toBe(true);
      expect(
        await errorOf(core.dispatch('system.restoreBackup', { fileName: backup })),
      ).toMatchObject({ code: 'INVALID_STATE' });
      expect(sha256(file)).toBe(before);
    } finally {
      core.close();
    }
  });

  it('unavailable: while the file cannot be read nobody restores; once readable, an administrator may', async () => {
    const { dataDir, file, backup } = await roomWithAccounts();
    const holder = openOutside(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    let core: AppCore | null = null;
    try {
      core = await open(dataDir);
      expect(core.ledger.state.state).toBe('UNAVAILABLE');
      expect(await restoreMethodCodes(core, backup)).toEqual([
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
        'NOT_SIGNED_IN',
      ]);
      // no password can be checked against a file that cannot be read: the reason is said
      expect(await errorOf(signIn(core, 'ADMIN'))).toMatchObject({
        code: 'LEDGER_UNAVAILABLE',
        message: expect.stringContaining('占用'),
      });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    try {
      // the core still says unavailable (it decided at start); the file reads again
      expect(core.ledger.state.state).toBe('UNAVAILABLE');
      expect(await errorOf(core.dispatch('system.listBackups', {}))).toMatchObject({
        code: 'NOT_SIGNED_IN',
      });
      await ok(signIn(core, 'ADMIN'));
      expect(
        await errorOf(core.dispatch('system.restoreBackup', { fileName: backup })),
      ).toMatchObject({ code: 'INVALID_STATE' });
      await ok(
        core.dispatch('system.restoreBackup', await confirmedRestore(core.dispatch, backup)),
      );
      expect(core.ledger.state.state).toBe('READY');
    } finally {
      core.close();
    }
  }, 120_000); // a held file is waited for (busy timeouts) at open and at the key check

  it('too new and never set up: nobody can sign in, so the restore methods answer anyone', async () => {
    const dataDir = tempDir('restore-door');
    const paths = ledgerPaths(dataDir);
    fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
    const db = openConnection(paths.ledgerFile);
    await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
    db.close();
    const at = new Date().toISOString();
    writeMarker(paths, { format: 1, ledgerCreatedAt: at, lastOpenedAt: at });
    setUserVersion(paths.ledgerFile, LATEST_SCHEMA_VERSION + 1);
    const core = await open(dataDir);
    try {
      expect(core.ledger.state.state).toBe('TOO_NEW');
      expect(await ok(core.dispatch('accounts.session', {}))).toMatchObject({ setUp: false });
      expect(await ok(core.dispatch('system.listBackups', {}))).toEqual([]);
      expect(await errorOf(core.dispatch('cases.search', {}))).toMatchObject({
        code: 'NOT_SIGNED_IN',
      });
    } finally {
      core.close();
    }
  });

  it('missing or not a ledger: nobody can sign in, so the restore methods answer anyone', async () => {
    const { dataDir, file, backup } = await roomWithAccounts();
    for (const f of fs.readdirSync(path.dirname(file))) fs.rmSync(path.join(path.dirname(file), f));
    const missing = await open(dataDir);
    try {
      expect(missing.ledger.state.state).toBe('MISSING');
      expect(await ok(missing.dispatch('accounts.session', {}))).toMatchObject({ setUp: false });
      expect(await ok<BackupSummary[]>(missing.dispatch('system.listBackups', {}))).toHaveLength(1);
      expect(
        (await ok<RestorePreview>(missing.dispatch('system.restorePreview', { fileName: backup })))
          .requiresConfirmation,
      ).toBe(false);
    } finally {
      missing.close();
    }
    // Bytes no key here opens read as a key problem (the safe side: start-empty is refused), yet
    // nobody can sign in against them, so the restore door is open; the sentence is asked.
    fs.writeFileSync(file, 'a text file where the ledger should be');
    const unreadable = await open(dataDir);
    try {
      expect(unreadable.ledger.state).toMatchObject({
        state: 'UNAVAILABLE',
        reason: 'KEY_MISMATCH',
      });
      expect(await ok<BackupSummary[]>(unreadable.dispatch('system.listBackups', {}))).toHaveLength(
        1,
      );
      expect(
        await errorOf(unreadable.dispatch('system.restoreBackup', { fileName: backup })),
      ).toMatchObject({ code: 'INVALID_STATE' });
      await ok(
        unreadable.dispatch('system.restoreBackup', {
          fileName: backup,
          confirmation: RESTORE_CONFIRMATION,
        }),
      );
      expect(unreadable.ledger.state.state).toBe('READY');
    } finally {
      unreadable.close();
    }
    // Another program's SQLite database is not ours.
    fs.rmSync(file);
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const foreign = await open(dataDir);
    try {
      expect(foreign.ledger.state.state).toBe('NOT_A_LEDGER');
      expect(await ok<BackupSummary[]>(foreign.dispatch('system.listBackups', {}))).toHaveLength(1);
      await ok(foreign.dispatch('system.restoreBackup', { fileName: backup }));
      expect(foreign.ledger.state.state).toBe('READY');
      // the restored ledger has accounts again: the desk is not signed in by the restore
      expect(foreign.desk.user).toBeNull();
    } finally {
      foreign.close();
    }
  });
});
