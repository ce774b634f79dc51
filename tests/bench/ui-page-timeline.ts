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
    longTasks: { count: raw.longTasks.length, ms: raw.longTasks.reduce((a, b) => a + b, 0) },
  };
}

export function describeLoad(load: PageLoad): string {
  return (
    `html ${load.htmlMs.toFixed(0)} · scripts fetched ${load.scriptsDoneMs.toFixed(0)} · ` +
    `first API call ${load.firstApiMs.toFixed(0)} · shown ${load.shownMs.toFixed(0)} ms; ` +
    `${load.scriptFiles} scripts ${load.scriptKb.toFixed(0)} KB; ` +
    `stylesheets ${load.styleKb.toFixed(0)} KB, ${load.styleTags} style tags; ` +
    `long tasks ${load.longTasks.count} (${load.longTasks.ms.toFixed(0)} ms)`
  );
}
