import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { openTestLedger, setUpRoom } from './case-fixtures.js';

const run = promisify(execFile);

it('two processes accepting at the same moment never get the same number', async () => {
  const l = await openTestLedger();
  await setUpRoom(l);
  l.core.close();
  const worker = path.join(l.dir, 'accept-worker.cjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, 'accept-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: worker,
    // As build/build.mjs: pdfkit's ESM build reads import.meta.url, which a CJS bundle lacks.
    external: ['better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit', 'harfbuzzjs'],
    nodePaths: [path.resolve('node_modules')],
    logLevel: 'silent',
  });
  const perProcess = 40;
  const env = { ...process.env, NODE_PATH: path.resolve('node_modules') };
  const outputs = await Promise.all(
    [0, 1, 2].map(() => run(process.execPath, [worker, l.dir, String(perProcess)], { env })),
  );
  const numbers = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
  expect(numbers).toHaveLength(3 * perProcess);
  expect(new Set(numbers).size).toBe(numbers.length);
  const sequences = numbers.map((n) => Number(/第(\d+)号/.exec(n)?.[1])).sort((a, b) => a - b);
  expect(sequences).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  l.close();
}, 60_000);
