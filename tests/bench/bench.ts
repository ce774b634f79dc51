import { spawnSync } from 'node:child_process';
import { CORE_SEMI_SPACE_MB } from '../../electron/core/core-worker-heap.js';
import { runAgreementPdfBench } from './agreement-pdf-bench.js';
import { caseLedgerBench } from './case-ledger-bench.js';
import { encryptionBench } from './encryption-bench.js';
import { dossierBenchModule, followupsBench } from './followups-bench.js';
import { statisticsBench } from './statistics-bench.js';
import { storageBench } from './storage-bench.js';
import { subsidyBench } from './subsidy-bench.js';
import { uiBench } from './ui-bench.js';
import { uiShots } from './ui-shots.js';
import { unlockBench } from './unlock-bench.js';
import type { BenchModule } from './bench-registry.js';

/**
 * `npm run bench [-- --cases N] [-- --only name]`. Register new modules in BENCHES; each prints
 * its own rows, and the last line is one JSON object with every module's metrics.
 */
const BENCHES: BenchModule[] = [
  caseLedgerBench,
  storageBench,
  encryptionBench,
  unlockBench,
  followupsBench,
  dossierBenchModule,
  { name: 'agreement-pdf', run: () => runAgreementPdfBench() },
  statisticsBench,
  subsidyBench,
  // Last: it needs the built renderer and Chromium (skipped without it), and takes longest.
  uiBench,
  // Screenshots for look compares, only with BENCH_SHOTS set.
  uiShots,
];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * The benches call the core in this process, where the app runs it in its worker: this process
 * gets the worker's young generation (core-worker-heap.ts) by starting again with it.
 */
function runWithCoreHeap(): boolean {
  const flag = `--max-semi-space-size=${CORE_SEMI_SPACE_MB}`;
  if (process.execArgv.includes(flag)) return false;
  const child = spawnSync(process.execPath, [...process.execArgv, flag, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exitCode = child.status ?? 1;
  return true;
}

async function main(): Promise<void> {
  if (runWithCoreHeap()) return;
  const cases = Number(argValue('--cases') ?? 100_000);
  const only = argValue('--only');
  const metrics: Record<string, number> = {};
  for (const bench of BENCHES) {
    if (only !== undefined && bench.name !== only) continue;
    console.log(`== ${bench.name}`);
    Object.assign(metrics, await bench.run({ cases, argv: process.argv }));
  }
  console.log(JSON.stringify({ bench: metrics }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
