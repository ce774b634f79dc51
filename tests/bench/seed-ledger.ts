import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConnection, type Db } from '../../db/connection.js';
import { ledgerPaths } from '../../db/ledger-files.js';
import { migrate } from '../../db/migrate.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import {
  auditKeyFileFor,
  readAuditKey,
  writeAuditKey,
  type AuditKey,
} from '../../db/audit/audit-key.js';
import { timeMs } from './bench-registry.js';
import { seedCases, seedRoom } from './seed-cases.js';
import { outcomeRecorder } from './statistics-bench.js';

export interface SeededLedger {
  readonly dir: string;
  readonly file: string;
  readonly mediatorIds: readonly number[];
  readonly seedMs: number;
}

/**
 * A fresh ledger in a temp folder with the room, its mediators (four unless named) and `cases`
 * seeded cases; the connection is handed to `extra` (more rows a bench needs) before it is
 * checkpointed and analysed, then closed.
 */
export async function seedBenchLedger(
  cases: number,
  today: string,
  extra: (db: Db, mediatorIds: readonly number[]) => void = () => undefined,
  more: {
    readonly mediatorNames?: readonly string[];
    readonly outcomeAt?: (n: number, accepted: string) => string;
  } = {},
): Promise<SeededLedger> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
  const file = ledgerPaths(dir).ledgerFile;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // BENCH_REUSE_DB=path starts from a ledger this same bench kept with BENCH_KEEP_DB (seeding
  // 100,000 cases takes minutes); the ledger is migrated to the current schema when opened.
  const reuse = process.env.BENCH_REUSE_DB;
  if (reuse) {
    fs.copyFileSync(reuse, file);
    // The audit chain of a kept ledger verifies only under the key it was written with.
    const keptKey = auditKeyFileFor(reuse);
    if (fs.existsSync(keptKey)) writeAuditKey(auditKeyFileFor(file), readKeptKey(keptKey));
    const kept = openConnection(file);
    const ids = (kept.prepare('SELECT id FROM mediator ORDER BY id').all() as { id: number }[]).map(
      (r) => r.id,
    );
    kept.close();
    return { dir, file, mediatorIds: ids, seedMs: 0 };
  }
  const db = openConnection(file);
  await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
  const mediatorIds = seedRoom(db, more.mediatorNames ?? ['才让', '巴特尔', '王建国', '李明']);
  const seedMs = timeMs(() => {
    seedCases(
      db,
      cases,
      mediatorIds,
      today,
      more.outcomeAt ? outcomeRecorder(db, more.outcomeAt) : undefined,
    );
    extra(db, mediatorIds);
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  // BENCH_KEEP_DB=path keeps a copy of the seeded ledger for plan experiments.
  const keep = process.env.BENCH_KEEP_DB;
  if (keep) {
    await db.backup(keep);
    const key = readAuditKey(auditKeyFileFor(file));
    if (key) keepAuditKey(auditKeyFileFor(keep), key);
  }
  db.close();
  return { dir, file, mediatorIds, seedMs };
}

/**
 * The kept copy's key, beside it wherever the person asked for it (often /tmp). Not
 * writeAuditKey: that makes the key's folder private (0700), which turned /tmp itself into a
 * folder only root could enter (apt then failed to make its temp files).
 */
function keepAuditKey(file: string, key: AuditKey): void {
  fs.writeFileSync(file, key.bytes.toString('hex'), { mode: 0o600 });
}

function readKeptKey(file: string): AuditKey {
  const key = readAuditKey(file);
  if (!key) throw new Error(`no audit key at ${file}`);
  return key;
}
