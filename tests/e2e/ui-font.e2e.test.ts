import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, sharedBrowser } from './support/browser';
import { openDesk, setUpRoom } from './support/desk';

/**
 * Issue 13: the UI's own text is drawn in DeskUI, the build's subset of Noto Sans SC, and a
 * character the subset lacks (婠 in a name) still shows, in the full family's slice.
 */
interface FaceState {
  readonly family: string;
  readonly weight: string;
  readonly unicodeRange: string;
  readonly status: string;
}

async function faces(page: Page): Promise<FaceState[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate(() =>
    [...document.fonts].map((f) => ({
      family: f.family.replace(/"/g, ''),
      weight: f.weight,
      unicodeRange: f.unicodeRange,
      status: f.status,
    })),
  );
}

/** Whether a loaded face's unicode-range covers the code point (U+XXXX and U+XXXX-YYYY forms). */
function covers(face: FaceState, codePoint: number): boolean {
  return face.unicodeRange.split(',').some((part) => {
    const [first, last] = part.trim().slice(2).split('-');
    const low = parseInt(first ?? '', 16);
    const high = last === undefined ? low : parseInt(last, 16);
    return codePoint >= low && codePoint <= high;
  });
}

describe('the UI font (Chromium)', () => {
  const browser = sharedBrowser();

  it('draws the UI in DeskUI and a rare character of a name in the full family', async () => {
    const desk = await openDesk(browser(), 'ui-font');
    const { page } = desk;
    try {
      await setUpRoom(page, desk.host.url, '锡林');
      // 工作台 and the intake form: every character in DeskUI, no slice of the full family
      await page.getByRole('menuitem', { name: '受理登记' }).click();
      await page.locator('#intake_parties_0_name').waitFor();
      await page.waitForFunction(
        () =>
          [...document.fonts].filter((f) => f.family.includes('DeskUI') && f.status === 'loaded')
            .length === 2,
      );
      const used = (await faces(page)).filter((f) => f.status !== 'unloaded');
      expect(used.map((f) => [f.family, f.weight])).toEqual([
        ['DeskUI', '400'],
        ['DeskUI', '700'],
      ]);

      await page.locator('#intake_parties_0_name').fill('王婠');
      const rare = '婠'.codePointAt(0) as number;
      // the slice is fetched once the input draws the character: wait for it, then look
      await page.waitForFunction(() =>
        [...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded'),
      );
      const fallback = (await faces(page)).filter(
        (f) => f.family === 'Noto Sans SC' && f.status === 'loaded',
      );
      expect(fallback.map((f) => [f.weight, covers(f, rare)])).toEqual([['400', true]]);
      await screenshot(page, 'ui-font-intake');
      await page
        .locator('#intake_parties_0_name')
        .screenshot({ path: 'tests/.artifacts/ui-font-rare-name.png' });
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
