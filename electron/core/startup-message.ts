import { DataDirLockedError } from '../../db/data-dir-lock.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { storageMessagesZhCN } from '../../domain/messages/storage-zh-CN.js';

/** The sentence a host shows when createAppCore throws (the shell's dialog, dev:web's console). */
export function startupFailureMessage(error: unknown): string {
  return error instanceof DataDirLockedError
    ? storageMessagesZhCN.dataDirLocked
    : apiMessagesZhCN.startupFailed;
}

export { DataDirLockedError };
