import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './support/browser';
import { openDesk, setUpRoom } from './support/desk';
import { E2E_DIRECTOR } from './support/dev-web-host';

/**
 * Issue 13: a signed-in start parses only what the 工作台 needs. The desk's own screens (sign-in,
 * lock, set-up, recovery code, 修改密码), the first-run settings and the ledger recovery page are
 * chunks of their own, fetched when one of them is shown, never for the 工作台.
 */
const OWN_CHUNKS = [
  'SignInScreen',
  'LockScreen',
  'DirectorSetUpScreen',
  'RecoveryCodeScreen',
  'ChangePasswordModal',
  'FirstRunPage',
  'LedgerRecoveryPage',
];

const ASSETS = path.resolve('dist/renderer/assets');

const chunkOf = (file: string) => /^(.+)-[\w-]{8}\.js$/.exec(file)?.[1] ?? file;

/** Names of the script chunks the page fetched, from now on. */
function watchChunks(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script')
      fetched.push(chunkOf(path.basename(new URL(r.url()).pathname)));
  });
  return fetched;
}

/** The files the entry script imports statically, itself included: what the first screen parses. */
function entryChunkGraph(): string[] {
  const html = fs.readFileSync(path.resolve('dist/renderer/index.html'), 'utf8');
  const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/renderer/index.html');
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(ASSETS, file), 'utf8');
    // Static imports only: `import("./x.js")` is a lazy chunk, fetched when its page is shown.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g))
      queue.push(m[1] ?? '');
  }
  return [...seen];
}

/**
 * The source files bundled into a built chunk, from its source map. Rolldown's own runtime
 * chunk (its module helpers, split out once several chunks share them) is written without one:
 * it bundles no source of ours or of a package.
 */
function sourcesOf(file: string): string[] {
  if (/^rolldown-runtime-[\w-]+\.js$/.test(file)) return [];
  const map = JSON.parse(fs.readFileSync(path.join(ASSETS, `${file}.map`), 'utf8')) as {
    sources: string[];
  };
  return map.sources;
}

describe('the first screen’s entry graph (the build)', () => {
  // Issue 13: zod (~97 KB) is for forms and the main process; the 工作台 shows dates, states and
  // risk levels, which live in zod-free modules, so the first screen never parses it.
  it('holds no zod', () => {
    const graph = entryChunkGraph();
    expect(graph.length).toBeGreaterThan(1);
    const withZod = graph.filter((file) =>
      sourcesOf(file).some((source) => source.includes('node_modules/zod/')),
    );
    expect(withZod).toEqual([]);
  });
});

describe('the first screen’s scripts (Chromium)', () => {
  const browser = sharedBrowser();

  it('loads none of the desk screens for the 工作台, and the lock screen when the desk is locked', async () => {
    const built = fs.readdirSync(ASSETS).map(chunkOf);
    for (const name of OWN_CHUNKS) expect(built, name).toContain(name);

    const desk = await openDesk(browser(), 'first-screen');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '玛沁');
      const fetched = watchChunks(page);
      await page.reload();
      await page.getByTestId('dashboard-month').waitFor();
      expect(fetched).toContain('index');
      expect(fetched.filter((name) => OWN_CHUNKS.includes(name))).toEqual([]);

      await page.getByTestId('lock-desk').click();
      await page.getByTestId('lock-screen').waitFor();
      expect(fetched).toContain('LockScreen');
      await page.locator('input[type="password"]').fill(E2E_DIRECTOR.password);
      await page.locator('input[type="password"]').press('Enter');
      await page.getByTestId('dashboard-month').waitFor();
      expect(fetched.filter((name) => OWN_CHUNKS.includes(name))).toEqual(['LockScreen']);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('fetches the 案件台账’s chunk while the 工作台 is shown, so the first click on it fetches no script', async () => {
    const desk = await openDesk(browser(), 'ledger-prefetch');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '玛沁');
      // Awaited, not timed: the prefetch runs when the page is idle, whenever that is.
      const prefetched = page.waitForResponse(
        (r) => chunkOf(path.basename(new URL(r.url()).pathname)) === 'LedgerPage',
        { timeout: 60_000 },
      );
      await page.reload();
      await page.getByTestId('dashboard-month').waitFor();
      await prefetched;
      const fetched = watchChunks(page);
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await page.getByTestId('ledger-search').waitFor();
      expect(fetched).toEqual([]);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
