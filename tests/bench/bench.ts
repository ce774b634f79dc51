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

async function main(): Promise<void> {
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
