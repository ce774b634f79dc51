import type { Page } from 'playwright-core';

/**
 * Where a UI step's time goes, as Chromium saw it: the main thread's long tasks (over 50 ms:
 * parsing and running the bundle, a render) and what the page fetched. Counts and sums of long
 * tasks change less with the machine's load than the step's time, so they steer the work on
 * issue 13 when the wall-clock figures cannot.
 */

// Strings, not functions: this file is type-checked for Node, without the DOM's types.
const OBSERVE_LONG_TASKS = `(() => {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})()`;

export interface LongTasks {
  readonly count: number;
  readonly ms: number;
}

export interface PageLoad {
  /** Page-clock ms from the navigation's start. */
  readonly htmlMs: number;
  readonly scriptsDoneMs: number;
  readonly firstApiMs: number;
  readonly shownMs: number;
  readonly scriptFiles: number;
  readonly scriptKb: number;
  /** Stylesheets fetched (the app's CSS, antd's styles made at build time among them). */
  readonly styleKb: number;
  /** `<style>` tags in the document when read: styles made at run time (antd's CSS-in-JS). */
  readonly styleTags: number;
  /** CSS rules in all the document's stylesheets (inside @media/@layer blocks too). */
  readonly styleRules: number;
  readonly longTasks: LongTasks;
}

/** Long tasks are recorded from the start of every document the page loads. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(OBSERVE_LONG_TASKS);
}

/** How many long tasks the page has recorded so far (to count those of one step). */
export async function longTaskMark(page: Page): Promise<number> {
  return (await page.evaluate('window.__benchLongTasks.length')) as number;
}

export async function longTasksSince(page: Page, mark: number): Promise<LongTasks> {
  const tasks = (await page.evaluate(`window.__benchLongTasks.slice(${mark})`)) as [
    number,
    number,
  ][];
  return { count: tasks.length, ms: tasks.reduce((a, [, d]) => a + d, 0) };
}

/**
 * The document's load as Chromium timed it, read once the step's result is on screen; up to the
 * app's `desk-prefetch` mark, when it starts loading the next screen in idle time.
 */
export async function pageLoad(page: Page): Promise<PageLoad> {
  const raw = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    // What the app fetches ahead for the next screen, once this one is shown, is not this one's.
    const until = performance.getEntriesByName('desk-prefetch')[0]?.startTime ?? Infinity;
    const res = performance.getEntriesByType('resource').filter((r) => r.startTime < until);
    const scripts = res.filter((r) => new URL(r.name).pathname.endsWith('.js'));
    const styles = res.filter((r) => new URL(r.name).pathname.endsWith('.css'));
    const api = res.filter((r) => r.name.endsWith('/api'));
    return {
      htmlMs: nav ? nav.responseEnd : 0,
      scriptsDoneMs: Math.max(0, ...scripts.map((r) => r.responseEnd)),
      firstApiMs: api.length ? Math.min(...api.map((r) => r.startTime)) : 0,
      shownMs: performance.now(),
      scriptFiles: scripts.length,
      scriptBytes: scripts.reduce((a, r) => a + (r.decodedBodySize || 0), 0),
      styleBytes: styles.reduce((a, r) => a + (r.decodedBodySize || 0), 0),
      styleTags: document.querySelectorAll('style').length,
      styleRules: (() => {
        const count = (rules) => [...rules].reduce((n, r) => n + 1 + (r.cssRules ? count(r.cssRules) : 0), 0);
        return [...document.styleSheets].reduce((n, sheet) => n + count(sheet.cssRules), 0);
      })(),
      longTasks: window.__benchLongTasks.filter(([s]) => s < until).map(([, d]) => d),
    };
  })()`)) as Omit<PageLoad, 'scriptKb' | 'styleKb' | 'longTasks'> & {
    scriptBytes: number;
    styleBytes: number;
    longTasks: number[];
  };
  return {
    htmlMs: raw.htmlMs,
    scriptsDoneMs: raw.scriptsDoneMs,
    firstApiMs: raw.firstApiMs,
    shownMs: raw.shownMs,
    scriptFiles: raw.scriptFiles,
    scriptKb: raw.scriptBytes / 1024,
    styleKb: raw.styleBytes / 1024,
    styleTags: raw.styleTags,
    styleRules: raw.styleRules,
    longTasks: { count: raw.longTasks.length, ms: raw.longTasks.reduce((a, b) => a + b, 0) },
  };
}

export function describeLoad(load: PageLoad): string {
  return (
    `html ${load.htmlMs.toFixed(0)} · scripts fetched ${load.scriptsDoneMs.toFixed(0)} · ` +
    `first API call ${load.firstApiMs.toFixed(0)} · shown ${load.shownMs.toFixed(0)} ms; ` +
    `${load.scriptFiles} scripts ${load.scriptKb.toFixed(0)} KB; ` +
    `stylesheets ${load.styleKb.toFixed(0)} KB, ${load.styleRules} rules, ${load.styleTags} style tags; ` +
    `long tasks ${load.longTasks.count} (${load.longTasks.ms.toFixed(0)} ms)`
  );
}

export interface StyleWork {
  /** Chromium's style recalculations and their time on the main thread. */
  readonly recalcs: number;
  readonly recalcMs: number;
  readonly layoutMs: number;
}

/**
 * Reads Chromium's running totals of style and layout work (its Performance domain), so a step's
 * share is the difference of two reads. The stylesheet's size shows here: every recalculation
 * matches the page's elements against all its rules.
 */
export async function styleWorkMeter(page: Page): Promise<() => Promise<StyleWork>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      recalcs: value('RecalcStyleCount'),
      recalcMs: value('RecalcStyleDuration') * 1000,
      layoutMs: value('LayoutDuration') * 1000,
    };
  };
}

/** The work between two reads (totals restart with a new renderer process: then `after` alone). */
export function styleWorkBetween(before: StyleWork, after: StyleWork): StyleWork {
  const restarted = after.recalcs < before.recalcs;
  return restarted
    ? after
    : {
        recalcs: after.recalcs - before.recalcs,
        recalcMs: after.recalcMs - before.recalcMs,
        layoutMs: after.layoutMs - before.layoutMs,
      };
}
