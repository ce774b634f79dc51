import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFileKind } from '../../../db/ledger-cipher.js';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { intake, openTestLedger, setUpRoom, type TestLedger } from '../services/case-fixtures.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { sliceGate } from '../support/slice-gate.js';
import { tempDir } from '../support/temp-dir.js';

// The county package is read on a second, read-only connection inside one read transaction, a
// slice of cases at a time. Here a slice is two cases and every pause is a gate the test opens,
// so "the read is held between slices" is a state reached by events, never by time.

const ledgers: TestLedger[] = [];
const reopened: AppCore[] = [];
afterEach(() => {
  // a reopened core first: the ledger's close then removes the folder
  for (const core of reopened.splice(0)) core.close();
  for (const l of ledgers.splice(0)) l.close();
});

interface CaseRef {
  id: number;
  version: number;
}

/**
 * Five accepted March cases, ids in order, read two at a time; the clock ticks so every change
 * has its own version. The read waits at its first pause (before the snapshot's first read).
 */
async function roomWithCases() {
  const slices = sliceGate();
  let t = Date.parse('2026-03-20T02:00:00Z');
  const l = await openTestLedger(() => new Date((t += 1000)), {
    exportReadSlices: { cases: 2, between: slices.between },
  });
  ledgers.push(l);
  const { mediatorId } = await setUpRoom(l);
  const accept = async () => {
    const saved = await l.call<{ case: CaseRef }>(
      'cases.create',
      intake({ mediatorIds: [mediatorId] }),
    );
    return l.call<CaseRef>('cases.transition', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
    });
  };
  const cases: CaseRef[] = [];
  for (let i = 0; i < 5; i += 1) cases.push(await accept());
  return { l, slices, cases, accept };
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
    const { l, slices, cases, accept } = await roomWithCases();
    // new ledgers are encrypted: the second connection has to open with the live key
    expect(ledgerFileKind(l.core.ledger.db().name)).toBe('encrypted');
    const dir = tempDir('pkg-slices-out');
    let finished = false;
    const exporting = l.call<ExportRunView>('exports.package', {
      period: '2026-03',
      directory: dir,
    });
    void exporting.then(() => (finished = true));
    await slices.arrived(); // before the snapshot's first read
    await slices.one(); // before the first slice
    await slices.one(); // two cases read, three to go

    const found = await l.call<{ total: number }>('cases.search', {});
    expect(found.total).toBe(5);
    const status = await l.call<{ ledger: unknown }>('system.status', {});
    expect(status.ledger).toBeDefined();
    // the main connection writes meanwhile: a sixth case, and a change to one not yet read
    const sixth = await accept();
    const last = cases[4] as CaseRef;
    await l.call('cases.update', {
      caseId: last.id,
      expectedVersion: last.version,
      changes: { isDifficult: true },
    });
    expect(finished).toBe(false);
    slices.all();
    const run = await exporting;

    const lines = packageLines(dir, run);
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => !line.difficult)).toBe(true);
    // the register holds exactly the versions the package carries
    expect(register(l.core, run.id).sort(byNumber)).toEqual(
      lines.map(({ caseNumber, version }) => ({ caseNumber, version })).sort(byNumber),
    );

    // the next package sees the writes: six cases, the changed one at a newer version
    const again = await l.call<ExportRunView>('exports.package', {
      period: '2026-03',
      directory: dir,
    });
    const now = packageLines(dir, again);
    expect(now).toHaveLength(6);
    const changed = now.filter((line) => line.difficult);
    expect(changed).toHaveLength(1);
    const before = lines.find((line) => line.caseNumber === changed[0]?.caseNumber);
    expect(before && (changed[0]?.version ?? 0) > before.version).toBe(true);
    expect(sixth.id).toBeGreaterThan(last.id);
  });

  it('a core closed while the read is held ends the export: no file, nothing recorded', async () => {
    const { l, slices } = await roomWithCases();
    const dir = tempDir('pkg-slices-close-out');
    const exporting = l.raw('exports.package', { period: '2026-03', directory: dir });
    await slices.arrived();
    await slices.one();
    await slices.one();
    l.core.close();
    slices.all();
    const res = await exporting;
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('LEDGER_UNAVAILABLE');
    expect(fs.readdirSync(dir)).toEqual([]);

    const core = await openSignedInCore({ dataDir: l.dir, appVersion: 'test' });
    reopened.push(core);
    const call = <T>(method: string, input: unknown) =>
      core.dispatch(method, input).then((r) => {
        if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
        return r.value as T;
      });
    expect((await call<{ runs: unknown[] }>('exports.list', {})).runs).toEqual([]);
    expect((await call<{ total: number }>('cases.search', {})).total).toBe(5);
    // and the package exports whole on the reopened ledger
    const run = await call<ExportRunView>('exports.package', { period: '2026-03', directory: dir });
    expect(packageLines(dir, run)).toHaveLength(5);
  });
});
