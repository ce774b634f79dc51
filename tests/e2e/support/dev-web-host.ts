import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
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

/** The director every e2e desk is set up with (and signed in as) through the API. */
export const E2E_DIRECTOR = {
  loginName: 'zhuoma',
  displayName: '卓玛',
  password: 'desk-e2e-2026',
} as const;

/** How the audit chain, the history and the print register name the e2e director. */
export const E2E_ACTOR = '卓玛（调委会主任）';

export interface StartHostOptions {
  /**
   * 'signedIn' (default): the room is set up (once) and the director signed in through the
   * API after every start, as a person at the desk would be; 'none': left as it is (first run).
   */
  readonly room?: 'signedIn' | 'none';
}

/** POST /api over loopback with the run's token, as the page's bridge does. */
export function hostApi(url: string, method: string, input: unknown): Promise<unknown> {
  const page = new URL(url);
  const token = new URLSearchParams(page.hash.slice(1)).get('token') ?? '';
  const body = JSON.stringify({ method, input });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: page.hostname,
        port: page.port,
        path: '/api',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: page.origin,
          'x-desk-token': token,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            const envelope = JSON.parse(text) as
              | { ok: true; value: unknown }
              | { ok: false; error: { code: string; message: string } };
            if (envelope.ok) resolve(envelope.value);
            else reject(new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sets the room up on first start and signs the director in. The idle lock is set to its
 * longest (60 minutes) at set-up: a loaded machine must never lock a desk in the middle of a
 * test; the accounts e2e sets its own.
 */
export async function signInDirector(url: string): Promise<void> {
  const session = (await hostApi(url, 'accounts.session', {})) as { setUp: boolean };
  if (!session.setUp) {
    await hostApi(url, 'accounts.setUp', E2E_DIRECTOR);
    await hostApi(url, 'accounts.setIdleLock', { minutes: 60 });
    return;
  }
  await hostApi(url, 'accounts.signIn', {
    loginName: E2E_DIRECTOR.loginName,
    password: E2E_DIRECTOR.password,
  });
}

/** Starts the real dev:web host (built renderer + real ledger) and waits for its URL line. */
export async function startHost(
  dataDir: string,
  options: StartHostOptions = {},
): Promise<RunningHost> {
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  if (options.room !== 'none') {
    try {
      await signInDirector(url);
    } catch (error) {
      // a ledger nobody can sign in to (missing, damaged before set-up) shows its own screen
      if (!/LEDGER_(DAMAGED|UNAVAILABLE)/.test(String(error))) {
        await stop();
        throw error;
      }
    }
  }
  return { url, dataDir, stop };
}
