import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { acceptedCase, openDesk, setUpRoom } from './support/desk';
import { E2E_DIRECTOR, hostApi } from './support/dev-web-host';
import { grasslandIntake } from './support/grassland-intake';
import { saveMediator } from './support/mediator-setup';
import { firstShown, markFirstShown, watchRenders } from './support/render-count';

// A loaded machine may take seconds for a step: vitest's poll gives up after one by default.
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000 });

const BOARD_METHODS = ['dashboard.get', 'reminders.get', 'calendar.week'] as const;

interface Call {
  readonly method: string;
  /** API answers the page had received when it made this call */
  readonly answersBefore: number;
}

/** The board and the week's days drawn: every request of the 工作台 answered. */
async function boardShown(page: Page): Promise<void> {
  await page.getByTestId('dashboard-month').waitFor();
  await page
    .getByTestId('dashboard-calendar')
    .locator('[data-testid^="calendar-day-"]')
    .first()
    .waitFor();
}

/**
 * Records the API methods the page asks for (at the network) and holds the requests of `held`
 * until `release()`, or until `releasedBy` is asked for.
 */
async function holdCalls(page: Page, held: string, releasedBy?: string) {
  const asked: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api', async (route) => {
    const { method } = route.request().postDataJSON() as { method: string };
    asked.push(method);
    if (method === releasedBy) release();
    if (method === held) await gate;
    return route.continue();
  });
  return { asked, release };
}

/**
 * Records, in the page, each API call in the order the page made it (one thread: the code's
 * order), and each answer's outcome (`ok` or the refusal's code) in the order they came.
 */
function recordCalls(): void {
  const w = globalThis as unknown as {
    fetch: typeof fetch;
    __calls: Call[];
    __answers: number;
    __outcomes: string[];
  };
  const send = w.fetch;
  w.__calls = [];
  w.__answers = 0;
  w.__outcomes = [];
  w.fetch = (url, init) => {
    if (typeof init?.body !== 'string') return send.call(globalThis, url, init);
    const { method } = JSON.parse(init.body) as { method: string };
    w.__calls.push({ method, answersBefore: w.__answers });
    return send.call(globalThis, url, init).then(async (answer) => {
      const envelope = (await answer.clone().json()) as { ok: boolean; error?: { code: string } };
      w.__outcomes.push(`${method} ${envelope.ok ? 'ok' : envelope.error?.code}`);
      w.__answers += 1;
      return answer;
    });
  };
}

/**
 * Issue 13, the 工作台 reload: the reminders and the week are asked for beside the board's own
 * request (sent first, with the page's first render), not once its answer has drawn the board. The board's answer is held by the test
 * until the other two requests have left: an order of requests, not a time.
 */
describe('工作台 requests (real ledger, Chromium)', () => {
  const browser = sharedBrowser();

  it('asks for the reminders and the week without waiting for the board', async () => {
    const desk = await openDesk(browser(), 'dashboard-requests');
    const { page } = desk;
    page.setDefaultTimeout(60_000);
    try {
      // The order the page called its API in (one thread: the order is the code's, not the
      // network's).
      await page.addInitScript(() => {
        const w = globalThis as unknown as { fetch: typeof fetch; __apiOrder: string[] };
        const send = w.fetch;
        w.__apiOrder = [];
        w.fetch = (url, init) => {
          if (typeof init?.body === 'string')
            w.__apiOrder.push((JSON.parse(init.body) as { method: string }).method);
          return send.call(globalThis, url, init);
        };
      });
      await setUpRoom(page, desk.host.url, '金峰');
      await page.getByTestId('dashboard-month').waitFor();

      const { asked, release } = await holdCalls(page, 'dashboard.get');
      await page.reload();
      const sent = (method: string) => Promise.resolve(asked.includes(method));
      await eventually(() => sent('reminders.get')).toBe(true);
      await eventually(() => sent('calendar.week')).toBe(true);
      // Still held: the board has not been drawn, the two cards have.
      expect(await page.getByTestId('dashboard-month').count()).toBe(0);
      expect(await page.getByTestId('dashboard-reminders').count()).toBe(1);
      release();
      await boardShown(page);

      // The board's answer keeps the cards (no second mount, no second request).
      const once = BOARD_METHODS.map((m) => asked.filter((a) => a === m).length);
      expect(once).toEqual([1, 1, 1]);
      // The board's own request first: the core answers one at a time, and the cards' effects
      // run before the page's.
      const order = (await page.evaluate('window.__apiOrder')) as string[];
      const at = BOARD_METHODS.map((m) => order.indexOf(m));
      expect(at[0]).toBeGreaterThanOrEqual(0);
      expect(at[0]).toBeLessThan(Math.min(at[1]!, at[2]!));
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 300_000);

  /** A room set up and its 工作台 shown, the page recording its calls; `run`, then no errors. */
  async function onBoard(
    label: string,
    run: (page: Page, hostUrl: string) => Promise<void>,
  ): Promise<void> {
    const desk = await openDesk(browser(), label);
    const { page } = desk;
    page.setDefaultTimeout(60_000);
    try {
      await page.addInitScript(recordCalls);
      await setUpRoom(page, desk.host.url, '金峰');
      await page.getByTestId('dashboard-month').waitFor();
      await run(page, desk.host.url);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  }

  it('asks for the session and the board beside the status, once', async () => {
    await onBoard('dashboard-boot', async (page) => {
      // the status is answered only once the session has been asked for: in series, never
      const { asked } = await holdCalls(page, 'system.status', 'accounts.session');
      await page.reload();
      await boardShown(page);
      await page.unrouteAll({ behavior: 'wait' });

      const calls = (await page.evaluate('window.__calls')) as Call[];
      expect(calls.slice(0, 3)).toEqual([
        { method: 'system.status', answersBefore: 0 },
        { method: 'accounts.session', answersBefore: 0 },
        // sent by the entry module with them, not after their answers (and ahead of the cards')
        { method: 'dashboard.get', answersBefore: 0 },
      ]);
      // the 工作台 drew the board asked for before it: no second request
      expect(asked.filter((m) => m === 'dashboard.get')).toEqual(['dashboard.get']);
    });
  }, 300_000);

  it('draws no board on a locked desk (the core refuses the one sent ahead), and asks once after the unlock', async () => {
    await onBoard('dashboard-boot-locked', async (page) => {
      await page.getByTestId('lock-desk').click();
      await page.getByTestId('lock-screen').waitFor();

      await page.reload();
      await page.getByTestId('lock-screen').waitFor();
      const calls = async () => (await page.evaluate('window.__calls')) as Call[];
      const outcomes = async () => (await page.evaluate('window.__outcomes')) as string[];
      const boardOutcomes = async () =>
        (await outcomes()).filter((o) => o.startsWith('dashboard.get'));
      // The board sent with the status and the session: the desk's door refuses it before
      // anything is read, so no party data reaches a locked desk's window.
      await eventually(boardOutcomes).toEqual(['dashboard.get DESK_LOCKED']);
      expect(await page.getByTestId('dashboard-month').count()).toBe(0);
      expect(await page.getByTestId('lock-screen').count()).toBe(1);

      await page.locator('input[type="password"]').fill(E2E_DIRECTOR.password);
      await page.locator('input[type="password"]').press('Enter');
      await page.getByTestId('dashboard-month').waitFor();
      // the refused one, and the 工作台's own after the unlock
      const boards = (await calls()).filter((c) => c.method === 'dashboard.get');
      expect(boards).toHaveLength(2);
      expect(await boardOutcomes()).toEqual(['dashboard.get DESK_LOCKED', 'dashboard.get ok']);
    });
  }, 300_000);

  it('shows the lock screen, told at once, when the desk locks between the session’s answer and the board’s', async () => {
    await onBoard('dashboard-boot-lock-race', async (page, hostUrl) => {
      // The window's desk-session events (a refused call telling the gate to ask again).
      await page.addInitScript(() => {
        const w = globalThis as unknown as {
          __deskEvents: number;
          addEventListener(name: string, listener: () => void): void;
        };
        w.__deskEvents = 0;
        w.addEventListener('mediation-desk:desk-session', () => (w.__deskEvents += 1));
      });
      let sessionAnswered: () => void = () => undefined;
      const answered = new Promise<void>((resolve) => (sessionAnswered = resolve));
      let releaseCards: () => void = () => undefined;
      const cards = new Promise<void>((resolve) => (releaseCards = resolve));
      let raced = false;
      await page.route('**/api', async (route) => {
        const { method } = route.request().postDataJSON() as { method: string };
        if (method === 'accounts.session' && !raced) {
          // the session answers "signed in, unlocked": the board sent with it is kept
          await route.fulfill({ response: await route.fetch() });
          sessionAnswered();
          return;
        }
        if (method === 'dashboard.get' && !raced) {
          raced = true;
          // the desk locks (the idle timer, another window) after that answer, before the board's
          await answered;
          await hostApi(hostUrl, 'accounts.lock', {});
          return route.continue();
        }
        // the cards' own refusals would tell the gate too: held, only the board's can
        if (method === 'reminders.get' || method === 'calendar.week') await cards;
        return route.continue();
      });
      await page.reload();
      await page.getByTestId('lock-screen').waitFor();
      const outcomes = (await page.evaluate('window.__outcomes')) as string[];
      expect(outcomes.filter((o) => o.startsWith('dashboard.get'))).toEqual([
        'dashboard.get DESK_LOCKED',
      ]);
      // told by the refused board itself, not found by the gate's next poll (5 s later)
      expect(await page.evaluate('window.__deskEvents')).toBeGreaterThan(0);
      expect(await page.getByTestId('dashboard-month').count()).toBe(0);
      releaseCards();
      await page.unrouteAll({ behavior: 'wait' });
    });
  }, 300_000);

  it('draws the overdue rows with the board, each in a few elements', async () => {
    await onBoard('dashboard-elements', async (page) => {
      const mediator = await saveMediator(page, '其木格', ['zh']);
      // Accepted in March 2026: due in April, overdue on any later day the test runs.
      for (let i = 1; i <= 3; i += 1) {
        const intake = { ...grasslandIntake(`第${i}起纠纷`), mediatorIds: [mediator.id] };
        await acceptedCase(page, intake as never, intake.intakeDate);
      }
      await watchRenders(page, 'DashboardPage');
      await markFirstShown(
        page,
        '[data-testid="dashboard-due-soon"]',
        'li[data-testid^="overdue-"]',
      );
      await page.reload();
      await boardShown(page);
      await page.getByTestId('dashboard-reminders').locator('li').first().waitFor();

      // The rows come in the commit that shows the board, not in a later one.
      expect((await firstShown(page))?.matching).toBe(3);
      // Elements per row (the row's own included), counted in the document: a case row is its
      // link and its three tags in two boxes, a reminder its four parts in one.
      const elementsPerRow = (selector: string) =>
        page.evaluate(
          (s) => [...document.querySelectorAll(s)].map((li) => li.querySelectorAll('*').length + 1),
          selector,
        );
      expect(await elementsPerRow('li[data-testid^="overdue-"]')).toEqual([7, 7, 7]);
      expect(await elementsPerRow('li[data-testid^="reminder-"]')).toEqual([6, 6, 6]);
    });
  }, 300_000);
});
