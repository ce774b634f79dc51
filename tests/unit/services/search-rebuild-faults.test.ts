import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it, vi } from 'vitest';
import type { LedgerPage, SavedCase } from '../../../domain/cases/case-views.js';
import type { SystemStatus } from '../../../domain/api/system-contract.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { searchUpgradeNext } from '../../../db/search/search-rebuild-state.js';
import { openOutside } from '../support/outside-connection.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { intake, openTestLedger, person, setUpRoom } from './case-fixtures.js';

/**
 * Review s37: the search index's rebuild after migration 031 is optional work. A slice that
 * meets a full disk or a medium that became read-only stops the rebuild and nothing else: the
 * ledger stays open and readable, the search keeps the plan that old entries answer in full,
 * and the next start resumes. Only damage (SQLITE_CORRUPT) marks the ledger damaged.
 */

/** Set by a test: every rebuild slice throws a SQLite error with this code. */
const sliceFault = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('../../../db/search/search-index-upgrade.js', async (original) => {
  const real = await original<typeof import('../../../db/search/search-index-upgrade.js')>();
  return {
    ...real,
    stepSearchUpgrade: (...args: Parameters<typeof real.stepSearchUpgrade>) => {
      if (sliceFault.code !== null) {
        throw new Database.SqliteError(
          `${sliceFault.code}: the slice's write failed`,
          sliceFault.code,
        );
      }
      return real.stepSearchUpgrade(...args);
    },
  };
});

const PHONE = '13907088544';

/** A room of three cases, closed with its index rebuild pending from the first case on. */
async function roomWithPendingRebuild(): Promise<{ dir: string; ids: number[] }> {
  const l = await openTestLedger();
  await setUpRoom(l);
  const ids: number[] = [];
  for (const phone of [PHONE, '13812345678', '15009876543']) {
    const saved = await l.call<SavedCase>(
      'cases.create',
      intake({
        parties: [person({ phone: { phone } }), person({ role: 'RESPONDENT', name: '扎西多杰' })],
      }),
    );
    ids.push(saved.case.id);
  }
  await l.core.whenIdle();
  l.core.close();
  const db = openOutside(ledgerPaths(l.dir).ledgerFile);
  db.prepare('INSERT INTO case_search_upgrade (id, next_case_id) VALUES (1, ?)').run(ids[0]);
  db.close();
  return { dir: l.dir, ids };
}

describe('a slice of the search rebuild that fails', () => {
  it.each(['SQLITE_FULL', 'SQLITE_READONLY'])(
    '%s: stops the rebuild; the ledger stays readable and searchable; the next start resumes',
    async (code) => {
      const { dir, ids } = await roomWithPendingRebuild();
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        sliceFault.code = code;
        const core = await openSignedInCore({ dataDir: dir, appVersion: 'test' });
        try {
          await core.ledger.whenChecked();
          await core.ledger.whenSearchUpgraded();
          expect(errors.mock.calls.flat().join(' ')).toContain('search index rebuild stopped');
          const status = await core.dispatch('system.status', {});
          expect(status.ok && (status.value as SystemStatus).ledger.state).toBe('READY');
          expect(core.ledger.damaged).toBe(false);
          expect(searchUpgradeNext(core.ledger.db())).toBe(ids[0]);
          // The middle of a phone, asked as the old plan does, is found; so are the cases.
          const res = await core.dispatch('cases.search', {
            text: PHONE.slice(3, 8),
            exactTotal: true,
          });
          expect(res.ok && (res.value as LedgerPage).rows.map((r) => r.id)).toEqual([ids[0]]);
          for (const id of ids) {
            expect(await core.dispatch('cases.get', { caseId: id })).toMatchObject({ ok: true });
          }
        } finally {
          core.close();
        }
        sliceFault.code = null;
        const again = await openSignedInCore({ dataDir: dir, appVersion: 'test' });
        try {
          await again.ledger.whenSearchUpgraded();
          expect(searchUpgradeNext(again.ledger.db())).toBeNull();
          const res = await again.dispatch('cases.search', { text: PHONE.slice(3) });
          expect(res.ok && (res.value as LedgerPage).rows.map((r) => r.id)).toEqual([ids[0]]);
        } finally {
          again.close();
        }
      } finally {
        sliceFault.code = null;
        errors.mockRestore();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('SQLITE_CORRUPT: the ledger is marked damaged', async () => {
    const { dir } = await roomWithPendingRebuild();
    try {
      sliceFault.code = 'SQLITE_CORRUPT';
      const core = await openSignedInCore({ dataDir: dir, appVersion: 'test' });
      try {
        await core.ledger.whenChecked();
        await core.ledger.whenSearchUpgraded();
        expect(core.ledger.damaged).toBe(true);
      } finally {
        core.close();
      }
    } finally {
      sliceFault.code = null;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
