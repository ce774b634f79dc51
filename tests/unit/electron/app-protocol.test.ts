import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerAppProtocol } from '../../../electron/main/app-protocol.js';
import { FakeElectron } from '../support/fake-electron.js';
import { tempDir } from '../support/temp-dir.js';

// The app:// handler as Electron calls it: what the renderer gets, and what it never gets.

function served() {
  const root = path.join(tempDir('renderer'), 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<html><head></head><body></body></html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, '..', 'secret.txt'), 'ledger key');
  const fake = new FakeElectron();
  fake.emitReady();
  registerAppProtocol((fake.module as { protocol: Protocol }).protocol, root);
  return fake;
}

describe('the app:// protocol', () => {
  it('serves the index with the CSP header and its nonce in the page', async () => {
    const fake = served();
    const res = await fake.fetch('app://main/index.html');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await res.text()).toContain(`<meta name="csp-nonce" content="${nonce}">`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves assets with their type and refuses anything outside the renderer', async () => {
    const fake = served();
    const js = await fake.fetch('app://main/assets/app.js');
    expect(js.headers.get('Content-Type')).toMatch(/javascript/);
    // The URL parser folds an encoded "..", so this asks for renderer/secret.txt: not there.
    expect((await fake.fetch('app://main/%2e%2e/secret.txt')).status).toBe(404);
    expect((await fake.fetch('app://main/..%5csecret.txt')).status).toBe(403);
    expect((await fake.fetch('app://other/index.html')).status).toBe(403);
    expect((await fake.fetch('app://main/assets/missing.js')).status).toBe(404);
    expect(fake.protocolResponses.map((r) => r.status)).toEqual([200, 404, 403, 403, 404]);
  });
});
