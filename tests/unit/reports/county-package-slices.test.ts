import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

// The county package is read on a second, read-only connection inside one read transaction, a
// slice of cases at a time. Here a slice is two cases and every pause is a gate the test opens,
// so "the read is held between slices" is a state reached by events, never by time.

const cores: AppCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

/** Each pause waits until the test opens it, or passes at once after `release()`. */
function gate() {
  const paused: (() => void)[] = [];
  const waiters: ((open: () => void) => void)[] = [];
  let released = false;
  return {
    between: () =>
      new Promise<void>((resolve) => {
        if (released) return resolve();
        const waiter = waiters.shift();
        if (waiter) waiter(resolve);
        else paused.push(resolve);
      }),
    nextPause: () =>
      new Promise<() => void>((resolve) => {
        const open = paused.shift();
        if (open) resolve(open);
        else waiters.push(resolve);
      }),
    release: () => {
      released = true;
      for (const open of paused.splice(0)) open();
    },
  };
}

async function ok<T>(envelope: Promise<ApiEnvelope<unknown>>): Promise<T> {
  const res = await envelope;
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`);
  return res.value as T;
}

interface CaseRef {
  id: number;
  version: number;
}

/** Five accepted March cases, ids in order; a clock that ticks so every change has a version. */
async function roomWithCases(dataDir: string, slices: ReturnType<typeof gate>) {
  let t = Date.parse('2026-03-20T02:00:00Z');
  const core = await openSignedInCore({
    dataDir,
    appVersion: 'test',
    now: () => new Date((t += 1000)),
    exportReadSlices: { cases: 2, between: slices.between },
  });
  cores.push(core);
  await ok(core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
  const mediator = await ok<{ id: number }>(
    core.dispatch('mediators.save', {
      id: null,
      expectedVersion: 0,
      name: '才让',
      isPeopleMediator: true,
      languages: ['zh'],
      active: true,
    }),
  );
  const accept = async () => {
    const saved = await ok<{ case: CaseRef }>(
      core.dispatch('cases.create', intake({ mediatorIds: [mediator.id] })),
    );
    return ok<CaseRef>(
      core.dispatch('cases.transition', {
        caseId: saved.case.id,
        expectedVersion: saved.case.version,
        input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
      }),
    );
  };
  const cases: CaseRef[] = [];
  for (let i = 0; i < 5; i += 1) cases.push(await accept());
  return { core, cases, accept };
}

interface PackageLine {
  caseNumber: string;
  version: number;
  difficult: boolean;
}

function packageLines(dir: string, run: ExportRunView): PackageLine[] {
  const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, run.files[0]?.name ?? ''))));
  return strFromU8(zip['cases.jsonl'] ?? new Uint8Array())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as PackageLine);
}

/** The register of reported versions the export wrote, by case number. */
function register(core: AppCore, exportId: number): { caseNumber: string; version: number }[] {
  return core.ledger
    .db()
    .prepare(
      `SELECT f.case_number AS caseNumber, r.version FROM case_reported AS r
         JOIN case_file AS f ON f.id = r.case_id WHERE r.export_id = ?`,
    )
    .all(exportId) as { caseNumber: string; version: number }[];
}

const byNumber = (a: { caseNumber: string }, b: { caseNumber: string }) =>
  a.caseNumber.localeCompare(b.caseNumber);

describe('the county package is read in slices of one snapshot', () => {
  it('answers requests and takes writes while held; the package and its register are the snapshot', async () => {
    const slices = gate();
    const dataDir = tempDir('pkg-slices');
    const { core, cases, accept } = await roomWithCases(dataDir, slices);
    // new ledgers are encrypted: the second connection has to open with the live key
    expect(ledgerFileKind(core.ledger.db().name)).toBe('encrypted');
    const dir = tempDir('pkg-slices-out');
    let finished = false;
    const exporting = core
      .dispatch('exports.package', { period: '2026-03', directory: dir })
      .then((res) => {
        finished = true;
        return res;
      });
    (await slices.nextPause())(); // before the snapshot's first read
    (await slices.nextPause())(); // before the first slice
    const held = await slices.nextPause(); // two cases read, three to go

    const found = await ok<{ total: number }>(core.dispatch('cases.search', {}));
    expect(found.total).toBe(5);
    const status = await ok<{ ledger: unknown }>(core.dispatch('system.status', {}));
    expect(status.ledger).toBeDefined();
    // the main connection writes meanwhile: a sixth case, and a change to one not yet read
    const sixth = await accept();
    const last = cases[4] as CaseRef;
    await ok(
      core.dispatch('cases.update', {
        caseId: last.id,
        expectedVersion: last.version,
        changes: { isDifficult: true },
      }),
    );
    expect(finished).toBe(false);
    held();
    slices.release();
    const run = await ok<ExportRunView>(exporting);

    const lines = packageLines(dir, run);
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => !line.difficult)).toBe(true);
    // the register holds exactly the versions the package carries
    expect(register(core, run.id).sort(byNumber)).toEqual(
      lines.map(({ caseNumber, version }) => ({ caseNumber, version })).sort(byNumber),
    );

    // the next package sees the writes: six cases, the changed one at a newer version
    const again = await ok<ExportRunView>(
      core.dispatch('exports.package', { period: '2026-03', directory: dir }),
    );
    const now = packageLines(dir, again);
    expect(now).toHaveLength(6);
    const changed = now.filter((line) => line.difficult);
    expect(changed).toHaveLength(1);
    const before = lines.find((line) => line.caseNumber === changed[0]?.caseNumber);
    expect(before && (changed[0]?.version ?? 0) > before.version).toBe(true);
    expect(sixth.id).toBeGreaterThan(last.id);
  });

  it('a core closed while the read is held ends the export: no file, nothing recorded', async () => {
    const slices = gate();
    const dataDir = tempDir('pkg-slices-close');
    const { core } = await roomWithCases(dataDir, slices);
    const dir = tempDir('pkg-slices-close-out');
    const exporting = core.dispatch('exports.package', { period: '2026-03', directory: dir });
    (await slices.nextPause())();
    (await slices.nextPause())();
    const held = await slices.nextPause();
    cores.splice(cores.indexOf(core), 1);
    core.close();
    held();
    slices.release();
    const res = await exporting;
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('LEDGER_UNAVAILABLE');
    expect(fs.readdirSync(dir)).toEqual([]);

    const reopened = await openSignedInCore({ dataDir, appVersion: 'test' });
    cores.push(reopened);
    const list = await ok<{ runs: unknown[] }>(reopened.dispatch('exports.list', {}));
    expect(list.runs).toEqual([]);
    const found = await ok<{ total: number }>(reopened.dispatch('cases.search', {}));
    expect(found.total).toBe(5);
    // and the package exports whole on the reopened ledger
    const run = await ok<ExportRunView>(
      reopened.dispatch('exports.package', { period: '2026-03', directory: dir }),
    );
    expect(packageLines(dir, run)).toHaveLength(5);
  });
});
