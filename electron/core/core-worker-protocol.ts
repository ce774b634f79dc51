import type { ApiEnvelope } from '../../domain/api/errors.js';

/**
 * The messages between the thread that routes requests (Electron's main process, the dev:web
 * host) and the core worker that owns the ledger. Plain structured-clone data only: the typed
 * door and its envelope are the same on both sides, this only carries them across.
 */

/** What the worker needs to open the core; everything else is fixed in the worker. */
export interface CoreWorkerConfig {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly dailyBackup: boolean;
  readonly hourlyBackupMs?: number;
  readonly fontsDir?: string;
  readonly templatesDir?: string;
  readonly exportsDir?: string;
  /** The routing thread can print (the Electron shell): services get a printer that asks it. */
  readonly hasPrinter: boolean;
  /** The routing thread can open a folder in the file manager (the Electron shell). */
  readonly hasFolderOpener: boolean;
  /** When the previous worker died unexpectedly (ISO time); shown to the user by system.status. */
  readonly restartedAfterCrashAt: string | null;
}

/** Work only the routing thread can do (it has Electron): print dialog, file manager. */
export type HostCall =
  | {
      readonly target: 'print';
      readonly pdf: Uint8Array;
      readonly request: { copies: number; title: string; printer?: string | null };
    }
  | { readonly target: 'openFolder'; readonly directory: string };

export type ToWorker =
  | {
      readonly type: 'call';
      readonly id: number;
      readonly method: unknown;
      readonly input: unknown;
      /** The main process's own call (DispatchOptions.background): no activity at the desk. */
      readonly background: boolean;
    }
  | {
      readonly type: 'host-reply';
      readonly id: number;
      readonly ok: boolean;
      readonly value?: unknown;
      readonly message?: string;
    }
  | { readonly type: 'shutdown' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'start-failed'; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly envelope: ApiEnvelope<unknown> }
  | { readonly type: 'host-call'; readonly id: number; readonly call: HostCall }
  | { readonly type: 'closed' };
