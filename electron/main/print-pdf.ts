import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { DocumentPrinter } from '../services/agreement-files-service.js';

/**
 * Prints stored PDF bytes through the system print dialog with the copy count preset.
 *
 * The PDF is written to a private temp file and opened in a hidden window that has no preload,
 * no Node, a sandbox and Chromium's PDF viewer (`plugins: true`); nothing else can load in it.
 * Printing a PDF through `webContents.print` depended on the out-of-process PDF viewer fixes of
 * Electron 35+ (electron/electron#47378); on older versions it printed blank pages (#30947).
 * This file needs the Electron binary, so it is checked on a real desk, not in unit tests.
 */

const LOAD_TIMEOUT_MS = 30_000;

async function withTempPdf<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediation-desk-print-'));
  const file = path.join(dir, `${randomUUID()}.pdf`);
  try {
    await fs.writeFile(file, pdf, { mode: 0o600 });
    return await use(file);
  } finally {
    // The copy holds personal data: remove it whatever happened.
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function createPdfPrinter(): DocumentPrinter {
  return {
    print: (pdf, { copies, title }) =>
      withTempPdf(pdf, async (file) => {
        const win = new BrowserWindow({
          show: false,
          title,
          webPreferences: {
            // Its own in-memory session: the app session refuses file:// loads by design.
            partition: 'mediation-desk-print',
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            plugins: true, // Chromium's built-in PDF viewer
            javascript: true,
          },
        });
        win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        win.webContents.on('will-navigate', (event) => event.preventDefault());
        try {
          await Promise.race([
            win.loadFile(file),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error('PDF load timed out')), LOAD_TIMEOUT_MS),
            ),
          ]);
          return await new Promise<'PRINTED' | 'CANCELLED'>((resolve, reject) => {
            win.webContents.print(
              { silent: false, copies, printBackground: true },
              (ok, reason) => {
                if (ok) resolve('PRINTED');
                else if (reason === 'cancelled') resolve('CANCELLED');
                else reject(new Error(`print failed: ${reason}`));
              },
            );
          });
        } finally {
          if (!win.isDestroyed()) win.destroy();
        }
      }),
  };
}
