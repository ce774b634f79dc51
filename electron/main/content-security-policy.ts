import { randomBytes } from 'node:crypto';

/**
 * The renderer's CSP. No 'unsafe-inline' and no 'unsafe-eval' anywhere: antd writes its styles
 * at run time, so those <style> elements carry a per-load nonce instead.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export const CSP_NONCE_META = 'csp-nonce';

/** Puts the nonce where the renderer can read it (antd's ConfigProvider `csp` option). */
export function injectNonce(indexHtml: string, nonce: string): string {
  const meta = `<meta name="${CSP_NONCE_META}" content="${nonce}">`;
  return indexHtml.replace('<head>', `<head>\n    ${meta}`);
}

/** Headers sent with every renderer response, in the app and in the dev:web host alike. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
