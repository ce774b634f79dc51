import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleWorkers } from '../../../build/worker-bundles.mjs';

let built: Promise<string> | null = null;

/**
 * electron/core/core-worker.ts and the export thread (export-worker.ts) bundled side by side as
 * build/build.mjs does (build/worker-bundles.mjs: exceljs and pdf-lib in files of their own),
 * once per test process: a worker thread cannot load TypeScript, the tests must not depend on
 * an earlier `npm run build`, and the core starts the export thread from the file beside its
 * own. Each process gets its own folder under node_modules/.cache
 * (so the externals better-sqlite3-multiple-ciphers and pdfkit resolve, and parallel runs never share a file).
 */
function bundles(): Promise<string> {
  built ??= (async () => {
    const dir = path.resolve('node_modules/.cache/core-worker-test', String(process.pid));
    fs.mkdirSync(dir, { recursive: true });
    await bundleWorkers(build, path.resolve('.'), {
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outdir: dir,
      outExtension: { '.js': '.cjs' },
      external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit', 'harfbuzzjs'],
      logLevel: 'silent',
    });
    return dir;
  })();
  return built;
}

/** The bundled core worker. */
export async function coreWorkerBundle(): Promise<string> {
  return path.join(await bundles(), 'core-worker.cjs');
}

/** The bundled export thread, for tests that hand a core its renderer directly. */
export async function exportWorkerBundle(): Promise<string> {
  return path.join(await bundles(), 'export-worker.cjs');
}
