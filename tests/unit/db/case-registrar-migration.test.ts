import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseFilterSql } from '../../../db/cases/case-filter-sql.js';
import { openConnection } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';

const STEP = MIGRATIONS.findIndex((m) => m.version === 28);

describe('migration 028: the account that registered a case', () => {
  it('leaves a case of an older ledger with no registrar, and indexes the new ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-registrar-'));
    const db = openConnection(path.join(dir, 'l.sqlite'));
    try {
      await migrate(db, {
        migrations: MIGRATIONS.slice(0, STEP),
        backupDir: null,
        now: () => new Date('2026-03-01T00:00:00Z'),
      });
      const now = Date.parse('2026-03-01T00:00:00Z');
      db.prepare(
        `INSERT INTO case_file (id, status, title, intake_date, source, category, summary,
           requests_json, risk_level, created_at, updated_at)
         VALUES (1, 'INTAKE', '王芳与李四邻里纠纷', '2026-03-01', 'ON_APPLICATION', 'NEIGHBOUR',
           '邻里纠纷', '[]', 'LOW', ?, ?)`,
      ).run(now, now);

      await migrate(db, {
        migrations: MIGRATIONS,
        backupDir: null,
        now: () => new Date('2026-03-01T00:00:00Z'),
      });

      expect(db.prepare('SELECT registrar_account_id FROM case_file WHERE id = 1').get()).toEqual({
        registrar_account_id: null,
      });
      // a 登记员's lists read their cases from the index, never the whole ledger
      const filter = caseFilterSql({ registrarAccountId: 3 }, 'c.id');
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT c.id FROM case_file c WHERE ${filter.sql}`)
        .all(filter.params) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/INDEX case_file_registrar/);
      const ledgerPlan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT c.id FROM case_file c
           WHERE c.registrar_account_id = @registrar ORDER BY +c.intake_date DESC, c.id DESC`,
        )
        .all({ registrar: 3 }) as { detail: string }[];
      expect(ledgerPlan.map((p) => p.detail).join('\n')).toMatch(/INDEX case_file_registrar/);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
