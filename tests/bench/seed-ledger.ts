import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection, type Db } from '../../db/connection.js';
import { ledgerPaths } from '../../db/ledger-files.js';
import { saveMediator } from '../../db/cases/mediator-queries.js';
import { migrate } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { saveRoomSettings } from '../../db/room-settings-queries.js';
import { timeMs } from './bench-registry.js';
import { seedCases } from './seed-cases.js';

export interface SeededLedger {
  readonly dir: string;
  readonly file: string;
  readonly mediatorIds: readonly number[];
  readonly seedMs: number;
}

/**
 * A fresh ledger in a temp folder with the room, four mediators and `cases` seeded cases; the
 * connection is handed to `extra` (more rows a bench needs) before it is checkpointed and
 * analysed, then closed.
 */
export async function seedBenchLedger(
  cases: number,
  today: string,
  extra: (db: Db, mediatorIds: readonly number[]) => void = () => undefined,
): Promise<SeededLedger> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
  const file = ledgerPaths(dir).ledgerFile;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openConnection(file);
  await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
  saveRoomSettings(
    db,
    {
      committeeName: '金峰村人民调解委员会',
      roomName: '金峰村调解室',
      organisationType: 'VILLAGE',
      divisionCode: null,
      numberAbbreviation: '金峰',
      caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
      documentDateStyle: 'ARABIC',
      countyOfficeName: '格尔木市司法局',
    },
    0,
    new Date().toISOString(),
  );
  const mediatorIds = ['才让', '巴特尔', '王建国', '李明'].map((name) => {
    const r = saveMediator(
      db,
      {
        id: null,
        expectedVersion: 0,
        name,
        isPeopleMediator: true,
        languages: ['zh'],
        active: true,
      },
      new Date().toISOString(),
    );
    if (!r.ok) throw new Error('mediator');
    return r.mediator.id;
  });
  const seedMs = timeMs(() => {
    seedCases(db, cases, mediatorIds, today);
    extra(db, mediatorIds);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  // BENCH_KEEP_DB=path keeps a copy of the seeded ledger for plan experiments.
  if (process.env.BENCH_KEEP_DB) await db.backup(process.env.BENCH_KEEP_DB);
  db.close();
  return { dir, file, mediatorIds, seedMs };
}
