import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../domain/api/bridge.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { createAppCore } from '../core/app-core.js';
import { startupFailureMessage } from '../core/startup-message.js';
import type { AppCore } from '../core/app-core.js';
import { APP_HOST, APP_SCHEME, mimeTypeOf, resolveAppRequest } from './app-protocol-paths.js';
import { injectNonce, newNonce, securityHeaders } from './content-security-policy.js';
import { isAppUrl, isTrustedSender } from './navigation-policy.js';
import { createPdfPrinter } from './print-pdf.js';
import { buildWindowOptions } from './window-options.js';

// Must run before `ready`: app:// behaves like https (secure origin, fetch, no file:// powers).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

function dataDirectory(): string {
  // Tests and portable installs may point the app elsewhere; otherwise the OS user-data folder.
  const override = process.env.MEDIATION_DESK_DATA_DIR;
  return override && override.trim() !== '' ? path.resolve(override) : app.getPath('userData');
}

let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(rendererRoot, request.url);
    if (resolved.kind === 'forbidden') return new Response('Forbidden', { status: 403 });
    try {
      const nonce = newNonce();
      const body = await fs.promises.readFile(resolved.filePath);
      const headers = { 'Content-Type': mimeTypeOf(resolved.filePath), ...securityHeaders(nonce) };
      if (resolved.isIndex) {
        return new Response(injectNonce(body.toString('utf8'), nonce), { headers });
      }
      return new Response(body, { headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Nothing but the app's own scheme (and in-memory blobs for PDF previews) may be fetched.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_SCHEME}://${APP_HOST}/`) ||
      details.url.startsWith('blob:') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
}

function registerIpc(): void {
  ipcMain.handle(
    IPC_CHANNEL,
    async (event: IpcMainInvokeEvent, methodName: unknown, input: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender(
        frame
          ? { url: frame.url, detached: frame.detached, isMainFrame: frame === frame.top }
          : null,
      );
      if (!trusted) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: apiMessagesZhCN.forbiddenSender },
        };
      }
      if (!core) {
        return { ok: false, error: { code: 'INTERNAL', message: apiMessagesZhCN.internal } };
      }
      return core.dispatch(methodName, input);
    },
  );
}

function createWindow(): void {
  mainWindow = new BrowserWindow(buildWindowOptions({ preloadPath, isPackaged: app.isPackaged }));
  const wc = mainWindow.webContents;
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  wc.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
});

// Two instances on one ledger would mean two writers and two migrations at once.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('window-all-closed', () => app.quit());
  // Let a running backup finish before the ledger closes, then quit for real.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    const closing = core;
    void closing.whenIdle().then(() => {
      closing.close();
      app.quit();
    });
  });

  void app.whenReady().then(async () => {
    lockDownSession();
    registerAppProtocol();
    try {
      core = await createAppCore({
        dataDir: dataDirectory(),
        appVersion: app.getVersion(),
        dailyBackup: true,
        fontsDir: path.join(__dirname, '..', 'fonts'),
        templatesDir: path.join(__dirname, '..', 'templates'),
        printer: createPdfPrinter(),
      });
    } catch (error) {
      // Without this the window never appears and the single-instance lock keeps the next
      // launch from starting either.
      console.error('[main] could not start:', error);
      dialog.showErrorBox('调解工作台无法启动', startupFailureMessage(error));
      app.exit(1);
      return;
    }
    registerIpc();
    createWindow();
  });
}
