import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/dev-web/host';
import { coreWorkerBundle } from '../support/core-worker-bundle';
import { tempDir } from '../support/temp-dir';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A POST whose body is sent up to `sent` bytes and finished only when asked. */
function heldRequest(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  sent: number,
): { reply: Promise<Reply>; finish: () => void } {
  let finish = (): void => {};
  const reply = new Promise<Reply>((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    // A refused body may have its socket closed under the rest of it.
    req.on('error', () => resolve({ status: 503, headers: {}, body: '' }));
    req.write(body.subarray(0, sent));
    finish = () => {
      if (!req.destroyed) req.end(body.subarray(sent));
    };
  });
  return { reply, finish: () => finish() };
}

let closeHost: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeHost?.();
  closeHost = null;
});

async function host() {
  const rendererRoot = tempDir('renderer');
  fs.writeFileSync(
    path.join(rendererRoot, 'index.html'),
    '<!doctype html><html><head><title>t</title><script type="module" src="./a.js"></script></head></html>',
  );
  fs.writeFileSync(path.join(rendererRoot, 'a.js'), 'export {};');
  fs.mkdirSync(path.join(rendererRoot, 'assets'));
  fs.writeFileSync(path.join(rendererRoot, 'assets', 'pdf.worker-Ab12.mjs'), 'export {};');
  fs.writeFileSync(path.join(tempDir('outside'), 'secret.txt'), 'secret');
  const h = await startHost({
    dataDir: tempDir('data'),
    port: 0,
    rendererRoot,
    appVersion: 'test',
    workerPath: await coreWorkerBundle(),
  });
  closeHost = h.close;
  const url = new URL(h.url);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  return { base: `${url.protocol}//${url.host}`, token };
}

const api = (base: string, headers: Record<string, string>, body: unknown) =>
  request(`${base}/api`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('dev:web host', () => {
  it('listens on 127.0.0.1 only and serves the renderer with CSP and the bridge', async () => {
    const { base } = await host();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await request(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.body).toContain('<script src="/__dev-bridge.js"></script>');
    expect(page.body).toMatch(/<meta name="csp-nonce" content="[^"]+">/);
  });

  it('lets the browser keep hashed assets (the pdf.js worker) but never the page', async () => {
    const { base } = await host();
    const worker = await request(`${base}/assets/pdf.worker-Ab12.mjs`);
    expect(worker.status).toBe(200);
    expect(worker.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(`${base}/`)).headers['cache-control']).toBe('no-store');
    expect((await request(`${base}/a.js`)).headers['cache-control']).toBeUndefined();
  });

  it('requires the per-run token on every API call', async () => {
    const { base, token } = await host();
    const call = { method: 'system.status', input: {} };
    const json = { 'content-type': 'application/json', origin: base };
    expect((await api(base, json, call)).status).toBe(403);
    expect((await api(base, { ...json, 'x-desk-token': 'wrong' }, call)).status).toBe(403);
    expect((await api(base, { ...json, 'x-desk-token': `${token}x` }, call)).status).toBe(403);
    const ok = await api(base, { ...json, 'x-desk-token': token }, call);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { ledger: { state: 'READY' } } });
  });

  it('refuses other Host names (DNS rebinding), non-JSON bodies and broken JSON', async () => {
    const { base, token } = await host();
    const headers = { 'content-type': 'application/json', 'x-desk-token': token, origin: base };
    expect((await api(base, { ...headers, host: 'evil.example' }, {})).status).toBe(421);
    expect((await api(base, { ...headers, 'content-type': 'text/plain' }, {})).status).toBe(415);
    const broken = await request(`${base}/api`, { method: 'POST', headers, body: '{"method":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses other origins, inexact content types, and bodies beyond the in-flight budget', async () => {
    const { base, token } = await host();
    const call = { method: 'system.status', input: {} };
    const headers = { 'content-type': 'application/json', 'x-desk-token': token, origin: base };
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null', '']) {
      expect((await api(base, { ...headers, origin }, call)).status, origin).toBe(403);
    }
    const { origin: _omit, ...noOrigin } = headers;
    expect((await api(base, noOrigin, call)).status).toBe(403);
    expect((await api(base, { ...headers, 'sec-fetch-site': 'cross-site' }, call)).status).toBe(
      403,
    );
    for (const type of ['application/jsonx', 'application/json-patch+json', 'text/json']) {
      expect((await api(base, { ...headers, 'content-type': type }, call)).status, type).toBe(415);
    }
    expect(
      (await api(base, { ...headers, 'content-type': 'application/json; charset=UTF-8' }, call))
        .status,
    ).toBe(200);
    // A declared body over the limit is refused before it is read.
    const huge = await request(`${base}/api`, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(40 * 1024 * 1024) },
    }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
    // Three 30 MB bodies in flight at once exceed the 64 MB budget. Each is sent up to 25 MB and
    // held open until the host has turned one away, so the three overlap however slowly the
    // machine runs; the host stays up and answers the next call.
    const big = Buffer.from(
      JSON.stringify({ method: 'system.status', input: { pad: 'x'.repeat(30 << 20) } }),
    );
    const held = [1, 2, 3].map(() => heldRequest(`${base}/api`, headers, big, 25 << 20));
    const first = await Promise.race(held.map((h) => h.reply));
    expect(first.status).toBe(503);
    for (const h of held) h.finish();
    const replies = await Promise.all(held.map((h) => h.reply));
    expect(replies.map((r) => r.status)).toContain(503);
    expect((await api(base, headers, call)).status).toBe(200);
  }, 60_000);

  it('does not serve files outside the renderer folder', async () => {
    const { base } = await host();
    for (const p of [
      '/../outside/secret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/a.js%00.html',
    ]) {
      const res = await request(`${base}${p}`);
      expect([403, 404], p).toContain(res.status);
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toContain('root:');
    }
    expect((await request(`${base}/a.js`)).status).toBe(200);
  });
});
