import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShellPdfPrinter } from '../../../electron/main/print-pdf.js';
import { FakeElectron } from '../support/fake-electron.js';
import { tempDir } from '../support/temp-dir.js';

// electron/main/print-pdf.ts against the stand-in Electron: it waits for the PDF viewer, tells
// a cancel from a failure, records printer and copies, falls back to the system viewer on a
// machine without printers, and leaves no copy of the document behind.

const PDF = Buffer.from('%PDF-1.7\n%stand-in bytes\n');

afterEach(() => {
  vi.doUnmock('electron');
});

async function printerWith(
  configure: (fake: FakeElectron) => void = () => undefined,
  readyTimeoutMs = 2_000,
) {
  const fake = new FakeElectron();
  configure(fake);
  fake.emitReady();
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  const { createPdfPrinter } = await import('../../../electron/main/print-pdf.js');
  const dir = path.join(tempDir('print'), 'print-temp');
  const printer: ShellPdfPrinter = createPdfPrinter({
    tempDir: dir,
    readyTimeoutMs,
    removeRetry: { attempts: 2, firstDelayMs: 1 },
  });
  const leftovers = () => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  return { fake, printer, dir, leftovers };
}

const twoPrinters = [
  { name: 'HP_LaserJet', displayName: 'HP LaserJet', description: '', options: {} },
  { name: 'Canon_LBP', displayName: 'Canon LBP', description: '', options: {} },
];

describe('printing a stored PDF', () => {
  it('prints only after the viewer is ready, with the copies preset, and removes the copy', async () => {
    const { fake, printer, leftovers } = await printerWith();
    const result = await printer.print(PDF, {
      copies: 3,
      title: '人民调解协议书_（2026）示调字第001号',
    });
    expect(result).toEqual({ outcome: 'PRINTED', printer: 'Office_Printer', copies: 3 });
    expect(fake.printCalls).toHaveLength(1);
    const call = fake.printCalls[0]!;
    expect(call.afterReady).toBe(true);
    expect(call.fileExisted).toBe(true);
    expect(call.options).toEqual({ silent: false, copies: 3, printBackground: true });
    // The hidden window is sandboxed, without Node, and gone afterwards.
    const win = fake.windows[0]!;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(win.destroyed).toBe(true);
    await printer.idle();
    expect(leftovers()).toEqual([]);
  });

  it('presets the printer the desk chose and records it', async () => {
    const { fake, printer } = await printerWith((f) => {
      f.printScript.printers = twoPrinters;
    });
    const chosen = await printer.print(PDF, { copies: 2, title: 'x', printer: 'Canon_LBP' });
    expect(chosen).toEqual({ outcome: 'PRINTED', printer: 'Canon_LBP', copies: 2 });
    expect(fake.printCalls[0]!.options).toMatchObject({ deviceName: 'Canon_LBP', copies: 2 });
    // With several printers and no choice, the dialog opens on the system default, which
    // Electron does not name: recorded as unknown rather than guessed.
    const byDefault = await printer.print(PDF, { copies: 1, title: 'x' });
    expect(byDefault.printer).toBeNull();
    expect(fake.printCalls[1]!.options).not.toHaveProperty('deviceName');
  });

  it('reports a cancel in the dialog as CANCELLED, not as a fault', async () => {
    const { printer, leftovers } = await printerWith((f) => {
      f.printScript.result = [false, 'Print job canceled'];
    });
    const result = await printer.print(PDF, { copies: 2, title: 'x' });
    expect(result).toEqual({ outcome: 'CANCELLED', printer: 'Office_Printer', copies: 2 });
    await printer.idle();
    expect(leftovers()).toEqual([]);
  });

  it('reports a spooler failure as FAILED with Electron’s reason for the log', async () => {
    const { printer } = await printerWith((f) => {
      f.printScript.result = [false, 'Print job failed'];
    });
    expect(await printer.print(PDF, { copies: 1, title: 'x' })).toEqual({
      outcome: 'FAILED',
      printer: 'Office_Printer',
      copies: 1,
      detail: 'Print job failed',
    });
  });

  it('never prints when the viewer does not signal ready (no blank pages)', async () => {
    const { fake, printer, leftovers } = await printerWith((f) => {
      f.printScript.viewerReady = false;
    }, 50);
    const result = await printer.print(PDF, { copies: 1, title: 'x' });
    expect(result.outcome).toBe('FAILED');
    expect(fake.printCalls).toHaveLength(0);
    expect(fake.windows[0]!.destroyed).toBe(true);
    await printer.idle();
    expect(leftovers()).toEqual([]);
  });

  it('opens the PDF in the system viewer when no printer is installed', async () => {
    const { fake, printer, leftovers } = await printerWith((f) => {
      f.printScript.printers = [];
    });
    const result = await printer.print(PDF, { copies: 2, title: '../../etc/passwd' });
    expect(result).toEqual({ outcome: 'PREVIEWED', printer: null, copies: 2 });
    expect(fake.printCalls).toHaveLength(0);
    expect(fake.openedPaths).toHaveLength(1);
    const opened = fake.openedPaths[0]!;
    // A private copy inside the temp folder, whatever the title says, kept for the viewer…
    expect(path.basename(opened)).toMatch(/^etc_passwd-[0-9a-f]{8}\.pdf$/);
    await printer.idle();
    expect(fs.readFileSync(opened)).toEqual(PDF);
    // …until the next start sweeps it.
    await printer.sweep();
    expect(leftovers()).toEqual([]);
  });

  it('falls back to the viewer when Electron finds no printer at print time', async () => {
    const { fake, printer } = await printerWith((f) => {
      f.printScript.result = [false, 'No printers available on the network'];
    });
    expect((await printer.print(PDF, { copies: 1, title: 'x' })).outcome).toBe('PREVIEWED');
    expect(fake.openedPaths).toHaveLength(1);
  });

  it('reports FAILED when the system viewer cannot open the copy', async () => {
    const { printer } = await printerWith((f) => {
      f.printScript.printers = [];
      f.openPathResult = 'No application is associated with the specified file';
    });
    const result = await printer.print(PDF, { copies: 1, title: 'x' });
    expect(result.outcome).toBe('FAILED');
    expect(result.detail).toContain('No application');
  });
});
