import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection, type Db } from '../../../db/connection.js';
import { saveMediator } from '../../../db/cases/mediator-queries.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { seedCases } from '../../bench/seed-cases.js';

/** A migrated ledger in a new temporary folder with one mediator (才让) and `cases` seeded cases. */
export async function openSeededLedger(
  cases: number,
  today: string,
): Promise<{ db: Db; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-seeded-'));
  const db = openConnection(path.join(dir, 'l.sqlite'));
  await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
  seedMediatorCases(db, cases, today);
  return {
    db,
    remove: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One mediator (才让) and `cases` seeded cases of theirs, in a migrated ledger. */
export function seedMediatorCases(db: Db, cases: number, today: string): void {
  const m = saveMediator(
    db,
    {
      id: null,
      expectedVersion: 0,
      name: '才让',
      isPeopleMediator: true,
      languages: ['zh'],
      active: true,
    },
    'x',
  );
  if (!m.ok) throw new Error('mediator');
  seedCases(db, cases, [m.mediator.id], today);
}

/** From now on, every SQL text `db` prepares is pushed to `into` (what a read asked SQLite). */
export function recordPreparedSql(db: Db, into: string[]): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    into.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
}
