import fs from 'node:fs';
import path from 'node:path';
import type { Dispatch } from '../api/dispatch.js';
import type { Reminders } from '../../domain/followups/followup-views.js';
import { dueNotice, msUntilHour } from './due-notifications.js';

/** The parts of Electron the notifier uses (the real module in the app, a stand-in in tests). */
export interface NotificationApi {
  isSupported(): boolean;
  new (options: { title: string; body: string; silent?: boolean }): {
    show(): void;
    on(event: 'click', listener: () => void): unknown;
  };
}

/** A timer the notifier can be given (tests fire it by hand instead of waiting). */
export interface NotifierTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: NotifierTimers = {
  set: (run, ms) => {
    const timer = setTimeout(run, ms);
    // A pending notification must never keep the app (or a test) alive.
    timer.unref();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How soon to look again while nobody is signed in or the desk is locked. */
export const DESK_RETRY_MS = 60_000;

export interface DueNotifierOptions {
  readonly core: { readonly dispatch: Dispatch };
  readonly Notification: NotificationApi;
  /** Where the "already shown today" list lives (beside the ledger). */
  readonly dataDir: string;
  /** Brings the desk to the front when the notification is clicked. */
  readonly onClick: () => void;
  readonly now?: () => Date;
  readonly log?: (message: string, error?: unknown) => void;
  readonly timers?: NotifierTimers;
}

export interface DueNotifier {
  /** Checks now (start-up, or the set hour): shows at most one notification. */
  check(): Promise<boolean>;
  /** Settles when the start-up check is done (shown or not): tests wait for it, never a timer. */
  readonly started: Promise<void>;
  /** Settles when the latest check and the choice of the next one are done. */
  idle(): Promise<void>;
  stop(): void;
}

interface ShownLog {
  day: string;
  keys: string[];
}

const LOG_FILE = 'notified-reminders.json';

function readLog(file: string): ShownLog {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ShownLog>;
    if (typeof parsed.day === 'string' && Array.isArray(parsed.keys)) {
      return { day: parsed.day, keys: parsed.keys.filter((k) => typeof k === 'string') };
    }
  } catch {
    // Missing or broken: nothing shown yet today; the worst case is one repeated notice.
  }
  return { day: '', keys: [] };
}

function writeLog(file: string, log: ShownLog): void {
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(log), { mode: 0o600 });
  fs.renameSync(temp, file);
}

/**
 * Desktop notification of visits and deadlines due today or overdue: once at start-up and then
 * every day at the hour set in 回访设置, each item at most once a day, nothing when the switch is
 * off. Reads the ledger only through the API (`followups.getSettings`, `reminders.get`), like the
 * renderer, so a damaged or busy ledger just means no notice.
 */
export function startDueNotifier(options: DueNotifierOptions): DueNotifier {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e));
  const file = path.join(options.dataDir, LOG_FILE);
  const timers = options.timers ?? realTimers;
  let timer: unknown = null;
  let stopped = false;
  // Set by a call the desk refused (nobody signed in, locked): the check is owed, not done.
  let deskAway = false;

  // `background`: the notifier is not the person at the desk, so its calls never count as
  // activity for the idle lock; the door still refuses them while nobody may see party data.
  const call = async <T>(method: string, input: unknown): Promise<T | null> => {
    const res = await options.core.dispatch(method, input, { background: true });
    if (!res.ok && (res.error.code === 'NOT_SIGNED_IN' || res.error.code === 'DESK_LOCKED')) {
      deskAway = true;
    }
    return res.ok ? (res.value as T) : null;
  };

  async function check(): Promise<boolean> {
    deskAway = false;
    if (!options.Notification.isSupported()) return false;
    const settings = await call<{ notifyEnabled: boolean; notifyHour: number }>(
      'followups.getSettings',
      {},
    );
    if (!settings?.notifyEnabled) return false;
    const reminders = await call<Reminders>('reminders.get', {});
    if (!reminders) return false;
    const shown = readLog(file);
    const today = shown.day === reminders.today ? new Set(shown.keys) : new Set<string>();
    const notice = dueNotice(reminders, today);
    if (!notice) return false;
    const n = new options.Notification({ title: notice.title, body: notice.body });
    n.on('click', options.onClick);
    n.show();
    writeLog(file, { day: notice.day, keys: [...today, ...notice.keys] });
    return true;
  }

  /**
   * The start-up check, and the one at the set hour, find nobody at the desk as often as not
   * (the app starts before anyone signs in): then the check is owed and asked again every
   * minute until one succeeds, after which the next is at the set hour.
   */
  async function scheduleNext(): Promise<void> {
    if (stopped) return;
    let delay = DESK_RETRY_MS;
    if (!deskAway) {
      const settings = await call<{ notifyHour: number }>('followups.getSettings', {});
      delay = msUntilHour(now(), settings?.notifyHour ?? 9);
    }
    if (stopped) return;
    timer = timers.set(() => {
      latest = run();
    }, delay);
  }

  const run = (): Promise<void> =>
    check()
      .then(() => undefined)
      .catch((error: unknown) => log('[notify] check failed:', error))
      .then(() => scheduleNext())
      .catch((error: unknown) => log('[notify] scheduling failed:', error));

  let latest: Promise<void> = Promise.resolve();
  const started = run();
  latest = started;

  return {
    check,
    started,
    idle: () => latest,
    stop: () => {
      stopped = true;
      if (timer !== null) timers.clear(timer);
    },
  };
}
