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

export interface DueNotifierOptions {
  readonly core: { readonly dispatch: Dispatch };
  readonly Notification: NotificationApi;
  /** Where the "already shown today" list lives (beside the ledger). */
  readonly dataDir: string;
  /** Brings the desk to the front when the notification is clicked. */
  readonly onClick: () => void;
  readonly now?: () => Date;
  readonly log?: (message: string, error?: unknown) => void;
}

export interface DueNotifier {
  /** Checks now (start-up, or the set hour): shows at most one notification. */
  check(): Promise<boolean>;
  /** Settles when the start-up check is done (shown or not): tests wait for it, never a timer. */
  readonly started: Promise<void>;
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
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const call = async <T>(method: string, input: unknown): Promise<T | null> => {
    const res = await options.core.dispatch(method, input);
    return res.ok ? (res.value as T) : null;
  };

  async function check(): Promise<boolean> {
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

  async function scheduleNext(): Promise<void> {
    if (stopped) return;
    const settings = await call<{ notifyHour: number }>('followups.getSettings', {});
    const delay = msUntilHour(now(), settings?.notifyHour ?? 9);
    timer = setTimeout(() => {
      void check()
        .catch((error: unknown) => log('[notify] check failed:', error))
        .finally(() => void scheduleNext());
    }, delay);
    // A pending notification must never keep the app (or a test) alive.
    timer.unref();
  }

  const started = check()
    .then(() => undefined)
    .catch((error: unknown) => log('[notify] check failed:', error))
    .finally(() => void scheduleNext());

  return {
    check,
    started,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
