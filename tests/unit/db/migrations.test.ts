import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedgerFile } from '../../../db/backup';
import { openConnection, schemaVersionOf } from '../../../db/connection';
import { ledgerPaths } from '../../../db/ledger-files';
import { openLedger } from '../../../db/ledger-store';
import { migrate } from '../../../db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations/index';
import type { Migration } from '../../../db/migrations/migration';
import { tempDir } from '../support/temp-dir';

const now = () => new Date('2026-11-23T08:00:00Z');

async function ledgerAtVersion(dataDir: string, version: number) {
  const paths = ledgerPaths(dataDir);
  fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
  const db = openConnection(paths.ledgerFile);
  await migrate(db, { migrations: MIGRATIONS.slice(0, version), backupDir: null, now });
  if (version >= 1) {
    db.prepare(
      `INSERT INTO room_settings (id, committee_name, room_name, organisation_type, division_code,
         number_abbreviation, case_number_pattern, document_date_style, county_office_name,
         version, created_at, updated_at)
       VALUES (1, '金峰路街道人民调解委员会', '熬茶', 'STREET', NULL, '金峰',
         '（{yyyy}）{abbr}调字第{seq:03}号', 'ARABIC', '格尔木市司法局', 1, 'x', 'x')`,
    ).run();
  }
  db.close();
  return paths;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  for (let version = 0; version <= MIGRATIONS.length; version += 1) {
    it(`upgrade a ledger at version ${version} to the latest, keeping its data`, async () => {
      const paths = await ledgerAtVersion(tempDir(), version);
      const result = await openLedger(paths, { migrations: MIGRATIONS, now });
      expect(result.state).toBe('READY');
      if (result.state !== 'READY') return;
      expect(schemaVersionOf(result.db)).toBe(LATEST_SCHEMA_VERSION);
      if (version >= 1) {
        const row = result.db.prepare('SELECT committee_name FROM room_settings').get() as {
          committee_name: string;
        };
        expect(row.committee_name).toBe('金峰路街道人民调解委员会');
      }
      result.db.close();
      const backups = fs.existsSync(paths.backupDir) ? fs.readdirSync(paths.backupDir) : [];
      if (version >= 1 && version < LATEST_SCHEMA_VERSION) {
        // The pre-migration copy exists and is a verified ledger at the old version.
        expect(backups).toHaveLength(1);
        expect(verifyLedgerFile(path.join(paths.backupDir, backups[0]!)).schemaVersion).toBe(
          version,
        );
      } else {
        expect(backups).toHaveLength(0);
      }
    });
  }

  const extraSteps = (failAt: number): Migration[] => {
    const base = LATEST_SCHEMA_VERSION;
    return [1, 2, 3].map((i) => ({
      version: base + i,
      name: `test step ${i}`,
      up(db) {
        db.exec(`CREATE TABLE test_step_${i} (x INTEGER)`);
        if (base + i === failAt) throw new Error('injected failure');
      },
    }));
  };

  for (const offset of [1, 2, 3]) {
    it(`stop at k−1 with the backup present when step k fails (k = latest+${offset})`, async () => {
      const paths = await ledgerAtVersion(tempDir(), LATEST_SCHEMA_VERSION);
      const failAt = LATEST_SCHEMA_VERSION + offset;
      const result = await openLedger(paths, {
        migrations: [...MIGRATIONS, ...extraSteps(failAt)],
        now,
      });
      expect(result).toMatchObject({
        state: 'MIGRATION_FAILED',
        failedVersion: failAt,
        stoppedAt: failAt - 1,
      });
      if (result.state !== 'MIGRATION_FAILED') return;
      expect(result.backup).not.toBeNull();
      expect(fs.existsSync(result.backup!.path)).toBe(true);
      expect(verifyLedgerFile(result.backup!.path).schemaVersion).toBe(LATEST_SCHEMA_VERSION);

      const db = openConnection(paths.ledgerFile);
      expect(schemaVersionOf(db)).toBe(failAt - 1);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'test_step_%'").all() as {
          name: string;
        }[]
      ).map((t) => t.name);
      // The failed step's own table was rolled back with it; earlier steps stay.
      expect(tables.sort()).toEqual(
        Array.from({ length: offset - 1 }, (_, i) => `test_step_${i + 1}`),
      );
      expect(db.prepare('SELECT count(*) AS n FROM room_settings').get()).toEqual({ n: 1 });
      db.close();
    });
  }

  it('refuse a ledger written by a newer version and leave it untouched', async () => {
    const paths = await ledgerAtVersion(tempDir(), LATEST_SCHEMA_VERSION);
    const db = openConnection(paths.ledgerFile);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha256(paths.ledgerFile);

    const result = await openLedger(paths, { migrations: MIGRATIONS, now });
    expect(result).toEqual({
      state: 'TOO_NEW',
      found: LATEST_SCHEMA_VERSION + 5,
      supported: LATEST_SCHEMA_VERSION,
    });
    expect(sha256(paths.ledgerFile)).toBe(before);
    expect(fs.existsSync(paths.backupDir)).toBe(false);
  });
});
