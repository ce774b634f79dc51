import { BrowserWindow } from 'electron';
import type { WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol-paths.js';
import { isAppUrl } from './navigation-policy.js';
import { buildWindowOptions } from './window-options.js';

/** Every web contents (windows, the print window, anything added later) may not leave the app. */
export function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(input: {
  readonly preloadPath: string;
  readonly isPackaged: boolean;
}): BrowserWindow {
  const win = new BrowserWindow(buildWindowOptions(input));
  guardContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
  return win;
}

/** A second launch brings the open window forward instead of starting a second writer. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}
