import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { intake, ROOM_SETTINGS } from '../services/case-fixtures.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';
import { readXlsx } from './xlsx-reader.js';

// The 台账's read is cut into slices of cases and the core answers other requests between
// them. Here a slice is two cases and the pause between slices is a gate the test opens, so
// "between slices" is a state the test reaches by waiting on events, never on time.

const cores: AppCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

/** Each pause between slices waits until the test opens it. */
function gate() {
  const paused: (() => void)[] = [];
  const waiters: ((open: () => void) => void)[] = [];
  return {
    between: () =>
      new Promise<void>((resolve) => {
        const waiter = waiters.shift();
        if (waiter) waiter(resolve);
        else paused.push(resolve);
      }),
    /** Resolves with the opener of the next pause once the read reaches it. */
    nextPause: () =>
      new Promise<() => void>((resolve) => {
        const open = paused.shift();
        if (open) resolve(open);
        else waiters.push(resolve);
      }),
  };
}

async function ok<T>(envelope: Promise<ApiEnvelope<unknown>>): Promise<T> {
  const res = await envelope;
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`);
  return res.value as T;
}

const INTAKE_DATES = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];

describe('the 台账 export reads in slices', () => {
  it('answers other requests between slices and exports every case in intake order', async () => {
    const slices = gate();
    const core = await openSignedInCore({
      dataDir: tempDir('export-slices'),
      appVersion: 'test',
      exportReadSlices: { cases: 2, between: slices.between },
    });
    cores.push(core);
    await ok(core.dispatch('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 }));
    // registered out of order: the export sorts by intake date across slices
    for (const intakeDate of [...INTAKE_DATES].reverse()) {
      await ok(core.dispatch('cases.create', intake({ intakeDate })));
    }
    const dir = tempDir('export-slices-out');
    let finished = false;
    const exporting = core
      .dispatch('exports.ledger', {
        period: '2026-03',
        directory: dir,
        identifiedConfirmation: null,
      })
      .then((res) => {
        finished = true;
        return res;
      });
    (await slices.nextPause())(); // before the first slice
    const second = await slices.nextPause(); // two cases read, three to go
    const found = await ok<{ total: number }>(core.dispatch('cases.search', {}));
    expect(found.total).toBe(5);
    const status = await ok<{ ledger: unknown }>(core.dispatch('system.status', {}));
    expect(status.ledger).toBeDefined();
    expect(finished).toBe(false);
    second();
    (await slices.nextPause())(); // before the last slice
    const run = await ok<ExportRunView>(exporting);

    const sheet = Object.values(readXlsx(path.join(dir, run.files[0]?.name ?? '')))[0];
    const dates = (sheet?.cells ?? [])
      .flat()
      .filter((cell): cell is string => typeof cell === 'string' && INTAKE_DATES.includes(cell));
    expect(dates).toEqual(INTAKE_DATES);
  });
});
