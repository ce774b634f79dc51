import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

const HOST_SCRIPT = path.resolve('dist/dev-web/host.cjs');

export interface RunningHost {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Stops the host under a page that is still open. The page leaves first (about:blank): the
 * app polls `system.status`, and a poll meeting the closed port logs a connection error that
 * the test's "no console errors" check would then count (a CI failure of an earlier stop).
 */
export async function stopHostUnderPage(page: Page, host: RunningHost): Promise<void> {
  await page.goto('about:blank');
  await host.stop();
}

export function freshDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `desk-e2e-${label}-`));
}

/** Starts the real dev:web host (built renderer + real ledger) and waits for its URL line. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  if (!fs.existsSync(HOST_SCRIPT))
    throw new Error('dist/dev-web/host.cjs missing: run npm run build');
  const child: ChildProcess = spawn(process.execPath, [HOST_SCRIPT, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DEV_WEB_URL=(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
