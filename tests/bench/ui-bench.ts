import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { agreementText } from '../../renderer/src/i18n/zh-CN/agreement.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { round, type BenchModule } from './bench-registry.js';
import { seedBenchLedger } from './seed-ledger.js';
import { E2E_DIRECTOR, hostApi, signInDirector } from '../e2e/support/dev-web-host.js';
import { fifteenPartyDraft } from '../e2e/support/fifteen-parties.js';
import {
  elementsAtRequest,
  markElementsAtRequest,
  takeRenders,
  watchRenders,
} from '../e2e/support/render-count.js';
import { createAppCore } from '../../electron/core/app-core.js';
import { readBackupRecord } from '../../db/backup-records.js';
import {
  describeLoad,
  longTaskMark,
  longTasksSince,
  pageLoad,
  styleWorkBetween,
  styleWorkMeter,
  watchLongTasks,
  type LongTasks,
  type StyleWork,
} from './ui-page-timeline.js';

/**
 * The UI latency budget of issue 13, measured as a mediator meets it: the built renderer in
 * Debian's Chromium against the real dev:web host (core worker, 100,000-case ledger), from the
 * user's action to the frame that shows the result. Each step prints its median UI time, the
 * time the API calls inside it took (their union, as the browser saw them) and the run's heap.
 * Not a test: the numbers are for the bench, and a shared machine inflates them.
 *
 * BENCH_REUSE_DB=<kept ledger> (see seed-ledger.ts; e.g. a 100,000-case ledger kept by an
 * earlier bench, with its `.audit.key` beside it) runs on a copy of it instead of seeding; the
 * copy is upgraded, its audit baseline built and the director set up before the timed start.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOST_SCRIPT = path.resolve('dist/dev-web/host.cjs');
const REPEAT = 7;

interface Step {
  readonly ui: number;
  readonly api: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Length of the union of time intervals (overlapping API calls counted once). */
function unionMs(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** Every /api call of the page, as start and end times on this process's clock. */
function watchApi(page: Page) {
  const started = new Map<object, number>();
  const done: [number, number][] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api')) started.set(r, performance.now());
  });
  const finish = (r: object) => {
    const s = started.get(r);
    if (s === undefined) return;
    started.delete(r);
    done.push([s, performance.now()]);
  };
  page.on('requestfinished', finish);
  page.on('requestfailed', finish);
  return {
    /** Runs `act` and returns its duration and the API time inside it. */
    async measure(act: () => Promise<void>): Promise<Step> {
      const from = done.length;
      const t0 = performance.now();
      await act();
      const t1 = performance.now();
      const inside = done
        .slice(from)
        .map(([s, e]) => [Math.max(s, t0), Math.min(e, t1)] as const)
        .filter(([s, e]) => e > s);
      return { ui: t1 - t0, api: unionMs(inside) };
    },
  };
}

/**
 * When the page sent one API method and got its answer (the last such call), on this process's
 * clock: splits a step into the client's work before the request, the request, and after it.
 */
function watchCall(page: Page, method: string, unless?: string) {
  const marker = `"method":${JSON.stringify(method)}`;
  const times = { sent: 0, answered: 0 };
  // `unless`: a second request of the same method that is not the step's (the exact count).
  const matches = (body: string) => body.includes(marker) && !(unless && body.includes(unless));
  page.on('request', (r) => {
    if (r.url().endsWith('/api') && matches(r.postData() ?? '')) {
      times.sent = performance.now();
      times.answered = 0;
    }
  });
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('/api') && matches(r.postData() ?? '')) {
      times.answered = performance.now();
    }
  });
  return times;
}

/** The first request of `method` since `reset()`: when it left and when it was answered. */
function firstCall(page: Page, method: string) {
  const marker = `"method":${JSON.stringify(method)}`;
  const times = {
    sent: 0,
    answered: 0,
    reset: () => Object.assign(times, { sent: 0, answered: 0 }),
  };
  let first: unknown = null;
  page.on('request', (r) => {
    if (times.sent === 0 && r.url().endsWith('/api') && (r.postData() ?? '').includes(marker)) {
      times.sent = performance.now();
      first = r;
    }
  });
  page.on('requestfinished', (r) => {
    if (r === first && times.answered === 0) times.answered = performance.now();
  });
  return times;
}

interface Split {
  /** action → request sent (the client's checks, debounce, renders before it) */
  readonly before: number;
  /** request sent → answered */
  readonly call: number;
  /** answered → result on screen (the renders after it) */
  readonly after: number;
}

/** Runs a step's action and splits its time around the one call it waits for. */
async function splitAround(
  call: { sent: number; answered: number },
  act: () => Promise<void>,
): Promise<Split> {
  const t0 = performance.now();
  await act();
  const t1 = performance.now();
  return { before: call.sent - t0, call: call.answered - call.sent, after: t1 - call.answered };
}

function printSplit(name: string, splits: readonly Split[]): Split {
  const split = {
    before: median(splits.map((s) => s.before)),
    call: median(splits.map((s) => s.call)),
    after: median(splits.map((s) => s.after)),
  };
  console.log(
    `    = ${name}: action → sent ${split.before.toFixed(0)} + call ${split.call.toFixed(0)} + answered → shown ${split.after.toFixed(0)} ms (medians)`,
  );
  return split;
}

/** Font files the page fetched (name → bytes), to see what the first screen downloads. */
function watchFonts(page: Page) {
  const fetched = new Map<string, number>();
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'font') return;
    const name = path.basename(new URL(r.url()).pathname);
    const file = path.resolve('dist/renderer/assets', name);
    fetched.set(name, fs.existsSync(file) ? fs.statSync(file).size : 0);
  });
  return {
    since(): { files: number; bytes: number } {
      return { files: fetched.size, bytes: [...fetched.values()].reduce((a, b) => a + b, 0) };
    },
  };
}

/**
 * A kept ledger is opened once before the timed start: an older one is migrated and gets its
 * audit baseline (minutes at 100,000 cases, and writes such as the director's set-up wait for
 * it), so the first screen measured is an ordinary morning's, not an upgrade's.
 */
export async function readyKeptLedger(dataDir: string): Promise<void> {
  const core = await createAppCore({ dataDir, appVersion: 'bench' });
  try {
    await core.ledger.whenChecked();
    await core.ledger.whenBaselined();
    const session = await core.dispatch('accounts.session', {});
    if (session.ok && !(session.value as { setUp: boolean }).setUp) {
      const made = await core.dispatch('accounts.setUp', E2E_DIRECTOR);
      if (!made.ok) throw new Error(`accounts.setUp: ${made.error.message}`);
      await core.dispatch('accounts.setIdleLock', { minutes: 60 });
    }
    await core.whenIdle();
  } finally {
    core.close();
  }
}

/** Resolves on the next painted frame after the DOM shows the result. */
// Strings, not functions: this file is type-checked for Node, without the DOM's types.
const nextFrame = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
const TABLE_SETTLED = "!document.querySelector('.ant-table .ant-spin-spinning')";
// A renderer without the marker (an older build run A/B) is settled once its spinner is gone.
const rowsOf = (query: string) =>
  `(document.querySelector('[data-testid="ledger-results"]')?.dataset.shownQuery ?? ${JSON.stringify(query)}) === ${JSON.stringify(query)}`;

/**
 * BENCH_UI_CORE_PROBE=1 (off by default: its calls would change what the steps measure): asks
 * `system.status` (answered on the core thread, no write gate) every 100 ms from host start, so
 * the longest answer shows how long the core thread was held by background work (backups).
 */
function probeCore(url: string, since: number) {
  const answers: { at: number; ms: number }[] = [];
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const sent = performance.now();
      await hostApi(url, 'system.status', {}).catch(() => undefined);
      answers.push({ at: sent - since, ms: performance.now() - sent });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const worst = (until: number) =>
    answers.filter((a) => a.at <= until).reduce((a, b) => (b.ms > a.ms ? b : a), { at: 0, ms: 0 });
  return {
    report(label: string, until: number) {
      const w = worst(until);
      console.log(
        `    core probe (${label}): ${answers.filter((a) => a.at <= until).length} status calls, longest ${w.ms.toFixed(0)} ms (sent ${(w.at / 1000).toFixed(1)} s after host start)`,
      );
      return w.ms;
    },
    stop: () => (stopped = true),
  };
}

async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 120_000);
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /DEV_WEB_URL=(\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function invoke(page: Page, method: string, input: unknown): Promise<unknown> {
  const res = (await page.evaluate(
    `window.mediationDesk.invoke(${JSON.stringify(method)}, ${JSON.stringify(input)})`,
  )) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!res.ok) throw new Error(`${method}: ${res.error?.message ?? '?'}`);
  return res.value;
}

function medianTasks(all: readonly LongTasks[]): LongTasks {
  return { count: median(all.map((t) => t.count)), ms: median(all.map((t) => t.ms)) };
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function print(name: string, steps: readonly Step[]): Step {
  const step = { ui: median(steps.map((s) => s.ui)), api: median(steps.map((s) => s.api)) };
  const all = steps.map((s) => Math.round(s.ui)).join(', ');
  console.log(
    `  ${name.padEnd(34)} UI ${step.ui.toFixed(0).padStart(6)} ms   API ${step.api.toFixed(0).padStart(5)} ms   (runs: ${all})`,
  );
  return step;
}

async function run(browser: Browser, cases: number): Promise<Record<string, number>> {
  const today = chinaToday();
  const seeded = await seedBenchLedger(cases, today);
  // A seeded ledger too: the host starts converting a plain ledger to an encrypted one, and
  // refuses the director's set-up until that is done.
  const t = performance.now();
  await readyKeptLedger(seeded.dir);
  if (process.env.BENCH_REUSE_DB) {
    console.log(
      `  kept ledger ${process.env.BENCH_REUSE_DB} copied and made ready in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } else {
    console.log(
      `  seeded ${cases} cases in ${(seeded.seedMs / 1000).toFixed(1)} s, made ready in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  // The page's CSP forbids eval, which Playwright's string predicates use once they have to
  // poll (a table still spinning on a loaded machine): the bench's waits bypass it.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  await watchRenders(page, 'PartyCard');
  // How much the page drew before the intake's request left (its checks' redraws), apart from
  // what it drew after (the case page).
  await markElementsAtRequest(page, 'cases.create');
  await page.addInitScript(`(() => {
    // ...and how much of the after was drawn by the time the case's title first showed.
    const hook = window.__REACT_DEVTOOLS_GLOBAL_HOOK__;
    const commit = hook.onCommitFiberRoot;
    hook.onCommitFiberRoot = (...args) => {
      commit(...args);
      if (window.__elementsAtTitle === undefined && document.querySelector('[data-testid="case-title"]'))
        window.__elementsAtTitle = window.__renderCount.elements;
    };
  })()`);
  // The 工作台 reload's React commits until the board is in the document: when each was made
  // (ms from the navigation's start), how long it took and the elements drawn by then.
  await page.addInitScript(`(() => {
    const hook = window.__REACT_DEVTOOLS_GLOBAL_HOOK__;
    const commit = hook.onCommitFiberRoot;
    window.__boardCommits = [];
    hook.onCommitFiberRoot = (...args) => {
      const t = performance.now();
      commit(...args);
      if (window.__boardShown) return;
      window.__boardShown = Boolean(document.querySelector('[data-testid="dashboard-due-soon"]'));
      window.__boardCommits.push(Math.round(t) + '+' + Math.round(performance.now() - t) + '(' + window.__renderCount.elements + ')');
    };
  })()`);
  // Steps wait for the page, never time it: a loaded machine needs far more than the default.
  page.setDefaultTimeout(Number(process.env.BENCH_UI_TIMEOUT_MS ?? 30_000));
  const api = watchApi(page);
  const fonts = watchFonts(page);
  await watchLongTasks(page);
  const steps: Record<string, Step> = {};

  // Host start → first screen (工作台 with its figures). The host opens the ledger and starts
  // the day's backup of the whole ledger in the core worker meanwhile, as on a real morning.
  // The figure kept since stop 24 (ui_first_screen_ms) also holds the director's sign-in
  // through the API (an Argon2 run the person at the desk pays on the sign-in screen, not
  // when the app starts); its parts are printed beside it, and `ui_first_screen_page_ms` is
  // host up → 工作台 shown without that sign-in.
  const t0 = performance.now();
  const hostStartedAt = Date.now();
  const host = await startHost(seeded.dir);
  const hostUpMs = performance.now() - t0;
  const probe = process.env.BENCH_UI_CORE_PROBE ? probeCore(host.url, t0) : null;
  // the page finds the desk signed in, as after the director's sign-in
  await signInDirector(host.url);
  try {
    const signInMs = performance.now() - t0 - hostUpMs;
    const first = await api.measure(async () => {
      await page.goto(host.url);
      await page.getByTestId('dashboard-month').waitFor();
      await nextFrame(page);
    });
    const hostUp = hostUpMs + signInMs;
    steps.first = print('host start → first screen', [{ ui: first.ui + hostUp, api: first.api }]);
    const firstLoad = await pageLoad(page);
    console.log(
      `    = host up ${hostUpMs.toFixed(0)} + sign-in ${signInMs.toFixed(0)} + page ${first.ui.toFixed(0)} ms` +
        ` (without the sign-in: ${(hostUpMs + first.ui).toFixed(0)} ms)`,
    );
    console.log(`    page: ${describeLoad(firstLoad)}`);
    const firstFonts = fonts.since();
    console.log(
      `  fonts fetched for the first screen: ${firstFonts.files} files, ${(firstFonts.bytes / 1024).toFixed(0)} KB`,
    );

    // 工作台 reload → fully shown.
    const board: Step[] = [];
    const boardTasks: LongTasks[] = [];
    const readStyleWork = await styleWorkMeter(page);
    const boardStyle: StyleWork[] = [];
    const boardCall = watchCall(page, 'dashboard.get');
    const boardSplits: Split[] = [];
    const boardDrawn: number[] = [];
    const boardCommits: string[] = [];
    // The calls in front of the board (printed only): when each first left and was answered
    // after the reload (the status's own poll while the start-up check runs comes later).
    const gateCalls = ['system.status', 'accounts.session'].map((method) => ({
      method,
      times: firstCall(page, method),
      sent: [] as number[],
      answered: [] as number[],
    }));
    // `--ui-steps work`: the search and the 15-party save only; the steps before them run once.
    const work = argValue('--ui-steps') === 'work';
    for (let i = 0; i < (work ? 1 : REPEAT); i += 1) {
      const styleBefore = await readStyleWork();
      const reloadAt = performance.now();
      for (const gate of gateCalls) gate.times.reset();
      // BENCH_UI_TRACE=<file>: the last reload's Chromium trace (scripts' compile and run, style,
      // layout, paint), to see what the renderer's main thread does before the board is shown.
      const trace =
        process.env.BENCH_UI_TRACE && i === REPEAT - 1 ? process.env.BENCH_UI_TRACE : '';
      if (trace) {
        await browser.startTracing(page, {
          path: trace,
          categories: ['devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading'],
        });
      }
      // BENCH_UI_RELOAD_PROFILE=<file>: the last reload's JavaScript CPU profile (which functions).
      const reloadProfile =
        process.env.BENCH_UI_RELOAD_PROFILE && i === REPEAT - 1
          ? await context.newCDPSession(page)
          : null;
      await reloadProfile?.send('Profiler.enable');
      await reloadProfile?.send('Profiler.setSamplingInterval', { interval: 100 });
      await reloadProfile?.send('Profiler.start');
      board.push(
        await api.measure(async () => {
          boardSplits.push(
            await splitAround(boardCall, async () => {
              await page.reload();
              await page.getByTestId('dashboard-month').waitFor();
              await page.getByTestId('dashboard-due-soon').waitFor();
              await nextFrame(page);
            }),
          );
        }),
      );
      if (trace) await browser.stopTracing();
      if (reloadProfile) {
        const { profile } = (await reloadProfile.send('Profiler.stop')) as { profile: unknown };
        fs.writeFileSync(`${process.env.BENCH_UI_RELOAD_PROFILE}`, JSON.stringify(profile));
        await reloadProfile.detach();
      }
      boardCommits.push(((await page.evaluate('window.__boardCommits')) as string[]).join(' '));
      boardDrawn.push((await takeRenders(page)).elements);
      for (const gate of gateCalls) {
        gate.sent.push(gate.times.sent - reloadAt);
        gate.answered.push(gate.times.answered - reloadAt);
      }
      boardStyle.push(styleWorkBetween(styleBefore, await readStyleWork()));
      const load = await pageLoad(page);
      boardTasks.push(load.longTasks);
      if (i === REPEAT - 1) console.log(`    last reload: ${describeLoad(load)}`);
    }
    if (process.env.BENCH_UI_SHOT) {
      // The board as the reloads left it, for comparing its look before and after a change.
      await page.waitForTimeout(2000);
      await page.screenshot({ path: process.env.BENCH_UI_SHOT, fullPage: true });
    }
    steps.dashboard = print('工作台 reload → shown', board);
    const boardSplit = printSplit('工作台 reload (dashboard.get)', boardSplits);
    console.log(`    DOM elements drawn per reload: ${boardDrawn.join(', ')}`);
    console.log(
      `    React commits until the board is shown (at ms+took(elements)): ${boardCommits.join(' | ')}`,
    );
    console.log(
      `    before the board (medians from the reload): ${gateCalls
        .map(
          (g) =>
            `${g.method} sent ${median(g.sent).toFixed(0)}, answered ${median(g.answered).toFixed(0)}`,
        )
        .join('; ')} ms`,
    );
    const boardLong = medianTasks(boardTasks);

    // Navigation: 工作台 → 案件台账 (the ledger's first page of 100,000 cases).
    const nav: Step[] = [];
    const navTasks: LongTasks[] = [];
    const navStyle: StyleWork[] = [];
    const navCall = watchCall(page, 'cases.search', '"exactTotal":true');
    const navSplits: Split[] = [];
    const navDrawn: number[] = [];
    // Scripts the first navigation fetched: the 工作台 prefetches the ledger's chunk when idle, so
    // a person who reads the board first waits for none (the median below is of warm runs).
    let firstNavScripts = 0;
    const countScript = (r: { resourceType(): string }) => {
      if (r.resourceType() === 'script') firstNavScripts += 1;
    };
    for (let i = 0; i < (work ? 1 : REPEAT); i += 1) {
      await page.getByRole('menuitem', { name: '工作台' }).click();
      await page.getByTestId('dashboard-month').waitFor();
      await nextFrame(page);
      const mark = await longTaskMark(page);
      if (i === 0) page.on('request', countScript);
      const styleBefore = await readStyleWork();
      await takeRenders(page);
      nav.push(
        await api.measure(async () => {
          navSplits.push(
            await splitAround(navCall, async () => {
              await page.getByRole('menuitem', { name: '案件台账' }).click();
              await page.locator('tr.ledger-row').first().waitFor();
              await page.waitForFunction(TABLE_SETTLED);
              await nextFrame(page);
            }),
          );
        }),
      );
      navDrawn.push((await takeRenders(page)).elements);
      navTasks.push(await longTasksSince(page, mark));
      navStyle.push(styleWorkBetween(styleBefore, await readStyleWork()));
      if (i === 0) page.off('request', countScript);
    }
    steps.navigation = print('navigation 工作台 → 案件台账', nav);
    const navSplit = printSplit('navigation (first page of cases.search)', navSplits);
    console.log(`    DOM elements drawn per navigation: ${navDrawn.join(', ')}`);
    console.log(
      `    first navigation: ${nav[0]?.ui.toFixed(0)} ms, ${firstNavScripts} scripts fetched`,
    );
    const navLong = medianTasks(navTasks);
    console.log(
      `    long tasks (median): reload ${boardLong.count} (${boardLong.ms.toFixed(0)} ms), ` +
        `navigation ${navLong.count} (${navLong.ms.toFixed(0)} ms)`,
    );
    const boardRecalc = median(boardStyle.map((w) => w.recalcMs));
    const navRecalc = median(navStyle.map((w) => w.recalcMs));
    console.log(
      `    style recalculation (median): reload ${boardRecalc.toFixed(0)} ms ` +
        `(${median(boardStyle.map((w) => w.recalcs))} recalcs, layout ${median(boardStyle.map((w) => w.layoutMs)).toFixed(0)} ms), ` +
        `navigation ${navRecalc.toFixed(0)} ms (${median(navStyle.map((w) => w.recalcs))} recalcs, ` +
        `layout ${median(navStyle.map((w) => w.layoutMs)).toFixed(0)} ms)`,
    );
    const firstParts = {
      ui_first_screen_host_ms: round(hostUpMs),
      ui_first_screen_signin_ms: round(signInMs),
      ui_first_screen_page_ms: round(first.ui),
      ui_first_screen_script_kb: round(firstLoad.scriptKb),
      ui_first_screen_script_files: firstLoad.scriptFiles,
      ui_first_screen_style_kb: round(firstLoad.styleKb),
      ui_first_screen_style_tags: firstLoad.styleTags,
      ui_first_screen_style_rules: firstLoad.styleRules,
      ui_dashboard_style_recalc_ms: round(boardRecalc),
      ui_navigation_style_recalc_ms: round(navRecalc),
      ui_first_screen_long_tasks: firstLoad.longTasks.count,
      ui_first_screen_long_task_ms: round(firstLoad.longTasks.ms),
      ui_dashboard_long_task_ms: round(boardLong.ms),
      ui_navigation_long_task_ms: round(navLong.ms),
      ui_navigation_first_ms: round(nav[0]?.ui ?? 0),
      ui_navigation_first_script_files: firstNavScripts,
      ui_dashboard_before_send_ms: round(boardSplit.before),
      ui_dashboard_call_ms: round(boardSplit.call),
      ui_dashboard_after_answer_ms: round(boardSplit.after),
      ui_navigation_before_send_ms: round(navSplit.before),
      ui_navigation_call_ms: round(navSplit.call),
      ui_navigation_after_answer_ms: round(navSplit.after),
    };
    if (process.env.BENCH_UI_SHOT) {
      // The ledger as the navigations left it, and the first case it lists, beside the board's
      // shot: a change to shared markup compared before and after.
      const shot = (name: string) =>
        process.env.BENCH_UI_SHOT!.replace(/(\.png)?$/, `-${name}.png`);
      await page.waitForTimeout(2000);
      await page.screenshot({ path: shot('ledger'), fullPage: true });
      await page.locator('tr.ledger-row').first().click();
      await page.getByTestId('case-title').waitFor();
      await page.waitForTimeout(2000);
      await page.screenshot({ path: shot('case'), fullPage: true });
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await page.locator('tr.ledger-row').first().waitFor();
    }
    if (argValue('--ui-steps') === 'start') {
      // The first three steps only (issue 13's start-up work): minutes less at 100,000 cases.
      return {
        ui_first_screen_ms: round(steps.first.ui),
        ui_dashboard_ms: round(steps.dashboard.ui),
        ui_navigation_ms: round(steps.navigation.ui),
        ...firstParts,
      };
    }

    // Search: the last keystroke → the rows of that query on screen.
    const search: Step[] = [];
    // The page's request, not the exact count it sends after the answer (that one would move the
    // split's "sent" past the answer).
    const searchCall = watchCall(page, 'cases.search', '"exactTotal":true');
    const searchSplits: Split[] = [];
    const box = page.getByTestId('ledger-search').locator('input');
    const queries = ['王芳', '草场', '139'];
    for (let i = 0; i < REPEAT; i += 1) {
      const query = queries[i % queries.length] ?? '王芳';
      await box.fill('');
      await page.waitForFunction(TABLE_SETTLED);
      await box.click();
      await page.keyboard.type(query.slice(0, -1));
      const answered = page.waitForResponse(
        (r) =>
          r.url().endsWith('/api') &&
          (r.request().postData() ?? '').includes(`"text":${JSON.stringify(query)}`) &&
          !(r.request().postData() ?? '').includes('"exactTotal":true'),
      );
      search.push(
        await api.measure(async () => {
          searchSplits.push(
            await splitAround(searchCall, async () => {
              await page.keyboard.type(query.slice(-1));
              await answered;
              await page.waitForFunction(TABLE_SETTLED);
              // The table says which search its rows answer (the spinner shows only for a slow one).
              await page.waitForFunction(rowsOf(query));
              await nextFrame(page);
            }),
          );
        }),
      );
    }
    steps.search = print('search keystroke → rows', search);
    const searchSplit = printSplit('search', searchSplits);
    // Per run: an outlier's time shows in one part (the outliers came on the same runs each time).
    console.log(
      `    per run (sent + call + shown): ${searchSplits
        .map((s) => `${s.before.toFixed(0)}+${s.call.toFixed(0)}+${s.after.toFixed(0)}`)
        .join(', ')}`,
    );

    // 15-party intake: save → case page. The form is restored from an autosaved draft, as after
    // a reload; the click on 保存 is the measured action.
    const intake: Step[] = [];
    const cardRenders: number[] = [];
    const createCall = watchCall(page, 'cases.create');
    const intakeSplits: Split[] = [];
    const drawnBefore: number[] = [];
    const drawnAfter: number[] = [];
    const drawnToTitle: number[] = [];
    const scriptsInSave: number[] = [];
    let caseUrl = '';
    // The first save after the start: when it was clicked (ms since the host was started), so
    // its figure can be read against the start-up check and backup running beside it.
    let firstSaveClickedMs = 0;
    for (let i = 0; i < 3; i += 1) {
      await invoke(page, 'formDrafts.save', {
        key: 'intake',
        payloadBase64: fifteenPartyDraft(today, i + 1),
      });
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.reload();
      // Raised: under load the restored 15 cards took longer than the default 30 s to appear.
      await page.locator('#intake_parties_14_name').waitFor({ timeout: 120_000 });
      await takeRenders(page);
      const save = page.getByRole('button', { name: '保存登记（Ctrl+回车）' });
      const scripts: string[] = [];
      const onScript = (r: { resourceType(): string; url(): string }) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      };
      page.on('request', onScript);
      const profiler = process.env.BENCH_UI_PROFILE ? await context.newCDPSession(page) : null;
      await profiler?.send('Profiler.enable');
      await profiler?.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler?.send('Profiler.start');
      intake.push(
        await api.measure(async () => {
          intakeSplits.push(
            await splitAround(createCall, async () => {
              if (i === 0) firstSaveClickedMs = performance.now() - t0;
              await save.first().click();
              await page.getByTestId('case-title').waitFor({ timeout: 120_000 });
              await nextFrame(page);
            }),
          );
        }),
      );
      if (profiler) {
        const { profile } = (await profiler.send('Profiler.stop')) as { profile: unknown };
        fs.writeFileSync(
          `${process.env.BENCH_UI_PROFILE}-${i}.cpuprofile`,
          JSON.stringify(profile),
        );
        await profiler.detach();
      }
      page.off('request', onScript);
      const renders = await takeRenders(page);
      cardRenders.push(renders.all);
      const beforeSend = (await elementsAtRequest(page)) ?? 0;
      const atTitle = (await page.evaluate('window.__elementsAtTitle ?? 0')) as number;
      drawnBefore.push(beforeSend);
      drawnToTitle.push(atTitle - beforeSend);
      drawnAfter.push(renders.elements - beforeSend);
      scriptsInSave.push(scripts.length);
      if (i === 0)
        console.log(
          `    case page: ${String(await page.evaluate("document.querySelectorAll('*').length"))} DOM elements`,
        );
      caseUrl = page.url();
    }
    steps.intake = print('15-party intake: save → case page', intake);
    probe?.report('host start → first save', firstSaveClickedMs);
    probe?.report('host start → last save', performance.now() - t0);
    // Whether the start-up backup (which ran beside the app) had been recorded by the click.
    const backupDone = readBackupRecord(seeded.dir).lastSuccess?.at;
    const backupDoneMs = backupDone ? Date.parse(backupDone) - hostStartedAt : null;
    const firstSaveInBackup = backupDoneMs === null || backupDoneMs > firstSaveClickedMs;
    const firstSplit = intakeSplits[0];
    console.log(
      `    first save after the start: ${intake[0]?.ui.toFixed(0)} ms, clicked ${(firstSaveClickedMs / 1000).toFixed(1)} s after host start` +
        (firstSplit
          ? ` (sent ${firstSplit.before.toFixed(0)} + call ${firstSplit.call.toFixed(0)} + shown ${firstSplit.after.toFixed(0)} ms)`
          : '') +
        `; start-up backup ${backupDoneMs === null ? 'not recorded yet' : `recorded ${(backupDoneMs / 1000).toFixed(1)} s after host start`}` +
        (firstSaveInBackup ? ' (the save was clicked while it ran)' : ''),
    );
    console.log(`  PartyCard renders per save: ${cardRenders.join(', ')}`);
    const intakeSplit = printSplit('15-party save', intakeSplits);
    console.log(
      `    DOM elements drawn per save: before cases.create is sent ${drawnBefore.join(', ')}; after, until the case title shows ${drawnToTitle.join(', ')}; after, in all ${drawnAfter.join(', ')}`,
    );
    console.log(`    scripts fetched per save: ${scriptsInSave.join(', ')}`);

    const workKeys = {
      ui_search_ms: round(steps.search.ui),
      ui_intake_15_save_ms: round(steps.intake.ui),
      ui_intake_15_first_save_ms: round(intake[0]?.ui ?? 0),
      ui_intake_15_first_save_clicked_ms: round(firstSaveClickedMs),
      ui_intake_15_first_save_in_backup: firstSaveInBackup ? 1 : 0,
      ui_intake_card_renders: median(cardRenders),
      ui_intake_15_before_send_ms: round(intakeSplit.before),
      ui_intake_15_create_ms: round(intakeSplit.call),
      ui_intake_15_after_answer_ms: round(intakeSplit.after),
      ui_intake_15_drawn_before_send: median(drawnBefore),
      ui_intake_15_drawn_after_send: median(drawnAfter),
      ui_intake_15_drawn_to_title: median(drawnToTitle),
      ui_intake_15_scripts_fetched: median(scriptsInSave),
      ui_search_before_send_ms: round(searchSplit.before),
      ui_search_call_ms: round(searchSplit.call),
      ui_search_after_answer_ms: round(searchSplit.after),
    };
    if (work) return workKeys;

    // Document preview → first page drawn (pdf.js): the 受理登记表 of the case just saved,
    // accepted first (a registration form is printed only for an accepted case).
    const preview: Step[] = [];
    const caseId = Number(/\/cases\/(\d+)/.exec(caseUrl)?.[1]);
    const detail = (await invoke(page, 'cases.get', { caseId })) as { version: number };
    await invoke(page, 'cases.transition', {
      caseId,
      expectedVersion: detail.version,
      input: { action: 'ACCEPT', acceptedDate: today },
    });
    await page.reload();
    await page.getByTestId('case-title').waitFor();
    for (let i = 0; i < 4; i += 1) {
      await page.getByTestId('print-documents').hover();
      // By its title: the closing papers listed before it (调解通知书…) ask for details first.
      const item = page
        .locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item')
        .filter({ hasText: agreementText.documents.ACCEPTANCE_REGISTER });
      await item.first().waitFor();
      preview.push(
        await api.measure(async () => {
          // A click event on the item itself: under load the hover menu could close while the
          // pointer travelled to it (the step then timed out on a hidden item).
          await item.first().dispatchEvent('click');
          await page.locator('[data-testid="pdf-page"][data-rendered="true"]').first().waitFor({
            timeout: 60_000,
          });
          await nextFrame(page);
        }),
      );
      // The dialog's own close button: Escape may go to the menu still open under the pointer.
      await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();
      await page.locator('[data-testid="pdf-page"]').first().waitFor({ state: 'detached' });
    }
    steps.preview = print('preview → first page', preview.slice(1));
    console.log(
      `  (first preview of the run, pdf.js not yet loaded: ${preview[0]?.ui.toFixed(0)} ms)`,
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const heapMb = heap.usedSize / 1024 / 1024;
    console.log(`  renderer heap after the run: ${heapMb.toFixed(1)} MB`);

    const worst = Object.values(steps).reduce((a, b) => (b.ui > a.ui ? b : a));
    return {
      ui_first_screen_ms: round(steps.first?.ui ?? 0),
      ui_dashboard_ms: round(steps.dashboard?.ui ?? 0),
      ui_navigation_ms: round(steps.navigation?.ui ?? 0),
      ui_preview_ms: round(steps.preview?.ui ?? 0),
      ui_overhead_ms: round(worst.ui - worst.api),
      ui_heap_mb: round(heapMb),
      ui_first_screen_font_kb: round(firstFonts.bytes / 1024),
      ui_first_screen_font_files: firstFonts.files,
      ...workKeys,
      ...firstParts,
    };
  } catch (error) {
    // What the page showed when a step failed, to see why without rerunning.
    const shot = path.resolve('tests/.artifacts/bench-ui-failure.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    console.error(`  step failed; the page is in ${shot}`);
    throw error;
  } finally {
    await context.close();
    probe?.stop();
    await stopHost(host.child);
    fs.rmSync(seeded.dir, { recursive: true, force: true });
  }
}

export const uiBench: BenchModule = {
  name: 'ui',
  async run({ cases }) {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`  skipped: no Chromium at ${CHROMIUM}`);
      return {};
    }
    if (!fs.existsSync(HOST_SCRIPT))
      throw new Error('dist/dev-web/host.cjs missing: npm run build');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      return await run(browser, cases);
    } finally {
      await browser.close();
    }
  },
};
