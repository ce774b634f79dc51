// Issue 13 (host start): the core worker says ready when createAppCore has resolved, so whatever
// createAppCore loads is compiled and run before the first screen can ask anything. The PDF and
// spreadsheet stacks (pdfkit, pdf-lib, exceljs) serve prints and exports only: they must load on
// first use, not while the core starts. Each mock records that its package was loaded.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coreWorkerBundle } from '../support/core-worker-bundle.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';
import type { AppCore } from '../../../electron/core/app-core.js';

const loaded = vi.hoisted(() => new Set<string>());

vi.mock('pdfkit', async (importOriginal) => {
  loaded.add('pdfkit');
  return importOriginal();
});
vi.mock('pdf-lib', async (importOriginal) => {
  loaded.add('pdf-lib');
  return importOriginal();
});
vi.mock('exceljs', async (importOriginal) => {
  loaded.add('exceljs');
  return importOriginal();
});

let core: AppCore | null = null;

afterEach(async () => {
  if (core) {
    await core.whenIdle();
    core.close();
    core = null;
  }
});

describe('core start: the PDF and spreadsheet stacks load on first use', () => {
  it('starts the core and answers the first screen without pdfkit, pdf-lib or exceljs', async () => {
    core = await openSignedInCore({ dataDir: tempDir('start-modules'), appVersion: 'test' });
    // What the first screen (工作台) asks.
    for (const method of ['system.status', 'accounts.session', 'dashboard.get', 'reminders.get']) {
      const answer = await core.dispatch(method, {});
      expect(answer.ok, method).toBe(true);
    }
    expect([...loaded]).toEqual([]);
  });

  it('records a load when the print and export code is imported (the mocks above see it)', async () => {
    await import('../../../electron/documents/render-document.js');
    await import('../../../electron/reports/export-render-jobs.js');
    await import('../../../electron/services/volume-assembly-job.js');
    expect([...loaded].sort()).toEqual(['exceljs', 'pdf-lib', 'pdfkit']);
  });
});

describe("the core worker's bundle: exceljs and pdf-lib are files of their own", () => {
  it('leaves both out of core-worker.cjs, which requires them from beside itself', async () => {
    const file = await coreWorkerBundle();
    const code = fs.readFileSync(file, 'utf8');
    // esbuild names every bundled input in a comment line. Only exceljs's theme XML stays: the
    // 台账 writer (ledger-xlsx.ts) is our own and takes just that string from the package.
    const inputs = (pkg: string): string[] =>
      code.split('\n').filter((line) => line.startsWith(`// node_modules/${pkg}/`));
    expect(inputs('exceljs')).toEqual(['// node_modules/exceljs/lib/xlsx/xml/theme1.js']);
    expect(inputs('pdf-lib')).toEqual([]);
    for (const vendor of ['vendor-exceljs', 'vendor-pdf-lib']) {
      expect(code).toContain(`require("./${vendor}.cjs")`);
      expect(fs.existsSync(path.join(path.dirname(file), `${vendor}.cjs`))).toBe(true);
    }
  });
});
