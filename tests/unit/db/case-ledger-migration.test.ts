import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection, schemaVersionOf } from '../../../db/connection.js';
import { refreshCodeTables } from '../../../db/code-tables.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { saveRoomSettings } from '../../../db/room-settings-queries.js';
import { CODE_TABLES } from '../../../domain/taxonomy/index.js';
import { ROOM_SETTINGS } from '../services/case-fixtures.js';
import type { RoomSettingsValues } from '../../../domain/room-settings.js';

describe('case-ledger migrations', () => {
  it.each(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1))(
    'a ledger at schema %i upgrades to the latest with its data intact',
    async (start) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-mig-'));
      const db = openConnection(path.join(dir, 'l.sqlite'));
      await migrate(db, {
        migrations: MIGRATIONS.slice(0, start),
        backupDir: null,
        now: () => new Date(),
      });
      saveRoomSettings(db, ROOM_SETTINGS as RoomSettingsValues, 0, '2026-01-01T00:00:00Z');
      const result = await migrate(db, {
        migrations: MIGRATIONS,
        backupDir: dir,
        now: () => new Date(),
      });
      expect(result.to).toBe(MIGRATIONS.length);
      expect(schemaVersionOf(db)).toBe(MIGRATIONS.length);
      expect(
        (db.prepare('SELECT committee_name FROM room_settings').get() as { committee_name: string })
          .committee_name,
      ).toBe(ROOM_SETTINGS.committeeName);
      const tables = db.prepare('SELECT name, version FROM code_table').all() as {
        name: string;
        version: number;
      }[];
      expect(tables.map((t) => t.name).sort()).toEqual(CODE_TABLES.map((t) => t.name).sort());
      const rows = (db.prepare('SELECT count(*) AS n FROM code_row').get() as { n: number }).n;
      expect(rows).toBe(CODE_TABLES.reduce((n, t) => n + t.rows.length, 0));
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  it('a taxonomy whose version went up is rewritten in an existing ledger at start-up', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-codes-'));
    const db = openConnection(path.join(dir, 'l.sqlite'));
    await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
    // As if the ledger was made by an older release: an older version and an older label.
    db.prepare("UPDATE code_table SET version = 0 WHERE name = 'dispute_category'").run();
    db.prepare(
      "UPDATE code_row SET label = '旧标签' WHERE table_name = 'dispute_category' AND code = 'NEIGHBOUR'",
    ).run();
    refreshCodeTables(db, '2026-11-23T00:00:00Z');
    const label = db
      .prepare(
        "SELECT label FROM code_row WHERE table_name = 'dispute_category' AND code = 'NEIGHBOUR'",
      )
      .pluck()
      .get();
    expect(label).toBe('邻里纠纷');
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
