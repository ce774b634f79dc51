// Builds everything the app and the tests run: the renderer (Vite), the main process and preload
// (esbuild, CommonJS as Electron loads them), the dev:web host and the benchmarks.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyAppFonts } from './copy-fonts.mjs';
import { bundleWorkers } from './worker-bundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');

fs.rmSync(dist, { recursive: true, force: true });

await viteBuild({
  configFile: path.join(root, 'renderer', 'vite.config.ts'),
  logLevel: quiet ? 'warn' : 'info',
});

// Native and data-file packages stay outside the bundle: they read files next to themselves.
// harfbuzzjs is an ES module with a top-level await: loaded by a real `import()` at run time.
const nodeExternal = [
  'electron',
  'better-sqlite3-multiple-ciphers',
  'pdfkit',
  'fontkit',
  'harfbuzzjs',
];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'process.env.APP_VERSION': JSON.stringify(pkg.version) },
};

await esbuild({
  ...common,
  entryPoints: { main: path.join(root, 'electron/main/main.ts') },
  outdir: path.join(dist, 'electron'),
  outExtension: { '.js': '.cjs' },
  external: nodeExternal,
});
// The core (ledger, services, documents) runs in its own worker thread; the shell and the
// dev:web host each load the copy beside their own script. The core starts the export thread
// from the copy beside its own; exceljs and pdf-lib are files of their own there (see there).
for (const dir of ['electron', 'dev-web']) {
  await bundleWorkers(esbuild, root, {
    ...common,
    outdir: path.join(dist, dir),
    outExtension: { '.js': '.cjs' },
    external: nodeExternal,
  });
}
// A sandboxed preload may only require('electron'): bundle everything else into it.
await esbuild({
  ...common,
  entryPoints: { preload: path.join(root, 'electron/preload/preload.ts') },
  outdir: path.join(dist, 'electron'),
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
  platform: 'browser',
  target: 'chrome140',
});
// `npm start` asks the app's own start-up check (root, no display) before launching Electron.
await esbuild({
  ...common,
  sourcemap: false,
  entryPoints: { 'startup-environment': path.join(root, 'electron/main/startup-environment.ts') },
  outdir: path.join(dist, 'tools'),
  outExtension: { '.js': '.cjs' },
});
await esbuild({
  ...common,
  entryPoints: { host: path.join(root, 'electron/dev-web/host.ts') },
  outdir: path.join(dist, 'dev-web'),
  outExtension: { '.js': '.cjs' },
  external: nodeExternal,
});
if (fs.existsSync(path.join(root, 'tests/bench/bench.ts'))) {
  await esbuild({
    ...common,
    entryPoints: { bench: path.join(root, 'tests/bench/bench.ts') },
    outdir: path.join(dist, 'bench'),
    outExtension: { '.js': '.cjs' },
    external: [...nodeExternal, 'playwright-core', 'fast-check', 'esbuild'],
  });
}
copyAppFonts(root, path.join(dist, 'fonts'));
// Document templates are data read at run time: dist/templates next to dist/electron.
fs.mkdirSync(path.join(dist, 'templates'), { recursive: true });
for (const name of fs.readdirSync(path.join(root, 'templates'))) {
  if (name.endsWith('.json')) {
    fs.copyFileSync(path.join(root, 'templates', name), path.join(dist, 'templates', name));
  }
}
if (!quiet) console.log(`构建完成：${path.relative(process.cwd(), dist) || dist}`);
