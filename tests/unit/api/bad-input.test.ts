import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../domain/api/contract';
import { openSignedInCore } from '../support/signed-in-core';
import type { AppCore } from '../../../electron/core/app-core';
import { ledgerPaths } from '../../../db/ledger-files';
import { ledgerFingerprint } from '../support/db-fingerprint';
import { SAMPLE_ROOM_SETTINGS } from '../support/room-settings-sample';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MB_STRING = '调'.repeat(1024 * 1024);
const CONTROL_STRINGS = ['\u0000', 'a\u0007b', '\u202Eevil', 'x\u2028y', '\uD800', 'a\u001Bb'];
const BAD_VALUES: unknown[] = [
  null,
  undefined,
  0,
  -1,
  Number.NaN,
  true,
  'text',
  [],
  [1, 2],
  { __unexpected__: 1 },
  MB_STRING,
  ...CONTROL_STRINGS,
];

/** Replaces the value at each leaf path of a valid input with `bad`, one path at a time. */
function* mutations(
  value: unknown,
  bad: unknown,
  trail: (string | number)[] = [],
): Generator<{ path: string; input: unknown }> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      for (const m of mutations(child, bad, [...trail, key])) {
        yield {
          path: m.path,
          input: Array.isArray(value)
            ? Object.assign([...value], { [key]: m.input })
            : { ...(value as object), [key]: m.input },
        };
      }
    }
    // A missing field as well.
    for (const key of Object.keys(value as object)) {
      const copy = { ...(value as Record<string, unknown>) };
      delete copy[key];
      yield { path: [...trail, key, '(missing)'].join('.'), input: copy };
    }
    return;
  }
  yield { path: trail.join('.'), input: bad };
}

/**
 * A valid input per writing method, so every field can be swapped for a bad value. Each carries
 * a stale expectedVersion: a mutation that still passes validation is then refused with
 * CONFLICT, so the test itself never writes.
 */
const VALID_SAMPLES: Record<string, unknown> = {
  'settings.save': { settings: SAMPLE_ROOM_SETTINGS, expectedVersion: 999 },
};

describe('every API method refuses bad input and writes nothing', () => {
  let dataDir: string;
  let core: AppCore;
  let ledgerFile: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bad-input-'));
    core = await openSignedInCore({ dataDir, appVersion: 'test', log: { error: () => {} } });
    const saved = await core.dispatch('settings.save', {
      settings: SAMPLE_ROOM_SETTINGS,
      expectedVersion: 0,
    });
    expect(saved.ok).toBe(true);
    ledgerFile = ledgerPaths(dataDir).ledgerFile;
  });
  afterAll(() => {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(API_METHODS)(
    '%s: wrong types, 1 MB strings and control characters → BAD_INPUT',
    async (method) => {
      const before = ledgerFingerprint(ledgerFile);
      for (const bad of BAD_VALUES) {
        const result = await core.dispatch(method, bad);
        expect(result.ok, `${method} accepted ${String(bad).slice(0, 20)}`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('BAD_INPUT');
      }
      expect(ledgerFingerprint(ledgerFile)).toBe(before);
    },
  );

  it.each(Object.keys(VALID_SAMPLES))(
    '%s: every field swapped for a bad value → BAD_INPUT',
    async (method) => {
      const before = ledgerFingerprint(ledgerFile);
      for (const bad of [null, 12345, MB_STRING, ...CONTROL_STRINGS, { nested: true }, ['x']]) {
        for (const { path: field, input } of mutations(VALID_SAMPLES[method], bad)) {
          const result = await core.dispatch(method, input);
          expect(result.ok, `${method} ${field} wrote`).toBe(false);
          if (result.ok) continue;
          if (result.error.code === 'CONFLICT') {
            // Only an optional field may take null or be left out; any whole number is a version.
            const acceptable =
              bad === null ||
              field.endsWith('(missing)') ||
              (field.endsWith('expectedVersion') && Number.isInteger(bad));
            expect(acceptable, `${method} ${field} accepted a bad value`).toBe(true);
          } else {
            expect(result.error.code, `${method} ${field}`).toBe('BAD_INPUT');
          }
        }
      }
      expect(ledgerFingerprint(ledgerFile)).toBe(before);
    },
  );

  it('never answers INTERNAL for any JSON-like input to any method', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), fc.jsonValue(), async (method, input) => {
        const result = await core.dispatch(method, input);
        if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 400 },
    );
  });
});
