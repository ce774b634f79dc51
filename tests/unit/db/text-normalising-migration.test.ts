import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';

const STEP = MIGRATIONS.findIndex((m) => m.name.startsWith('change history'));

describe('migration: change history and the text discipline on stored rows', () => {
  it('normalises old rows, records each change and re-indexes the case', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-norm-'));
    const db = openConnection(path.join(dir, 'l.sqlite'));
    await migrate(db, {
      migrations: MIGRATIONS.slice(0, STEP),
      backupDir: null,
      now: () => new Date(),
    });
    const now = Date.parse('2026-03-01T00:00:00Z');
    db.prepare(
      `INSERT INTO case_file (id, status, title, intake_date, source, category, summary,
         requests_json, risk_level, created_at, updated_at)
       VALUES (1, 'INTAKE', ?, '2026-03-01', 'ON_APPLICATION', 'NEIGHBOUR', ?, ?, 'LOW', ?, ?)`,
    ).run(
      '王\u200C芳与李四邻里纠纷',
      '第一段\r\n第二段\t完',
      JSON.stringify(['赔偿\u00AD损失']),
      now,
      now,
    );
    db.prepare(
      `INSERT INTO party (id, case_id, sort, kind, role, name, phone, phone_kind, address,
         id_number, created_at, updated_at)
       VALUES (7, 1, 0, 'NATURAL', 'APPLICANT', ?, '13800001234', 'MOBILE', ?, ?, ?, ?)`,
    ).run('王\u200C芳', '长江源村\u3164三组', '63280119850704123\u200B8', now, now);
    db.prepare(
      `INSERT INTO party (id, case_id, sort, kind, role, name, phone, phone_kind, address,
         created_at, updated_at)
       VALUES (8, 1, 1, 'NATURAL', 'RESPONDENT', '李四', '13900005678', 'MOBILE', '村里', ?, ?)`,
    ).run(now, now);

    await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });

    const party = db.prepare('SELECT name, address, id_number FROM party WHERE id = 7').get();
    expect(party).toEqual({
      name: '王芳',
      address: '长江源村三组',
      id_number: '632801198507041238',
    });
    const kase = db.prepare('SELECT title, summary, requests_json FROM case_file').get();
    expect(kase).toEqual({
      title: '王芳与李四邻里纠纷',
      summary: '第一段\n第二段    完',
      requests_json: JSON.stringify(['赔偿损失']),
    });
    // The untouched party has no history; the touched rows have one NORMALISE set each.
    const sets = db
      .prepare('SELECT entity, entity_id, action, case_id FROM change_set ORDER BY id')
      .all();
    expect(sets).toEqual([
      { entity: 'CASE', entity_id: 1, action: 'NORMALISE', case_id: 1 },
      { entity: 'PARTY', entity_id: 7, action: 'NORMALISE', case_id: 1 },
    ]);
    const idChange = db
      .prepare(`SELECT old_value, new_value, sensitive FROM change_field WHERE field = 'idNumber'`)
      .get();
    expect(idChange).toEqual({
      old_value: JSON.stringify('63280119850704123\u200B8'),
      new_value: JSON.stringify('632801198507041238'),
      sensitive: 1,
    });
    // The search index sees the normalised name.
    const hits = db
      .prepare(`SELECT rowid FROM case_search WHERE case_search MATCH '"王芳"'`)
      .all() as { rowid: number }[];
    expect(hits.map((h) => h.rowid)).toContain(1);
    // History is append-only.
    expect(() => db.prepare('DELETE FROM change_field').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE change_set SET reason = 'x'`).run()).toThrow(/append-only/);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
