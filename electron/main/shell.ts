import path from 'node:path';
import { app, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { startCoreRouter, type CoreRouter } from '../core/core-router.js';
import { startupFailureMessage } from '../core/startup-message.js';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol.js';
import { registerIpcDoor } from './ipc-door.js';
import { createMainWindow, focusWindow, guardContents } from './main-window.js';
import { createPdfPrinter, type ShellPdfPrinter } from './print-pdf.js';
import { lockDownSession } from './session-lockdown.js';

/**
 * The Electron lifecycle of the desk, in the order Electron requires: scheme privileges before
 * `ready`, single-instance lock, then (after `ready`) session lock-down, app:// protocol, ledger,
 * the IPC door and the window. Other shell features (notifications…) hook onto the promise it
 * returns (see main.ts) instead of editing this sequence.
 */

export interface ShellOptions {
  /** The folder of the bundled main script (dist/electron): renderer, preload, fonts sit beside. */
  readonly mainDir: string;
}

export interface StartedShell {
  /** Routes requests to the core worker (ledger, services, documents run there). */
  readonly core: CoreRouter;
  readonly window: BrowserWindow;
  readonly printer: ShellPdfPrinter;
  /** The data folder in use (ledger, backups, the notifier's small state file). */
  readonly dataDir: string;
}

export type ShellStart =
  | { readonly kind: 'SECOND_INSTANCE' }
  | { readonly kind: 'FAILED' }
  | ({ readonly kind: 'STARTED' } & StartedShell);

function dataDirectory(): string {
  // Tests and portable installs may point the app elsewhere; otherwise the OS user-data folder.
  const override = process.env.MEDIATION_DESK_DATA_DIR;
  return override && override.trim() !== '' ? path.resolve(override) : app.getPath('userData');
}

function coreWorkerPath(mainDir: string): string {
  // Unpackaged runs (the tests of this shell) may point at a freshly built worker; the packaged
  // app only ever loads the one beside its main script.
  const override = process.env.MEDIATION_DESK_CORE_WORKER;
  return !app.isPackaged && override ? override : path.join(mainDir, 'core-worker.cjs');
}

export function startShell(options: ShellOptions): Promise<ShellStart> {
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);

  // Two instances on one ledger would mean two writers and two migrations at once.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve({ kind: 'SECOND_INSTANCE' });
  }

  let core: CoreRouter | null = null;
  let printer: ShellPdfPrinter | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => app.quit());

  // Let the requests already asked, a running backup (and the removal of print copies) finish
  // before the core worker closes the ledger and ends. Every quit request until then is held,
  // not only the first: a second click on close while a backup runs must not tear the ledger
  // down under it.
  let closing = false;
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const open = core;
    void Promise.all([open.shutdown(), printer?.idle()])
      .catch((error: unknown) => console.error('[main] waiting before quit failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  return app.whenReady().then(async (): Promise<ShellStart> => {
    lockDownSession(session.defaultSession);
    registerAppProtocol(protocol, path.join(options.mainDir, '..', 'renderer'));
    const dataDir = dataDirectory();
    const shellPrinter = createPdfPrinter({ tempDir: path.join(dataDir, 'print-temp') });
    try {
      core = await startCoreRouter({
        workerPath: coreWorkerPath(options.mainDir),
        dataDir,
        appVersion: app.getVersion(),
        dailyBackup: true,
        fontsDir: path.join(options.mainDir, '..', 'fonts'),
        templatesDir: path.join(options.mainDir, '..', 'templates'),
        printer: shellPrinter,
        folderOpener: {
          open: async (directory) => {
            const failure = await shell.openPath(directory);
            if (failure) throw new Error(failure);
          },
        },
      });
    } catch (error) {
      // Without this the window never appears and the single-instance lock keeps the next
      // launch from starting either.
      console.error('[main] could not start:', error);
      dialog.showErrorBox('调解工作台无法启动', startupFailureMessage(error));
      app.exit(1);
      return { kind: 'FAILED' };
    }
    printer = shellPrinter;
    // Copies a crash or a still-open viewer left behind; personal data must not linger. Done
    // before the IPC door opens, so the sweep never meets a job that is printing.
    await shellPrinter.sweep().catch((error: unknown) => {
      console.error('[main] sweeping print copies failed:', error);
    });
    registerIpcDoor(ipcMain, () => core);
    const win = createMainWindow({
      preloadPath: path.join(options.mainDir, 'preload.cjs'),
      isPackaged: app.isPackaged,
    });
    mainWindow = win;
    win.on('closed', () => {
      mainWindow = null;
    });
    return { kind: 'STARTED', core, window: win, printer: shellPrinter, dataDir };
  });
}
