// Builds only the county command-line tool (electron/county/county-cli.ts → dist/county/county.cjs):
// `npm run county` must not wait for the renderer build.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  entryPoints: { county: path.join(root, 'electron/county/county-cli.ts') },
  outdir: path.join(root, 'dist', 'county'),
  outExtension: { '.js': '.cjs' },
  external: ['better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit'],
});
