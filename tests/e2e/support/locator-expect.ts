import type { Locator } from 'playwright-core';

const TIMEOUT_MS = 10_000;

/**
 * playwright-core has no test runner, so no auto-retrying `expect`. These poll the page (never
 * sleep a fixed time) and fail with what was last seen.
 */
async function poll(read: () => Promise<string>, ok: (seen: string) => boolean, what: string) {
  const deadline = Date.now() + TIMEOUT_MS;
  let seen = '';
  for (;;) {
    try {
      seen = await read();
      if (ok(seen)) return;
    } catch {
      // Element not there yet.
    }
    if (Date.now() > deadline) throw new Error(`${what}; last seen: ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function expectLocator(locator: Locator) {
  return {
    toHaveValue: (value: string) =>
      poll(
        () => locator.inputValue({ timeout: 1000 }),
        (s) => s === value,
        `expected value ${value}`,
      ),
    toContainText: (text: string) =>
      poll(
        () => locator.innerText({ timeout: 1000 }),
        (s) => s.includes(text),
        `expected text ${text}`,
      ),
  };
}
