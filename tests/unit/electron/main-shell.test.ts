import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../domain/api/bridge.js';
import type { ShellStart } from '../../../electron/main/shell.js';
import {
  NO_DISPLAY_MESSAGE,
  RUN_AS_ROOT_MESSAGE,
} from '../../../electron/main/startup-environment.js';
import { coreWorkerBundle } from '../support/core-worker-bundle.js';
import { FakeElectron, fakeFrame } from '../support/fake-electron.js';
import { tempDir } from '../support/temp-dir.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import { signInVia, TEST_PEOPLE } from '../support/signed-in-core.js';

// electron/main/main.ts itself, run against the stand-in Electron: start-up order, the single
// instance, quitting while a backup runs, the IPC door and the window's navigation rules.

const savedEnv = { ...process.env };

beforeEach(async () => {
  // The shell runs the core in a worker thread, which needs the bundled worker script.
  process.env.MEDIATION_DESK_CORE_WORKER = await coreWorkerBundle();
  // The suite may run as root and without a display (CI containers); the app would refuse both.
  vi.spyOn(process, 'getuid').mockReturnValue(1000);
  process.env.DISPLAY = ':0';
});

const running: { shutdown(): Promise<void> }[] = [];

afterEach(async () => {
  // Each boot started a core worker: end it before its temp folder goes.
  await Promise.all(running.splice(0).map((core) => core.shutdown()));
  vi.restoreAllMocks();
  vi.doUnmock('electron');
  vi.doUnmock('../../../electron/core/core-router.js');
  process.env = { ...savedEnv };
});

interface Booted {
  readonly fake: FakeElectron;
  readonly started: Promise<ShellStart | null>;
  readonly dataDir: string;
}

async function loadMain(
  configure: (fake: FakeElectron) => void = () => undefined,
): Promise<Booted> {
  const fake = new FakeElectron();
  configure(fake);
  const dataDir = process.env.MEDIATION_DESK_DATA_DIR ?? tempDir('shell');
  process.env.MEDIATION_DESK_DATA_DIR = dataDir;
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  const main = (await import('../../../electron/main/main.js')) as {
    started: Promise<ShellStart | null>;
  };
  return { fake, started: main.started, dataDir };
}

async function boot(configure?: (fake: FakeElectron) => void) {
  const booted = await loadMain(configure);
  booted.fake.emitReady();
  const start = await booted.started;
  if (start?.kind !== 'STARTED') throw new Error(`shell did not start: ${start?.kind}`);
  running.push(start.core);
  return { ...booted, start };
}

const APP_TOP = () => fakeFrame('app://main/index.html');

describe('start-up', () => {
  it('registers the app scheme before ready and opens the locked-down window after it', async () => {
    const { fake, started } = await loadMain();
    // Before ready: the scheme is privileged, nothing else exists yet.
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);

    fake.emitReady();
    const start = await started;
    // Its core worker is ended before the temp folder goes (it may still be writing a backup).
    if (start?.kind === 'STARTED') running.push(start.core);
    expect(start?.kind).toBe('STARTED');
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.webContents.loadedUrl).toBe('app://main/index.html');
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_CHANNEL]);
    expect(fake.protocolHandlers.has('app')).toBe(true);

    // Every permission refused, every request outside app:// cancelled.
    const granted: boolean[] = [];
    fake.session.permissionRequestHandler?.({}, 'media', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(fake.session.permissionCheckHandler?.()).toBe(false);
    const decisions: unknown[] = [];
    fake.session.beforeRequest?.({ url: 'https://example.com/x' }, (d: unknown) =>
      decisions.push(d),
    );
    fake.session.beforeRequest?.({ url: 'app://main/assets/a.js' }, (d: unknown) =>
      decisions.push(d),
    );
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);

    // The renderer's first call goes through the door to the real ledger.
    const status = (await fake.invoke(IPC_CHANNEL, APP_TOP(), 'system.status', {})) as {
      ok: boolean;
    };
    expect(status.ok).toBe(true);
  });

  it('denies navigation away from app://main and every new window', async () => {
    const { fake } = await boot();
    const wc = fake.windows[0]!.webContents;
    expect(wc.navigate('https://example.com/')).toBe(false);
    expect(wc.navigate('app://main.evil/index.html')).toBe(false);
    expect(wc.navigate('file:///etc/passwd', 'will-redirect')).toBe(false);
    expect(wc.navigate('app://main/cases')).toBe(true);
    expect(wc.windowOpenHandler?.({ url: 'app://main/x' })).toEqual({ action: 'deny' });
  });

  it('says in one sentence that the desk cannot start, and exits', async () => {
    vi.doMock('../../../electron/core/core-router.js', () => ({
      startCoreRouter: () => Promise.reject(new Error('disk gone')),
    }));
    const { fake, started } = await loadMain();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.emitReady();
    expect((await started)?.kind).toBe('FAILED');
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]!.title).toBe('调解工作台无法启动');
    expect(fake.app.exitCode).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it.each([
    ['as root', () => vi.spyOn(process, 'getuid').mockReturnValue(0), RUN_AS_ROOT_MESSAGE],
    [
      'without a display',
      () => {
        delete process.env.DISPLAY;
        delete process.env.WAYLAND_DISPLAY;
      },
      NO_DISPLAY_MESSAGE,
    ],
  ])('refuses to start %s with one Chinese sentence', async (_label, arrange, sentence) => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    arrange();
    const { fake, started } = await loadMain();
    expect(await started).toBeNull();
    expect(fake.errorBoxes).toEqual([{ title: '调解工作台无法启动', content: sentence }]);
    expect(fake.app.exitCode).toBe(1);
    expect(fake.privilegedSchemes).toHaveLength(0);
  });
});

describe('single instance', () => {
  it('a second launch quits at once and never touches the ledger', async () => {
    const { fake, started, dataDir } = await loadMain((f) => {
      f.singleInstanceLock = false;
    });
    expect((await started)?.kind).toBe('SECOND_INSTANCE');
    expect(fake.app.quitCalls).toBe(1);
    fake.emitReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('the running instance brings its window forward when a second launch knocks', async () => {
    const { fake } = await boot();
    const win = fake.windows[0]!;
    win.minimized = true;
    fake.app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
  });
});

describe('the OS lock', () => {
  it('locks the desk through the core when the screen locks or the machine sleeps', async () => {
    const { fake, start } = await boot();
    const door = (method: unknown, input: unknown) =>
      fake.invoke(IPC_CHANNEL, APP_TOP(), method, input) as Promise<ApiEnvelope<unknown>>;
    await signInVia(door);
    const dispatch = vi.spyOn(start.core, 'dispatch');
    fake.powerMonitor.emit('lock-screen');
    fake.powerMonitor.emit('suspend');
    expect(dispatch.mock.calls).toEqual([
      ['accounts.lock', {}],
      ['accounts.lock', {}],
    ]);
    // Each lock's answer, awaited: the desk is locked when the renderer next asks.
    await Promise.all(dispatch.mock.results.map((r) => r.value as Promise<unknown>));
    const session = (await door('accounts.session', {})) as {
      value: { locked: boolean; user: { loginName: string } };
    };
    expect(session.value.locked).toBe(true);
    expect(session.value.user.loginName).toBe(TEST_PEOPLE.DIRECTOR.loginName);
    const refused = (await door('dashboard.get', {})) as { ok: boolean; error: { code: string } };
    expect(refused.error.code).toBe('DESK_LOCKED');
  });
});

describe('quit', () => {
  it('waits for a running backup, even when quit is asked twice, then closes the ledger', async () => {
    const { fake, start, dataDir } = await boot();
    // Today's automatic copy is done (system.status says so); now a manual one.
    await vi.waitFor(
      async () => {
        const status = (await fake.invoke(IPC_CHANNEL, APP_TOP(), 'system.status', {})) as {
          value: { backup: { running: boolean; lastSuccessAt: string | null } };
        };
        expect(status.value.backup.running).toBe(false);
        expect(status.value.backup.lastSuccessAt).not.toBeNull();
      },
      { timeout: 20_000, interval: 50 },
    );
    // a backup is the director's (or administrator's): sign in through the window's door
    await signInVia(
      (method, input) =>
        fake.invoke(IPC_CHANNEL, APP_TOP(), method, input) as Promise<ApiEnvelope<unknown>>,
    );
    const backup = fake.invoke(IPC_CHANNEL, APP_TOP(), 'system.backupNow', {});
    fake.app.quit();
    fake.app.quit();
    expect(fake.app.quitCompleted).toBe(false);
    const result = (await backup) as { ok: boolean; value: { fileName: string } };
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(fake.app.quitCompleted).toBe(true));
    expect(fs.existsSync(path.join(dataDir, 'backups', result.value.fileName))).toBe(true);
    // The core worker has closed the ledger and ended: a late call is refused, not run.
    expect(start.core.worker).toBeNull();
    expect(await start.core.dispatch('system.status', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('the IPC door', () => {
  const refused = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝了来自未知页面的请求' } };

  it.each([
    ['a sub-frame of the app page', () => fakeFrame('app://main/frame.html', APP_TOP())],
    ['another origin', () => fakeFrame('https://example.com/')],
    ['a look-alike host', () => fakeFrame('app://main.evil/index.html')],
    ['a detached frame', () => fakeFrame('app://main/index.html', null, true)],
    ['no frame (navigated away)', () => null],
  ])('refuses %s', async (_label, frame) => {
    const { fake } = await boot();
    expect(await fake.invoke(IPC_CHANNEL, frame(), 'system.status', {})).toEqual(refused);
  });

  it('takes the top frame by its parent, not by comparing wrapper objects', async () => {
    const { fake } = await boot();
    // Electron may hand out distinct WebFrameMain objects for the same frame: `top` is then
    // not identical to the sender although the sender is the top frame (parent === null).
    const sender = { url: 'app://main/index.html', detached: false, parent: null, top: APP_TOP() };
    const result = (await fake.invoke(IPC_CHANNEL, sender, 'system.status', {})) as { ok: boolean };
    expect(result.ok).toBe(true);
  });

  it('hands everything else to the validating dispatcher', async () => {
    const { fake } = await boot();
    const result = (await fake.invoke(IPC_CHANNEL, APP_TOP(), 'system.dropTables', {})) as {
      ok: boolean;
      error: { code: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('UNKNOWN_METHOD');
  });
});

describe('the stand-in enforces Electron’s ordering', () => {
  it('refuses privileged schemes after ready, windows before it, and a second handler', async () => {
    const fake = new FakeElectron();
    const m = fake.module as {
      protocol: { registerSchemesAsPrivileged(s: unknown[]): void };
      ipcMain: { handle(c: string, h: () => void): void };
      BrowserWindow: new () => unknown;
    };
    expect(() => new m.BrowserWindow()).toThrow(/before app is ready/);
    expect(() => m.ipcMain.handle('x', () => undefined)).toThrow(/after the app is ready/);
    fake.emitReady();
    expect(() => m.protocol.registerSchemesAsPrivileged([])).toThrow(/before app is ready/);
    m.ipcMain.handle('x', () => undefined);
    expect(() => m.ipcMain.handle('x', () => undefined)).toThrow(/second handler/);
  });
});
