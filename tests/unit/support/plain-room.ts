// A room as a version before encryption left it: a plain ledger file (no data key), set up, with
// one case whose applicant is `PLAIN_ROOM_APPLICANT`. Made once per test file, copied per test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { openLedger } from '../../../db/ledger-store.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { intake, person } from '../services/case-fixtures.js';
import { openSignedInCore } from './signed-in-core.js';
import { tempDir } from './temp-dir.js';

export const PLAIN_ROOM_APPLICANT = '欧阳翠花';

export async function makePlainRoom(now: () => Date): Promise<{ dir: string; caseId: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plain-room-'));
  const old = await openLedger(ledgerPaths(dir), { migrations: MIGRATIONS, now });
  if (old.state !== 'READY') throw new Error(old.state);
  old.db.close();
  const core = await openSignedInCore({ dataDir: dir, appVersion: 'test', now });
  try {
    const made = await core.dispatch(
      'cases.create',
      intake({ parties: [person({ name: PLAIN_ROOM_APPLICANT }), person({ role: 'RESPONDENT' })] }),
    );
    if (!made.ok) throw new Error(made.error.message);
    await core.whenIdle();
    return { dir, caseId: (made.value as { case: { id: number } }).case.id };
  } finally {
    core.close();
  }
}

/**
 * The room of a test file: made before its first test, removed after its last; `copy()` gives
 * one test its own data folder (the conversion tests each convert a copy).
 */
export function plainRoomOfFile(now: () => Date): {
  readonly dir: string;
  readonly caseId: number;
  copy(): string;
} {
  let room: { dir: string; caseId: number } | null = null;
  beforeAll(async () => {
    room = await makePlainRoom(now);
  }, 60_000);
  afterAll(() => {
    if (room) fs.rmSync(room.dir, { recursive: true, force: true });
  });
  const made = () => {
    if (!room) throw new Error('the plain room is made in beforeAll');
    return room;
  };
  return {
    get dir() {
      return made().dir;
    },
    get caseId() {
      return made().caseId;
    },
    copy() {
      const dir = tempDir();
      copyRoom(made().dir, dir);
      return dir;
    },
  };
}

/** A copy of the whole data folder (ledger, keys, marker) for one test. */
export function copyRoom(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

export function isPlainSqlite(file: string): boolean {
  const head = Buffer.alloc(15);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 15, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.toString('latin1') === 'SQLite format 3';
}
