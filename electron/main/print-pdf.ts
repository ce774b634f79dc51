import { BrowserWindow, shell } from 'electron';
import type { WebContents } from 'electron';
import type {
  DocumentPrinter,
  PrintJobResult,
  PrintRequest,
} from '../services/document-printer.js';
import { PrintTempFiles, removeWithRetry, type RemoveRetry } from './print-temp-files.js';

/**
 * Prints stored PDF bytes through the system print dialog, copy count (and printer, when the
 * desk chose one) preset.
 *
 * The PDF is written to a private temp copy and opened in a hidden window that has no preload,
 * no Node, a sandbox and Chromium's PDF viewer (`plugins: true`); nothing else can load in it.
 * Printing a PDF through `webContents.print` depended on the out-of-process PDF viewer fixes of
 * Electron 35+ (electron/electron#47378); on older versions it printed blank pages (#30947).
 *
 * Tested under vitest with the stand-in Electron of tests/unit/support/fake-electron.ts; what
 * only the real binary can show (the dialog, the spooler) is checked on a real desk.
 */

/**
 * `loadFile` resolves when the viewer's frame has loaded, not when the PDF plugin has laid out
 * the document; printing then can come out blank or short. Electron emits this event on the
 * window's WebContents once the viewer allows printing (shell/browser/
 * electron_pdf_document_helper_client.cc, PR #43436, the embedder fix #43943); its own spec
 * (spec/api-web-contents-spec.ts, "from an existing pdf document") subscribes before
 * `loadFile` and waits for it. It is undocumented, hence the timeout: without the signal we
 * fail the job instead of printing what may be a blank page.
 */
export const PDF_READY_EVENT = '-pdf-ready-to-print';

/** Electron's reasons (docs/api/web-contents.md, patches/chromium/printing.patch). */
const CANCELLED_REASON = 'Print job canceled';
/** shell/browser/printing/printing_utils.cc GetDeviceNameToUse: no printer installed at all. */
const NO_PRINTER_REASONS = new Set([
  'No printers available on the network',
  'Failed to enumerate printers',
]);

export interface PdfPrinterOptions {
  /** Private folder for temp copies (inside the data directory); swept at start. */
  readonly tempDir: string;
  readonly readyTimeoutMs?: number;
  readonly removeRetry?: RemoveRetry;
}

export interface ShellPdfPrinter extends DocumentPrinter {
  /** Removes copies left by an earlier run. */
  sweep(): Promise<void>;
  /** Resolves when background removals of temp copies are done (quit and tests wait). */
  idle(): Promise<void>;
}

function waitForReady(contents: WebContents, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      contents.removeListener(PDF_READY_EVENT as 'destroyed', onReady);
      resolve(false);
    }, timeoutMs);
    // The event is not in Electron's typings (it is internal), hence the cast.
    contents.once(PDF_READY_EVENT as 'destroyed', onReady);
  });
}

function printOnce(
  contents: WebContents,
  request: PrintRequest,
): Promise<{ ok: boolean; reason: string }> {
  return new Promise((resolve) => {
    contents.print(
      {
        silent: false,
        copies: request.copies,
        printBackground: true,
        ...(request.printer ? { deviceName: request.printer } : {}),
      },
      (ok, reason) => resolve({ ok, reason }),
    );
  });
}

export function createPdfPrinter(options: PdfPrinterOptions): ShellPdfPrinter {
  const temp = new PrintTempFiles(options.tempDir);
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const pending = new Set<Promise<unknown>>();

  const removeLater = (file: string) => {
    const job = removeWithRetry(file, options.removeRetry).finally(() => pending.delete(job));
    pending.add(job);
  };

  /** No printer driver on this machine: let the system PDF viewer show it (and print or save). */
  async function preview(pdf: Buffer, request: PrintRequest): Promise<PrintJobResult> {
    // The viewer keeps this copy open after we return: it is removed by the next start's sweep.
    const file = await temp.write(pdf, request.title);
    const error = await shell.openPath(file);
    return error === ''
      ? { outcome: 'PREVIEWED', printer: null, copies: request.copies }
      : { outcome: 'FAILED', printer: null, copies: request.copies, detail: `openPath: ${error}` };
  }

  async function print(pdf: Buffer, request: PrintRequest): Promise<PrintJobResult> {
    const file = await temp.write(pdf, request.title);
    const win = new BrowserWindow({
      show: false,
      title: request.title,
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
    const contents = win.webContents;
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    try {
      const printers = await contents.getPrintersAsync();
      if (printers.length === 0) return await preview(pdf, request);
      const printer =
        request.printer ?? (printers.length === 1 ? (printers[0]?.name ?? null) : null);
      const base = { printer, copies: request.copies };

      const ready = waitForReady(contents, readyTimeoutMs);
      await contents.loadFile(file);
      if (!(await ready)) {
        return { ...base, outcome: 'FAILED', detail: 'PDF viewer never became ready to print' };
      }
      const { ok, reason } = await printOnce(contents, request);
      if (ok) return { ...base, outcome: 'PRINTED' };
      if (reason === CANCELLED_REASON) return { ...base, outcome: 'CANCELLED' };
      if (NO_PRINTER_REASONS.has(reason)) return await preview(pdf, request);
      return { ...base, outcome: 'FAILED', detail: reason || 'unknown print failure' };
    } finally {
      if (!win.isDestroyed()) win.destroy();
      // In the background: on Windows the spooler may hold the file for a while (EBUSY).
      removeLater(file);
    }
  }

  return {
    print,
    sweep: async () => {
      await temp.sweep();
    },
    idle: async () => {
      await Promise.all([...pending]);
    },
  };
}
