import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackupVerificationError,
  LedgerDamagedError,
  backupLedger,
  checkLedgerFile,
  type BackupStep,
} from '../../../db/backup';
import { LEDGER_APPLICATION_ID } from '../../../db/connection';
import {
  CURRENT_LEDGER_CIPHER,
  LedgerKeyUnusableError,
  connectionCipher,
  connectionKey,
  keyConnection,
} from '../../../db/ledger-cipher';
import { ledgerPaths } from '../../../db/ledger-files';
import { intake, openTestLedger, setUpRoom, type TestLedger } from '../services/case-fixtures';
import { openOutside } from '../support/outside-connection';
import { tempDir } from '../support/temp-dir';

const now = () => new Date('2026-03-10T02:00:00Z');

let ledger: TestLedger | undefined;
afterEach(async () => {
  await ledger?.core.whenIdle();
  ledger?.close();
  ledger = undefined;
});

async function roomWithCases(count: number): Promise<TestLedger> {
  const l = await openTestLedger(now);
  ledger = l;
  await setUpRoom(l);
  for (let i = 0; i < count; i += 1) await l.call('cases.create', intake());
  await l.core.whenIdle();
  return l;
}

/**
 * An index whose entries no longer match its table, as after a torn write into an index page:
 * `quick_check` (pages and b-trees) passes it, only the full `integrity_check` finds it. Made
 * behind the open core's back.
 */
function misfitIndex(file: string): void {
  const rebuilt = `${file}.rebuilt`;
  const db = openOutside(file);
  try {
    db.exec(`CREATE TABLE probe (a INTEGER, b INTEGER);
      CREATE INDEX probe_a ON probe (a);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
      INSERT INTO probe SELECT i, 1000 - i FROM n;`);
    misfitProbeIndex(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const check = openOutside(file, { readonly: true });
  try {
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
    // VACUUM INTO copies index b-trees as they are (its transfer optimisation): the copy fails
    // its own check too, and only the ledger's findings may decide what is said (DAMAGED, not
    // a bad copy).
    check.prepare('VACUUM INTO ?').run(rebuilt);
  } finally {
    check.close();
  }
  const copy = openOutside(rebuilt, { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).not.toBe('ok');
  } finally {
    copy.close();
    fs.rmSync(rebuilt, { force: true });
  }
}

describe('the backup checks the ledger and the copy', () => {
  it('checks the ledger beside the copy, and renames the copy only after both checks and the fsync', async () => {
    const l = await roomWithCases(3);
    const steps: string[] = [];
    const destination = path.join(ledgerPaths(l.dir).backupDir, 'steps.sqlite');
    await backupLedger(l.core.ledger.db(), destination, {
      onStep: (step: BackupStep, phase) => steps.push(`${step}:${phase}`),
    });
    // Both whole-file passes start before either ends: the wall time is the longer one.
    expect(steps.slice(0, 2)).toEqual(['ledgerCheck:start', 'vacuumInto:start']);
    const at = (s: string) => steps.indexOf(s);
    const chain = [
      'vacuumInto:start',
      'vacuumInto:end',
      'fsync:start',
      'fsync:end',
      'copyCheck:start',
      'copyCheck:end',
      'rename:start',
      'rename:end',
    ];
    expect(chain.map(at)).toEqual([...chain.map(at)].sort((a, b) => a - b));
    expect(chain.every((s) => at(s) >= 0)).toBe(true);
    expect(at('ledgerCheck:end')).toBeGreaterThan(0);
    expect(at('ledgerCheck:end')).toBeLessThan(at('rename:start'));
    expect(fs.existsSync(destination)).toBe(true);
    expect(fs.existsSync(`${destination}.partial`)).toBe(false);
  }, 60_000);

  it('a copy damaged after its fsync fails its check and is never renamed into place', async () => {
    const l = await roomWithCases(3);
    const db = l.core.ledger.db();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const destination = path.join(ledgerPaths(l.dir).backupDir, 'torn.sqlite');
    const partial = `${destination}.partial`;
    const made = backupLedger(db, destination, {
      onStep: (step, phase) => {
        if (step !== 'fsync' || phase !== 'end') return;
        // Page 2 onwards, as a bad sector would: the copy's first b-tree pages.
        const fd = fs.openSync(partial, 'r+');
        fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, pageSize);
        fs.closeSync(fd);
      },
    });
    await expect(made).rejects.toBeInstanceOf(BackupVerificationError);
    expect(fs.existsSync(destination)).toBe(false);
    expect(fs.existsSync(partial)).toBe(false);
  }, 60_000);

  it('index damage only the full check finds, carried into the copy too, is named as damage of the ledger: no copy, DAMAGED', async () => {
    const l = await roomWithCases(3);
    const paths = ledgerPaths(l.dir);
    const before = fs.existsSync(paths.backupDir) ? fs.readdirSync(paths.backupDir) : [];
    misfitIndex(paths.ledgerFile);

    const direct = backupLedger(l.core.ledger.db(), path.join(paths.backupDir, 'direct.sqlite'));
    await expect(direct).rejects.toBeInstanceOf(LedgerDamagedError);
    await expect(direct).rejects.toThrow(/probe_a/);

    expect(await l.core.dispatch('system.backupNow', {})).toMatchObject({
      ok: false,
      error: { code: 'LEDGER_DAMAGED' },
    });
    expect((await l.core.dispatch('system.status', {})) as object).toMatchObject({
      value: { ledger: { state: 'DAMAGED' } },
    });
    // No backup was made, nothing half-made stays behind.
    expect(fs.readdirSync(paths.backupDir).sort()).toEqual([...before].sort());
  }, 60_000);
});

function openKeyed(file: string, key: Buffer | null, readonly = true): Database.Database {
  const db = new Database(file, { readonly, fileMustExist: true });
  if (key) keyConnection(db, key);
  return db;
}

/** The index misfit written into a copy in place (by a writer that may open it). */
function misfitIndexOfCopy(file: string, key: Buffer | null): void {
  const copy = openKeyed(file, key, false);
  try {
    misfitProbeIndex(copy);
  } finally {
    copy.close();
  }
}

/** A table with an index and rows long enough for overflow pages (16 KiB pages). */
function addProbe(db: Database.Database): void {
  db.exec(`CREATE TABLE probe (a INTEGER, b INTEGER, long TEXT);
    CREATE INDEX probe_a ON probe (a);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
    INSERT INTO probe SELECT i, 1000 - i, CASE WHEN i % 50 = 0 THEN printf('%.40000c', 'x') END FROM n;`);
}

/** Index entries that no longer match the table: quick_check passes it, integrity_check not. */
function misfitProbeIndex(db: Database.Database): void {
  // The driver's defensive mode forbids schema edits; an outside tool need not have it.
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare(
    "UPDATE sqlite_schema SET sql = 'CREATE INDEX probe_a ON probe (b)' WHERE name = 'probe_a'",
  ).run();
  db.pragma('writable_schema = OFF');
}

function pageOf(file: string, key: Buffer | null, name: string, type: string): number {
  const db = openKeyed(file, key);
  try {
    // Page 1 (the schema table and the cipher's own header bytes) and the file's last page.
    if (type === 'first') return 1;
    if (type === 'last') return db.pragma('page_count', { simple: true }) as number;
    const page = db
      .prepare('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno DESC')
      .pluck()
      .get(name, type) as number | undefined;
    if (!page) throw new Error(`no ${type} page of ${name}`);
    return page;
  } finally {
    db.close();
  }
}

/** One bit flipped in the middle of a page, as a bad sector or a stray write would. */
function flipOneBit(file: string, page: number, pageSize: number): void {
  const fd = fs.openSync(file, 'r+');
  const at = (page - 1) * pageSize + pageSize / 2;
  const byte = Buffer.alloc(1);
  fs.readSync(fd, byte, 0, 1, at);
  byte[0] = byte[0]! ^ 0x01;
  fs.writeSync(fd, byte, 0, 1, at);
  fs.closeSync(fd);
}

async function encryptedRoomWithProbe(): Promise<{ l: TestLedger; key: Buffer }> {
  const l = await roomWithCases(1);
  const key = connectionKey(l.core.ledger.db());
  if (!key) throw new Error('the test ledger is not encrypted');
  // The tag property below is the current cipher's (AEGIS-256): a new ledger is made with it.
  expect(connectionCipher(l.core.ledger.db())).toBe(CURRENT_LEDGER_CIPHER);
  const outside = openKeyed(ledgerPaths(l.dir).ledgerFile, key, false);
  try {
    addProbe(outside);
    outside.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    outside.close();
  }
  return { l, key };
}

function plainLedgerWithProbe(): Database.Database {
  const db = new Database(path.join(tempDir('plain-backup'), 'ledger.sqlite'));
  db.pragma('page_size = 16384');
  // Ours, as the copy's verification wants it: our application_id and a schema.
  db.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
  db.pragma('user_version = 1');
  addProbe(db);
  return db;
}

// Which check the copy gets: an encrypted copy quick_check (every page read, every page's
// AEGIS-256 tag checked), a plain copy the full integrity_check; the ledger's full check for both.
describe('the check of the copy', () => {
  it.each([
    ['a table leaf page', 'probe', 'leaf'],
    ['an index page', 'probe_a', 'leaf'],
    ['an overflow page', 'probe', 'overflow'],
    ['page 1', 'sqlite_schema', 'first'],
    ['the last page', 'probe', 'last'],
  ])(
    'an encrypted copy with one bit flipped in %s after its fsync fails its check (the page read fails its tag) and is never renamed',
    async (_what, name, type) => {
      const { l, key } = await encryptedRoomWithProbe();
      const db = l.core.ledger.db();
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const destination = path.join(ledgerPaths(l.dir).backupDir, 'flipped.sqlite');
      const partial = `${destination}.partial`;
      const aside = `${destination}.aside`;
      const steps: string[] = [];
      const made = backupLedger(db, destination, {
        onStep: (step: BackupStep, phase) => {
          steps.push(`${step}:${phase}`);
          if (step !== 'fsync' || phase !== 'end') return;
          flipOneBit(partial, pageOf(partial, key, name, type), pageSize);
          fs.copyFileSync(partial, aside);
        },
      });
      await expect(made).rejects.toBeInstanceOf(BackupVerificationError);
      expect(fs.existsSync(destination)).toBe(false);
      expect(fs.existsSync(partial)).toBe(false);
      // The ledger's own full check ran too, and passed: the damage is the copy's.
      expect(steps).toContain('ledgerCheck:end');
      if (type === 'first') {
        // Page 1 is where SQLite3MC tells a key (and cipher) that opens the file: a page 1
        // whose tag fails reads as "file is not a database", like a wrong key. Either way the
        // copy is refused.
        await expect(checkLedgerFile(aside, false, key)).rejects.toBeInstanceOf(
          LedgerKeyUnusableError,
        );
      } else {
        // quick_check itself finds it: the flipped page cannot be read (its tag does not match).
        const findings = await checkLedgerFile(aside, false, key);
        expect(findings.join('\n')).toMatch(/unable to get the page|malformed|failed to get page/);
      }
      fs.rmSync(aside, { force: true });
    },
    60_000,
  );

  it('a plain copy keeps the full check: index damage made only in the copy after its fsync stops the rename', async () => {
    const db = plainLedgerWithProbe();
    try {
      const destination = path.join(path.dirname(db.name), 'backups', 'misfit.sqlite');
      const partial = `${destination}.partial`;
      const made = backupLedger(db, destination, {
        onStep: (step, phase) => {
          if (step !== 'fsync' || phase !== 'end') return;
          misfitIndexOfCopy(partial, null);
          // The damage only the full check finds (a plain page has no tag to fail).
          const check = openKeyed(partial, null);
          try {
            expect(check.pragma('quick_check', { simple: true })).toBe('ok');
            expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
          } finally {
            check.close();
          }
        },
      });
      await expect(made).rejects.toBeInstanceOf(BackupVerificationError);
      await expect(made).rejects.toThrow(/未通过完整性检查/);
      expect(fs.existsSync(destination)).toBe(false);
      expect(fs.existsSync(partial)).toBe(false);
    } finally {
      db.close();
    }
  }, 60_000);

  it('a plain ledger still gets its full check: index damage in the ledger is named as the ledger’s, no copy', async () => {
    const db = plainLedgerWithProbe();
    try {
      misfitProbeIndex(db);
      db.unsafeMode(false);
      const destination = path.join(path.dirname(db.name), 'backups', 'direct.sqlite');
      const made = backupLedger(db, destination);
      await expect(made).rejects.toBeInstanceOf(LedgerDamagedError);
      await expect(made).rejects.toThrow(/probe_a/);
      expect(fs.existsSync(destination)).toBe(false);
    } finally {
      db.close();
    }
  }, 60_000);

  it('an encrypted copy gets quick_check: what only a writer holding the key could put into the copy (an index misfit) is left to the ledger’s own full check', async () => {
    const { l, key } = await encryptedRoomWithProbe();
    const destination = path.join(ledgerPaths(l.dir).backupDir, 'keyed.sqlite');
    const partial = `${destination}.partial`;
    await backupLedger(l.core.ledger.db(), destination, {
      onStep: (step, phase) => {
        if (step !== 'fsync' || phase !== 'end') return;
        misfitIndexOfCopy(partial, key);
      },
    });
    // Renamed: the copy's check read every page (all tags good) but did not compare indexes.
    expect(fs.existsSync(destination)).toBe(true);
  }, 60_000);
});
