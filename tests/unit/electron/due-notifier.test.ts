import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dueNotice, msUntilHour } from '../../../electron/main/due-notifications.js';
import {
  DESK_RETRY_MS,
  startDueNotifier,
  type DueNotifier,
  type NotifierTimers,
} from '../../../electron/main/due-notifier.js';
import type { DispatchOptions } from '../../../electron/api/dispatch.js';
import type { Reminders } from '../../../domain/followups/followup-views.js';
import { settledWithInstalments, type SettledCase } from '../followups/followup-fixtures.js';
import { FakeElectron } from '../support/fake-electron.js';
import { signInVia } from '../support/signed-in-core.js';

/**
 * The desktop notification of due and overdue visits, on a real ledger with the stand-in
 * Electron's Notification: shown at start-up, once a day per item, never when switched off.
 */

let s: SettledCase;
let fake: FakeElectron;
let notifier: DueNotifier | null = null;
beforeEach(async () => {
  s = await settledWithInstalments();
  fake = new FakeElectron();
  fake.emitReady();
}, 60_000);
afterEach(() => {
  notifier?.stop();
  s.m.l.close();
});

const Notification = () => fake.module.Notification as never;
/** Every call the notifier made, with the options it passed through the door. */
let calls: { method: unknown; options: DispatchOptions | undefined }[] = [];
const core = () => ({
  dispatch: (m: unknown, i: unknown, o?: DispatchOptions) => {
    calls.push({ method: m, options: o });
    return s.m.l.core.dispatch(m, i, o);
  },
});

/** Timers the test fires by hand: the notifier's next check waits for the test, not a clock. */
class HandTimers implements NotifierTimers {
  pending: { run: () => void; ms: number } | null = null;
  set(run: () => void, ms: number): unknown {
    this.pending = { run, ms };
    return this.pending;
  }
  clear(handle: unknown): void {
    if (this.pending === handle) this.pending = null;
  }
  /** Runs the scheduled check and waits until it and the choice of the next are done. */
  async fire(n: DueNotifier): Promise<void> {
    const due = this.pending;
    if (!due) throw new Error('nothing scheduled');
    this.pending = null;
    due.run();
    await n.idle();
  }
}

function start(timers?: NotifierTimers): DueNotifier {
  calls = [];
  notifier = startDueNotifier({
    core: core(),
    Notification: Notification(),
    dataDir: s.m.l.dir,
    onClick: () => undefined,
    now: () => new Date('2026-04-23T02:00:00Z'),
    ...(timers ? { timers } : {}),
  });
  return notifier;
}

/** The start-up check runs in the background: wait for it to finish, however long it takes. */
async function settle(): Promise<void> {
  await notifier?.started;
}

describe('desktop notification of due visits', () => {
  it('shows the overdue visit at start-up, then not again the same day, even after a restart', async () => {
    // First instalment 04-15 + 7 days: the visit was due 04-22, one day overdue.
    s.setClock('2026-04-23T02:00:00Z');
    start();
    await settle();
    expect(fake.notifications).toHaveLength(1);
    const [n] = fake.notifications;
    expect(n?.title).toBe('调解工作台：已逾期 1 项');
    expect(n?.body).toContain('逾期1天·回访');
    expect(n?.shown).toBe(true);
    expect(await notifier?.check()).toBe(false);
    notifier?.stop();
    // A restart the same day reads what was shown from the file beside the ledger.
    start();
    await settle();
    expect(fake.notifications).toHaveLength(1);
    expect(fs.existsSync(path.join(s.m.l.dir, 'notified-reminders.json'))).toBe(true);
    // The next day it is shown again (still overdue).
    s.setClock('2026-04-24T02:00:00Z');
    expect(await notifier?.check()).toBe(true);
    expect(fake.notifications).toHaveLength(2);
    expect(fake.notifications[1]?.title).toBe('调解工作台：已逾期 1 项');
  });

  it('says nothing on a locked desk or one nobody is signed in to (no party data)', async () => {
    s.setClock('2026-04-23T02:00:00Z');
    await s.m.l.call('accounts.lock', {});
    start();
    await settle();
    expect(fake.notifications).toHaveLength(0);
    await s.m.l.call('accounts.signOut', {});
    expect(await notifier?.check()).toBe(false);
    expect(fake.notifications).toHaveLength(0);
    // signed in again, the same overdue visit is told
    await signInVia(s.m.l.core.dispatch);
    expect(await notifier?.check()).toBe(true);
    expect(fake.notifications).toHaveLength(1);
  });

  it('finds nobody at start-up, looks again each minute, and tells once someone has signed in', async () => {
    s.setClock('2026-04-23T02:00:00Z');
    await s.m.l.call('accounts.signOut', {});
    const timers = new HandTimers();
    const n = start(timers);
    await settle();
    expect(fake.notifications).toHaveLength(0);
    expect(timers.pending?.ms).toBe(DESK_RETRY_MS);
    // still nobody: nothing shown, asked again a minute later
    await timers.fire(n);
    expect(fake.notifications).toHaveLength(0);
    expect(timers.pending?.ms).toBe(DESK_RETRY_MS);
    // signed in but locked: still no party data on the screen
    await signInVia(s.m.l.core.dispatch);
    await s.m.l.call('accounts.lock', {});
    await timers.fire(n);
    expect(fake.notifications).toHaveLength(0);
    expect(timers.pending?.ms).toBe(DESK_RETRY_MS);
    await signInVia(s.m.l.core.dispatch);
    await timers.fire(n);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]?.title).toBe('调解工作台：已逾期 1 项');
    // done for the day: the next check is at the set hour (09:00 China time, 10:00 → tomorrow)
    expect(timers.pending?.ms).toBe(23 * 3_600_000);
  });

  it('never counts as activity at the desk: every call it makes is a background one', async () => {
    s.setClock('2026-04-23T02:00:00Z');
    const timers = new HandTimers();
    const n = start(timers);
    await settle();
    await timers.fire(n);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.options?.background !== true)).toEqual([]);
  });

  it('stays silent when switched off in 回访设置, and when nothing is due', async () => {
    s.setClock('2026-04-10T02:00:00Z');
    start();
    await settle();
    expect(fake.notifications).toHaveLength(0);
    const settings = await s.m.l.call<{ version: number }>('followups.getSettings', {});
    await s.m.l.call('followups.saveSettings', {
      afterDueDays: 7,
      afterAgreementDays: 15,
      notifyHour: 9,
      notifyEnabled: false,
      expectedVersion: settings.version,
    });
    s.setClock('2026-04-23T02:00:00Z');
    expect(await notifier?.check()).toBe(false);
    expect(fake.notifications).toHaveLength(0);
  });

  it('clicking brings the desk to the front', async () => {
    let clicked = 0;
    s.setClock('2026-04-23T02:00:00Z');
    notifier = startDueNotifier({
      core: core(),
      Notification: Notification(),
      dataDir: s.m.l.dir,
      onClick: () => {
        clicked += 1;
      },
    });
    await settle();
    fake.notifications[0]?.emit('click');
    expect(clicked).toBe(1);
  });
});

describe('due notice wording and timing (pure)', () => {
  const reminders = (days: number[]): Reminders => ({
    today: '2026-04-23',
    total: days.length,
    items: days.map((d, i) => ({
      kind: i % 2 === 0 ? 'VISIT' : 'CASE_DUE',
      stage: d < 0 ? 'OVERDUE' : 'DUE_TODAY',
      date: '2026-04-23',
      daysLeft: d,
      caseId: i + 1,
      caseNumber: `（2026）金峰调字第00${i + 1}号`,
      title: `案件${i + 1}`,
      label: '回访',
    })) as Reminders['items'],
  });

  it('counts today and overdue, lists overdue first, at most three lines', () => {
    const n = dueNotice(reminders([0, -3, 0, -1, 0]), new Set());
    expect(n?.title).toBe('调解工作台：今天到期 3 项，已逾期 2 项');
    expect(n?.body.split('\n')).toHaveLength(4);
    expect(n?.body.split('\n')[0]).toMatch(/^逾期3天/);
    expect(n?.body).toContain('等 5 项');
    expect(dueNotice(reminders([3, 7]), new Set())).toBeNull();
    const shown = new Set(n?.keys);
    expect(dueNotice(reminders([0, -3, 0, -1, 0]), shown)).toBeNull();
  });

  it('names no party: a case by its number, an unnumbered one by what it is', () => {
    const items = reminders([-1, 0]).items.map((r, i) => ({
      ...r,
      caseNumber: i === 0 ? r.caseNumber : null,
      title: i === 0 ? '王芳与扎西多杰婚姻家庭纠纷' : '李桂英与巴特尔邻里纠纷',
    }));
    const n = dueNotice({ ...reminders([-1, 0]), items }, new Set());
    expect(`${n?.title}${n?.body}`).not.toMatch(/王芳|扎西多杰|李桂英|巴特尔/);
    expect(n?.body.split('\n')).toEqual([
      '逾期1天·回访：（2026）金峰调字第001号',
      '今天·调解期限：未编号案件',
    ]);
  });

  it('waits until the set hour, China time', () => {
    // 02:00Z = 10:00 in China: 09:00 has passed, so tomorrow's 09:00 is 23 h away.
    expect(msUntilHour(new Date('2026-04-23T02:00:00Z'), 9)).toBe(23 * 3_600_000);
    expect(msUntilHour(new Date('2026-04-23T00:30:00Z'), 9)).toBe(30 * 60_000);
  });
});
