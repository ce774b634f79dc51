import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  injectNonce,
  newNonce,
  securityHeaders,
} from '../../../electron/main/content-security-policy';

describe('content security policy', () => {
  const csp = contentSecurityPolicy('abc123');

  it('has no unsafe-inline or unsafe-eval and denies by default', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('lets only nonce-carrying run-time styles in', () => {
    expect(csp).toContain("style-src 'self' 'nonce-abc123'");
  });

  it('makes a fresh unguessable nonce per load and puts it in the page head', () => {
    const a = newNonce();
    const b = newNonce();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(24);
    expect(injectNonce('<html><head><title>x</title></head></html>', a)).toContain(
      `<meta name="csp-nonce" content="${a}">`,
    );
  });

  it('sends the CSP with the other hardening headers', () => {
    expect(securityHeaders('n')).toMatchObject({
      'Content-Security-Policy': contentSecurityPolicy('n'),
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
