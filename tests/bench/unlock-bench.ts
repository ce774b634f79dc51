import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore } from '../../electron/core/app-core.js';
import { DEFAULT_PASSWORD_HASH } from '../../electron/services/password-hash.js';
import { signInAs, TEST_PASSWORD, TEST_PEOPLE } from '../unit/support/signed-in-core.js';
import { round, type BenchModule } from './bench-registry.js';

const RUNS = 7;

/**
 * `unlock_ms`: signing in to a locked desk through the API door, as the lock screen does —
 * the account read, Argon2id at the app's own cost (not the tests' cheap one), the counters and
 * the SIGN_IN entry of the audit chain. Median of several unlocks (budget 800 ms).
 */
export const unlockBench: BenchModule = {
  name: 'unlock',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-unlock-'));
    const core = await createAppCore({ dataDir: dir, appVersion: 'bench' });
    try {
      await signInAs(core);
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const locked = await core.dispatch('accounts.lock', {});
        if (!locked.ok) throw new Error(locked.error.message);
        const t0 = performance.now();
        const res = await core.dispatch('accounts.signIn', {
          loginName: TEST_PEOPLE.DIRECTOR.loginName,
          password: TEST_PASSWORD,
        });
        samples.push(performance.now() - t0);
        if (!res.ok) throw new Error(res.error.message);
      }
      const sorted = [...samples].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      const p = DEFAULT_PASSWORD_HASH;
      console.log(
        `unlock (Argon2id m=${p.memoryKiB} KiB t=${p.iterations} p=${p.parallelism}, through dispatch): median ${median.toFixed(0)} ms of ${RUNS} (${sorted.map((s) => s.toFixed(0)).join(', ')})`,
      );
      return { unlock_ms: round(median) };
    } finally {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
