import fs from 'node:fs';
import type { Protocol, CustomScheme } from 'electron';
import { APP_SCHEME, mimeTypeOf, resolveAppRequest } from './app-protocol-paths.js';
import { injectNonce, newNonce, securityHeaders } from './content-security-policy.js';

/** Registered before `ready`: app:// behaves like https (secure origin, fetch, no file:// powers). */
export const APP_SCHEME_PRIVILEGES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

/** Serves the built renderer, and nothing outside it, with the CSP as a response header. */
export function registerAppProtocol(protocol: Protocol, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(rendererRoot, request.url);
    if (resolved.kind === 'forbidden') return new Response('Forbidden', { status: 403 });
    try {
      const nonce = newNonce();
      const body = await fs.promises.readFile(resolved.filePath);
      const headers = { 'Content-Type': mimeTypeOf(resolved.filePath), ...securityHeaders(nonce) };
      if (resolved.isIndex) {
        return new Response(injectNonce(body.toString('utf8'), nonce), { headers });
      }
      return new Response(body, { headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
