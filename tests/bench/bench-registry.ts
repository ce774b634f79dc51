/** A benchmark module: runs, prints its own human-readable rows, and returns its metrics. */
export interface BenchModule {
  readonly name: string;
  run(args: BenchArgs): Promise<Record<string, number>>;
}

export interface BenchArgs {
  readonly cases: number;
  readonly argv: readonly string[];
}

export function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

export function timeMs(fn: () => unknown): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export const round = (n: number) => Math.round(n * 1000) / 1000;
