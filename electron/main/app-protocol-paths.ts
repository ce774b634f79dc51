import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'main';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type AppRequestResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly isIndex: boolean }
  | { readonly kind: 'forbidden' };

/**
 * Maps an app:// URL to a file under the renderer root, or refuses it. Decoding happens once,
 * before the check, so %2e%2e and encoded slashes cannot climb out; the check compares whole
 * path segments so a sibling folder such as `renderer-evil` never passes as `renderer`.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'forbidden' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'forbidden' };

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };

  const relative = decoded.replace(/^\/+/, '');
  if (relative === '' || relative === 'index.html') {
    return { kind: 'file', filePath: path.join(rootDir, 'index.html'), isIndex: true };
  }
  if (path.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return { kind: 'forbidden' };

  const root = path.resolve(rootDir);
  const target = path.resolve(root, relative);
  const within = path.relative(root, target);
  if (within === '' || within.startsWith('..') || path.isAbsolute(within)) {
    return { kind: 'forbidden' };
  }
  return { kind: 'file', filePath: target, isIndex: false };
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

export function mimeTypeOf(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
