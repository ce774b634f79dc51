import { EventEmitter } from 'node:events';
import fs from 'node:fs';

/**
 * A stand-in for the `electron` module (tests only, never shipped), so the shell's own code —
 * electron/main/main.ts, the IPC door, print-pdf.ts — runs under vitest without the binary.
 *
 * It enforces the ordering rules the real Electron enforces (docs/api/protocol.md: privileged
 * schemes only before `ready`; BrowserWindow and session.defaultSession only after; one
 * ipcMain.handle per channel, the same error text as lib/browser/ipc-main-impl.ts) plus one of
 * ours: the IPC door opens only after `ready`, once the ledger is up. It records windows,
 * handlers, protocol responses, IPC calls and print calls so tests can assert on them.
 * Use with `vi.doMock('electron', () => fake.module)` and a fresh module graph.
 */

export interface FakeFrame {
  readonly url: string;
  readonly detached: boolean;
  readonly parent: FakeFrame | null;
  readonly top: FakeFrame | null;
}

/** A top frame (parent null) or a sub-frame of `parent`. */
export function fakeFrame(
  url: string,
  parent: FakeFrame | null = null,
  detached = false,
): FakeFrame {
  const frame: { url: string; detached: boolean; parent: FakeFrame | null; top: FakeFrame | null } =
    { url, detached, parent, top: null };
  frame.top = parent ? (parent.top ?? parent) : frame;
  return frame;
}

export interface PrinterInfoLike {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly options: Record<string, string>;
}

/** What the next print job meets. */
export interface PrintScript {
  printers: PrinterInfoLike[];
  /** Emit the PDF viewer's ready signal after loadFile (false: it never comes). */
  viewerReady: boolean;
  /** The callback Electron will make: [success, failureReason]. */
  result: [boolean, string];
}

export interface PrintCall {
  readonly options: Record<string, unknown>;
  /** Whether the viewer had signalled ready when print() was called. */
  readonly afterReady: boolean;
  /** The file the window had loaded, and whether it still existed at print time. */
  readonly file: string | null;
  readonly fileExisted: boolean;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  loadedUrl: string | null = null;
  loadedFile: string | null = null;
  readySignalled = false;
  destroyed = false;

  constructor(private readonly world: FakeElectron) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }

  async loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    this.loadedUrl = `file://${file}`;
    if (this.world.printScript.viewerReady) {
      // Like Chromium: the viewer finishes laying the PDF out after the load has resolved.
      setTimeout(() => {
        this.readySignalled = true;
        this.emit('-pdf-ready-to-print');
      }, 5);
    }
  }

  async getPrintersAsync(): Promise<PrinterInfoLike[]> {
    return this.world.printScript.printers;
  }

  print(options: Record<string, unknown>, callback: (ok: boolean, reason: string) => void): void {
    const file = this.loadedFile;
    this.world.printCalls.push({
      options,
      afterReady: this.readySignalled,
      file,
      fileExisted: file !== null && fs.existsSync(file),
    });
    const [ok, reason] = this.world.printScript.result;
    setTimeout(() => callback(ok, reason), 1);
  }

  /** Test helper: would navigation to `url` go ahead? */
  navigate(url: string, event = 'will-navigate'): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  destroyed = false;
  shown = false;
  focused = 0;
  minimized = false;

  constructor(
    private readonly world: FakeElectron,
    readonly options: Record<string, unknown>,
  ) {
    super();
    if (!world.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.webContents = new FakeWebContents(world);
    world.windows.push(this);
    world.app.emit('web-contents-created', {}, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused += 1;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
}

type Handler = (...args: unknown[]) => unknown;

class FakeApp extends EventEmitter {
  quitCalls = 0;
  exitCode: number | null = null;
  /** Set once a quit was not prevented by any before-quit listener. */
  quitCompleted = false;
  isPackaged = false;

  constructor(private readonly world: FakeElectron) {
    super();
  }

  whenReady(): Promise<void> {
    return this.world.readyPromise;
  }
  isReady(): boolean {
    return this.world.ready;
  }
  requestSingleInstanceLock(): boolean {
    return this.world.singleInstanceLock;
  }
  getPath(name: string): string {
    return `/fake-electron/${name}`;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  quit(): void {
    this.quitCalls += 1;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.quitCompleted = true;
      this.emit('will-quit', { preventDefault: () => undefined });
      this.emit('quit');
    }
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

/** A desktop notification as the shell made it (Electron's Notification, main process only). */
export class FakeNotification extends EventEmitter {
  shown = false;
  readonly title: string;
  readonly body: string;

  constructor(world: FakeElectron, options: { title?: string; body?: string }) {
    super();
    if (!world.ready) throw new Error('Notification can only be used after the app is ready');
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    world.notifications.push(this);
  }

  show(): void {
    this.shown = true;
  }
}

export class FakeElectron {
  ready = false;
  singleInstanceLock = true;
  readonly windows: FakeBrowserWindow[] = [];
  readonly privilegedSchemes: unknown[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocolResponses: { url: string; status: number }[] = [];
  readonly ipcHandlers = new Map<string, Handler>();
  readonly ipcCalls: { channel: string; args: unknown[]; result: unknown }[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly openedPaths: string[] = [];
  openPathResult = '';
  readonly printCalls: PrintCall[] = [];
  readonly notifications: FakeNotification[] = [];
  /** Notification.isSupported() (false on a Linux desktop without a notification daemon). */
  notificationsSupported = true;
  printScript: PrintScript = {
    printers: [
      { name: 'Office_Printer', displayName: 'Office Printer', description: '', options: {} },
    ],
    viewerReady: true,
    result: [true, ''],
  };
  /** Electron's powerMonitor: tests emit 'lock-screen' / 'suspend' on it. */
  readonly powerMonitor = new EventEmitter();
  readonly partitionPermissionHandlers = new Map<string, Handler>();
  readonly session = {
    permissionRequestHandler: null as Handler | null,
    permissionCheckHandler: null as Handler | null,
    devicePermissionHandler: null as Handler | null,
    beforeRequest: null as Handler | null,
  };

  readonly app: FakeApp;
  private resolveReady: () => void = () => undefined;
  readonly readyPromise: Promise<void>;

  constructor() {
    this.app = new FakeApp(this);
    this.readyPromise = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }

  /** Fires `ready`, as Electron does once Chromium is up. */
  emitReady(): void {
    this.ready = true;
    this.app.emit('ready');
    this.resolveReady();
  }

  /** Calls the registered handler as Electron would for an invoke from `senderFrame`. */
  async invoke(
    channel: string,
    senderFrame: FakeFrame | null,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const result = await handler({ senderFrame, sender: {} }, ...args);
    this.ipcCalls.push({ channel, args, result });
    return result;
  }

  /** Requests a URL through the app:// handler, as the renderer would. */
  async fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = this.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`No protocol handler for ${scheme}`);
    const response = await handler(new Request(url));
    this.protocolResponses.push({ url, status: response.status });
    return response;
  }

  /** The object to hand to vi.doMock('electron', …). */
  get module(): Record<string, unknown> {
    return electronModuleOf(this);
  }
}

function electronModuleOf(world: FakeElectron): Record<string, unknown> {
  const requireReady = (what: string) => {
    if (!world.ready) throw new Error(`${what} can only be used after the app is ready`);
  };
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Record<string, unknown> = {}) {
      super(world, options);
    }
    static getAllWindows() {
      return world.windows.filter((w) => !w.destroyed);
    }
  }
  class Notification extends FakeNotification {
    constructor(options: { title?: string; body?: string } = {}) {
      super(world, options);
    }
    static isSupported() {
      return world.notificationsSupported;
    }
  }
  const mod = {
    app: world.app,
    powerMonitor: world.powerMonitor,
    BrowserWindow,
    Notification,
    dialog: {
      showErrorBox: (title: string, content: string) => world.errorBoxes.push({ title, content }),
    },
    shell: {
      openPath: async (p: string) => {
        world.openedPaths.push(p);
        return world.openPathResult;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        // docs/api/protocol.md: "This method can only be used before the ready event".
        if (world.ready) {
          throw new Error(
            'protocol.registerSchemesAsPrivileged should be called before app is ready',
          );
        }
        world.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        requireReady('protocol.handle');
        if (world.protocolHandlers.has(scheme)) throw new Error(`Scheme ${scheme} already handled`);
        world.protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        requireReady('ipcMain.handle (project rule: the door opens with the ledger)');
        if (world.ipcHandlers.has(channel)) {
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        }
        world.ipcHandlers.set(channel, handler);
      },
    },
    session: {
      fromPartition: (partition: string) => {
        requireReady('session.fromPartition');
        return {
          setPermissionRequestHandler: (h: Handler) =>
            world.partitionPermissionHandlers.set(partition, h),
        };
      },
      get defaultSession() {
        requireReady('session.defaultSession');
        return {
          setPermissionRequestHandler: (h: Handler) => (world.session.permissionRequestHandler = h),
          setPermissionCheckHandler: (h: Handler) => (world.session.permissionCheckHandler = h),
          setDevicePermissionHandler: (h: Handler) => (world.session.devicePermissionHandler = h),
          webRequest: {
            onBeforeRequest: (h: Handler) => (world.session.beforeRequest = h),
          },
        };
      },
    },
  };
  return { ...mod, default: mod };
}
