import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { startCoreRouter, type CoreRouter } from '../core/core-router.js';
import { DataDirLockedError, startupFailureMessage } from '../core/startup-message.js';
import { mimeTypeOf, resolveAppRequest } from '../main/app-protocol-paths.js';
import { injectNonce, newNonce, securityHeaders } from '../main/content-security-policy.js';
import { DEV_BRIDGE_PATH, TOKEN_HEADER, devBridgeScript } from './dev-bridge-script.js';

/**
 * Development preview and e2e host: the built renderer and the real API (real ledger) on
 * 127.0.0.1 only, every API call carrying a per-run random token. Not part of the packaged app.
 */

// Above the largest request the API accepts (a 20 MB scan as base64 is about 27 MB).
const MAX_BODY_BYTES = 32 * 1024 * 1024;
// All request bodies being received at once: two scans in flight, not a hundred.
const IN_FLIGHT_BUDGET_BYTES = 64 * 1024 * 1024;
// The bridge sends exactly this; anything else (text/plain from a form, a "simple" CORS
// request) is refused before the body is read.
const JSON_CONTENT_TYPE = /^application\/json(?:;\s*charset=utf-8)?$/i;

interface HostOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly rendererRoot: string;
  readonly appVersion: string;
  /** The bundled core worker (default: core-worker.cjs beside the built host). */
  readonly workerPath?: string;
}

function parseArgs(argv: readonly string[]): { dataDir: string; port: number } {
  let dataDir = process.env.MEDIATION_DESK_DATA_DIR ?? path.resolve('dev-data');
  let port = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--data-dir' && next) {
      dataDir = path.resolve(next);
      i += 1;
    } else if (arg === '--port' && next) {
      port = Number(next);
      i += 1;
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${port}`);
  return { dataDir, port };
}

function tokensMatch(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/** Bytes of request bodies being received right now, across all connections. */
class BodyBudget {
  private used = 0;
  take(n: number): boolean {
    if (this.used + n > IN_FLIGHT_BUDGET_BYTES) return false;
    this.used += n;
    return true;
  }
  give(n: number): void {
    this.used -= n;
  }
}

async function readBody(
  req: http.IncomingMessage,
  budget: BodyBudget,
): Promise<Buffer | 'TOO_LARGE' | 'BUSY'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > MAX_BODY_BYTES) return 'TOO_LARGE';
      if (!budget.take(buf.length)) {
        size -= buf.length;
        return 'BUSY';
      }
      chunks.push(buf);
    }
    return Buffer.concat(chunks);
  } finally {
    budget.give(size);
  }
}

export async function startHost(
  options: HostOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  // The host only routes: the ledger, services and documents run in the core worker.
  const core: CoreRouter = await startCoreRouter({
    workerPath: options.workerPath ?? path.join(__dirname, 'core-worker.cjs'),
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    dailyBackup: true,
  });
  const token = randomBytes(24).toString('base64url');
  let expectedHost = '';
  const budget = new BodyBudget();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: apiMessagesZhCN.internal },
        });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Refuse other Host names so a web page elsewhere cannot reach us by DNS rebinding.
    if (req.headers.host !== expectedHost) {
      res.writeHead(421).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/api') {
      if (req.method !== 'POST')
        return sendJson(res, 405, {
          ok: false,
          error: { code: 'FORBIDDEN', message: '不支持的请求方式' },
        });
      if (!tokensMatch(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return sendJson(res, 403, {
          ok: false,
          error: { code: 'FORBIDDEN', message: apiMessagesZhCN.forbiddenSender },
        });
      }
      // A page from anywhere else (even another local port) is refused by its Origin, which
      // browsers always send with a POST and which scripts cannot forge.
      if (
        req.headers.origin !== `http://${expectedHost}` ||
        (req.headers['sec-fetch-site'] !== undefined &&
          req.headers['sec-fetch-site'] !== 'same-origin')
      ) {
        return sendJson(res, 403, {
          ok: false,
          error: { code: 'FORBIDDEN', message: apiMessagesZhCN.forbiddenSender },
        });
      }
      if (!JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, 415, {
          ok: false,
          error: { code: 'BAD_INPUT', message: apiMessagesZhCN.badInput },
        });
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const body = declared > MAX_BODY_BYTES ? 'TOO_LARGE' : await readBody(req, budget);
      if (body === 'TOO_LARGE') {
        res.setHeader('Connection', 'close');
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'BAD_INPUT', message: '提交的内容过大' },
        });
      }
      if (body === 'BUSY') {
        res.setHeader('Connection', 'close');
        return sendJson(res, 503, {
          ok: false,
          error: { code: 'BAD_INPUT', message: '同时提交的内容过多，请稍后重试' },
        });
      }
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'BAD_INPUT', message: apiMessagesZhCN.badInput },
        });
      }
      const { method, input } = (payload ?? {}) as { method?: unknown; input?: unknown };
      return sendJson(res, 200, await core.dispatch(method, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const nonce = newNonce();
    if (pathname === DEV_BRIDGE_PATH) {
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        ...securityHeaders(nonce),
      });
      res.end(devBridgeScript);
      return;
    }
    const resolved = resolveAppRequest(options.rendererRoot, `app://main${req.url ?? '/'}`);
    if (resolved.kind === 'forbidden') {
      res.writeHead(403).end();
      return;
    }
    let content: Buffer;
    try {
      content = await fs.promises.readFile(resolved.filePath);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'Content-Type': mimeTypeOf(resolved.filePath), ...securityHeaders(nonce) };
    if (resolved.isIndex) {
      const html = injectNonce(content.toString('utf8'), nonce).replace(
        '<script',
        `<script src="${DEV_BRIDGE_PATH}"></script>\n    <script`,
      );
      res.writeHead(200, { ...headers, 'Cache-Control': 'no-store' });
      res.end(html);
      return;
    }
    // Vite names every asset by its content hash: the browser may keep it for good, so the
    // pdf.js worker (1.3 MB) and the screens' chunks are fetched once, not on every preview.
    const immutable = path
      .relative(options.rendererRoot, resolved.filePath)
      .startsWith(`assets${path.sep}`);
    res.writeHead(
      200,
      immutable ? { ...headers, 'Cache-Control': 'public, max-age=31536000, immutable' } : headers,
    );
    res.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  expectedHost = `127.0.0.1:${address.port}`;
  return {
    url: `http://${expectedHost}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void core.shutdown().then(resolve);
        });
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { dataDir, port } = parseArgs(process.argv.slice(2));
  process.umask(0o077);
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  if (!fs.existsSync(path.join(rendererRoot, 'index.html'))) {
    console.error('找不到已构建的界面文件，请先运行 npm run build');
    process.exit(1);
  }
  const host = await startHost({
    dataDir,
    port,
    rendererRoot,
    appVersion: process.env.APP_VERSION ?? '0.0.0',
  });
  console.log(`调解工作台开发预览（仅本机）：${host.url}`);
  console.log(`数据目录：${dataDir}`);
  console.log(`DEV_WEB_URL=${host.url}`);
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    if (error instanceof DataDirLockedError) {
      // Another host already serves this folder: say so and leave without a stack trace.
      console.error(startupFailureMessage(error));
      process.exit(3);
    }
    console.error('开发预览启动失败：', error);
    process.exit(1);
  });
}
