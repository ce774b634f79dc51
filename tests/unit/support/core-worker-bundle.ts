import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

let built: Promise<string> | null = null;

/**
 * electron/core/core-worker.ts bundled as build/build.mjs does, once per test process. A worker
 * thread cannot load TypeScript, and the tests must not depend on an earlier `npm run build`.
 * The bundle sits under node_modules/.cache so its externals (better-sqlite3-multiple-ciphers, pdfkit) resolve.
 */
export function coreWorkerBundle(): Promise<string> {
  built ??= (async () => {
    const dir = path.resolve('node_modules/.cache/core-worker-test');
    fs.mkdirSync(dir, { recursive: true });
    const outfile = path.join(dir, `core-worker-${process.pid}.cjs`);
    await build({
      entryPoints: [path.resolve('electron/core/core-worker.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile,
      external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit'],
      logLevel: 'silent',
    });
    return outfile;
  })();
  return built;
}
