import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { IPC_CHANNEL } from '../../domain/api/bridge.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import type { CoreRouter } from '../core/core-router.js';
import { isTrustedSender, type SenderFrameLike } from './navigation-policy.js';

/**
 * What the sender check needs from Electron's frame. A frame is the top frame when its `parent`
 * is null (docs/api/web-frame-main.md); `frame === frame.top` compares two WebFrameMain wrapper
 * objects, which need not be the same object for the same frame.
 */
export function senderFrameFacts(
  frame: Pick<WebFrameMain, 'url' | 'detached' | 'parent'> | null | undefined,
): SenderFrameLike | null {
  if (!frame) return null;
  return { url: frame.url, detached: frame.detached, isMainFrame: frame.parent === null };
}

/** The one IPC channel: sender check, then the typed dispatcher (which validates the input). */
export function registerIpcDoor(
  ipcMain: Pick<IpcMain, 'handle'>,
  getCore: () => Pick<CoreRouter, 'dispatch'> | null,
): void {
  ipcMain.handle(
    IPC_CHANNEL,
    async (event: IpcMainInvokeEvent, methodName: unknown, input: unknown) => {
      if (!isTrustedSender(senderFrameFacts(event.senderFrame))) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: apiMessagesZhCN.forbiddenSender },
        };
      }
      const core = getCore();
      if (!core) {
        return { ok: false, error: { code: 'INTERNAL', message: apiMessagesZhCN.internal } };
      }
      return core.dispatch(methodName, input);
    },
  );
}
