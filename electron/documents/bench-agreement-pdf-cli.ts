/**
 * Script entry for the PDF benchmark; prints one JSON line.
 *
 *   npx esbuild electron/documents/bench-agreement-pdf-cli.ts --bundle --platform=node \
 *     --format=esm --packages=external --outfile=/tmp/bench-pdf.mjs && node /tmp/bench-pdf.mjs
 *
 * `cold_ms` is process start → first PDF finished (module loading, font parsing, first render):
 * what a user waits for on the first print after launching the app.
 */
import { benchAgreementPdf } from './bench-agreement-pdf.js';

const result = await benchAgreementPdf({
  iterations: Number(process.env.BENCH_ITERATIONS ?? 30),
  freshProcess: true,
});
process.stdout.write(`${JSON.stringify(result)}\n`);
