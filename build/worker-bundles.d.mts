import type { BuildOptions, BuildResult } from 'esbuild';

export declare const LAZY_PACKAGES: Readonly<Record<'exceljs' | 'pdf-lib', string>>;

export declare function bundleWorkers(
  esbuild: (options: BuildOptions) => Promise<BuildResult>,
  root: string,
  options: BuildOptions,
): Promise<void>;
