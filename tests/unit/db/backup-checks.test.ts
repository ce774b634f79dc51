import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackupVerificationError,
  LedgerDamagedError,
  backupLedger,
  type BackupStep,
} from '../../../db/backup';
import { ledgerPaths } from '../../../db/ledger-files';
import { intake, openTestLedger, setUpRoom, type TestLedger } from '../services/case-fixtures';
import { openOutside } from '../support/outside-connection';

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
    // The driver's defensive mode forbids schema edits; an outside tool need not have it.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare(
      "UPDATE sqlite_schema SET sql = 'CREATE INDEX probe_a ON probe (b)' WHERE name = 'probe_a'",
    ).run();
    db.pragma('writable_schema = OFF');
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
