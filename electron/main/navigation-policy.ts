import { APP_HOST, APP_SCHEME } from './app-protocol-paths.js';

/**
 * Only the app's own pages may load in the window. The URL is parsed and its parts compared
 * (Node reports origin "null" for custom schemes, and a prefix test would let app://main.evil in).
 */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return (
      url.protocol === `${APP_SCHEME}:` &&
      url.host === APP_HOST &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

export interface SenderFrameLike {
  readonly url: string;
  readonly detached?: boolean;
  readonly isMainFrame: boolean;
}

/**
 * An IPC call is answered only when it comes from the app's own top-level page (the caller
 * derives isMainFrame from `frame.parent === null`, see ipc-door.ts). A null frame
 * (navigated away or destroyed) and a detached frame are refused too.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || frame.detached === true || !frame.isMainFrame) return false;
  return isAppUrl(frame.url);
}
