import fs from 'node:fs';
import { openSignedInCore } from '../unit/support/signed-in-core.js';
import { round, type BenchModule } from './bench-registry.js';
import { seedBenchLedger } from './seed-ledger.js';

/**
 * Issue 15's figure, through the real API: `subsidy_claim_year_ms` is `subsidy.claimPack` for one
 * mediator and the year 2025 in a ledger of `cases` cases (three years) shared by ten mediators
 * (median of 5). `subsidy_claim_year_all_ms` is the ten mediators' packs one after the other, as
 * a county clerk's round of a room would ask for them. `subsidy_case_panel_ms` is the case page's
 * 以案定补 panel (median of 20 cases), which checks the same dispute through the party indexes.
 */
const MEDIATORS = [
  '才让',
  '巴特尔',
  '王建国',
  '李明',
  '卓玛',
  '扎西',
  '其其格',
  '马忠',
  '韩梅',
  '祁连',
];

async function call(
  core: Awaited<ReturnType<typeof openSignedInCore>>,
  method: string,
  input: unknown,
) {
  const res = await core.dispatch(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.value;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export const subsidyBench: BenchModule = {
  name: 'subsidy',
  async run({ cases }) {
    const seeded = await seedBenchLedger(cases, '2026-03-31', undefined, {
      mediatorNames: MEDIATORS,
      outcomeAt: (_n, accepted) =>
        new Date(Date.parse(`${accepted}T02:00:00Z`) + 20 * 86_400_000).toISOString(),
    });
    const core = await openSignedInCore({ dataDir: seeded.dir, appVersion: 'bench' });
    await core.ledger.whenChecked();
    try {
      const imported = (await call(core, 'subsidy.importRules', {
        source: 'EXAMPLE',
        fileName: 'subsidy-example-difficulty.v1.json',
      })) as { summary: { rowId: number } };
      const list = (await call(core, 'subsidy.listRules', {})) as { version: number };
      await call(core, 'subsidy.activateRules', {
        rowId: imported.summary.rowId,
        expectedVersion: list.version,
      });
      const pack = (mediatorId: number) =>
        call(core, 'subsidy.claimPack', { mediatorId, period: '2025' }) as Promise<{
          totals: { cases: number; claimable: number };
        }>;
      const first = seeded.mediatorIds[0] ?? 1;
      await pack(first);
      const samples: number[] = [];
      // CPU beside wall: on a loaded machine the wall clock mostly measures the queue.
      const cpuSamples: number[] = [];
      let lines = 0;
      for (let k = 0; k < 5; k += 1) {
        const t = performance.now();
        const cpu0 = process.cpuUsage();
        lines = (await pack(first)).totals.cases;
        const cpu = process.cpuUsage(cpu0);
        samples.push(performance.now() - t);
        cpuSamples.push((cpu.user + cpu.system) / 1000);
      }
      const t = performance.now();
      let all = 0;
      for (const id of seeded.mediatorIds) all += (await pack(id)).totals.cases;
      const allMs = performance.now() - t;

      const panel: number[] = [];
      for (let k = 0; k < 20; k += 1) {
        const caseId = 1 + Math.floor(((k + 0.5) * cases) / 20);
        const p0 = performance.now();
        await call(core, 'subsidy.ofCase', { caseId });
        panel.push(performance.now() - p0);
      }
      console.log(
        `subsidy.claimPack 2025, one mediator (${lines} cases): ${samples.map((s) => s.toFixed(0)).join(' ')} ms ` +
          `(CPU ${cpuSamples.map((s) => s.toFixed(0)).join(' ')} ms); ` +
          `all ${MEDIATORS.length} mediators (${all} cases): ${allMs.toFixed(0)} ms; ` +
          `case panel median ${median(panel).toFixed(1)} ms`,
      );
      return {
        subsidy_claim_year_ms: round(median(samples)),
        subsidy_claim_year_cpu_ms: round(median(cpuSamples)),
        subsidy_claim_year_all_ms: round(allMs),
        subsidy_case_panel_ms: round(median(panel)),
      };
    } finally {
      await core.ledger.whenChecked();
      core.close();
      fs.rmSync(seeded.dir, { recursive: true, force: true });
    }
  },
};
