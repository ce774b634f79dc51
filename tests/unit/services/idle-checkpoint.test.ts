import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsChangedSinceOpen } from '../../../db/wal-checkpoint.js';
import { IDLE_CHECKPOINT_ROWS } from '../../../electron/services/ledger-session.js';
import { walIndexOf } from '../support/wal-index.js';
import { intake, openTestLedger, setUpRoom, type TestLedger } from './case-fixtures.js';

/**
 * Issue 8: SQLite's auto-checkpoint ran inside the commit that crossed 4,000 WAL frames, the
 * slowest intakes of all. The core now copies the WAL back between requests, once enough rows
 * have changed; the auto-checkpoint stays only as the cap for writes with no pause between them.
 */
let l: TestLedger;
beforeEach(async () => {
  l = await openTestLedger();
  await setUpRoom(l);
  await l.core.whenIdle();
});
afterEach(() => l.close());

const file = () => l.core.ledger.db().name;

/** Intakes through the door until at least `rows` rows have changed; how many it took. */
async function intakesChanging(rows: number): Promise<number> {
  const db = l.core.ledger.db();
  const start = rowsChangedSinceOpen(db);
  let n = 0;
  while (rowsChangedSinceOpen(db) - start < rows) {
    await l.call('cases.create', intake());
    n += 1;
  }
  return n;
}

describe('the WAL checkpoint between requests', () => {
  it('copies the WAL back once the desk is idle, not inside the request', async () => {
    const n = await intakesChanging(IDLE_CHECKPOINT_ROWS);
    // the answer came before the copy: the last intake's frames are still only in the WAL
    const answered = walIndexOf(file());
    expect(answered.copiedBack).toBeLessThan(answered.frames);
    await l.core.whenIdle();
    const idle = walIndexOf(file());
    expect(idle.frames).toBe(answered.frames);
    expect(idle.copiedBack).toBe(idle.frames);
    // a handful of intakes, far below the 4,000-frame auto-checkpoint
    expect(n).toBeLessThan(40);
    expect(idle.frames).toBeLessThan(4000);
  });

  it('waits until enough rows have changed', async () => {
    await intakesChanging(IDLE_CHECKPOINT_ROWS);
    await l.core.whenIdle();
    expect(walIndexOf(file()).copiedBack).toBe(walIndexOf(file()).frames);
    await l.call('cases.create', intake());
    await l.core.whenIdle();
    // one intake is not enough: its frames wait in the WAL for the next checkpoint
    const after = walIndexOf(file());
    expect(after.frames).toBeGreaterThan(0);
    expect(after.copiedBack).toBeLessThan(after.frames);
  });

  it('keeps every intake across a reopen', async () => {
    const n = (await intakesChanging(IDLE_CHECKPOINT_ROWS * 2)) + 1;
    await l.call('cases.create', intake());
    await l.core.whenIdle();
    const count = () =>
      (l.core.ledger.db().prepare('SELECT count(*) AS n FROM case_file').get() as { n: number }).n;
    expect(count()).toBe(n);
    l.core.ledger.close();
    const reopened = await l.core.ledger.open();
    expect(reopened.state).toBe('READY');
    await l.core.ledger.whenChecked();
    expect(count()).toBe(n);
    expect(l.core.ledger.health.state).toBe('OK');
  });
});
