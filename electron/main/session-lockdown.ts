import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol-paths.js';

/** Nothing but the app's own scheme (and in-memory blobs for PDF previews) may be fetched. */
export function isAllowedRequestUrl(url: string): boolean {
  return (
    url.startsWith(`${APP_SCHEME}://${APP_HOST}/`) ||
    url.startsWith('blob:') ||
    url.startsWith('data:') ||
    url.startsWith('devtools:')
  );
}

/** No permission is ever granted (camera, notifications, USB…), no request leaves the app. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
