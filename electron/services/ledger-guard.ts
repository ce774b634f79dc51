import { storageFaultOf } from '../../db/storage-errors.js';
import { METHODS_ALLOWED_WHEN_DAMAGED } from '../../domain/api/ledger-writes.js';
import { ApiError } from '../../domain/api/errors.js';
import { storageMessagesZhCN as msg } from '../../domain/messages/storage-zh-CN.js';
import type { DispatchGuard } from '../api/dispatch.js';
import type { LedgerSession } from './ledger-session.js';

/**
 * The ledger's side of the API door: methods that may write wait for the start-up check and are
 * refused once the ledger is damaged; disk faults that reach the door become their own Chinese
 * sentences (full disk, read-only, damage found while reading) instead of "please try again".
 */
export function ledgerGuard(session: LedgerSession): DispatchGuard {
  return {
    async before(method) {
      if (!METHODS_ALLOWED_WHEN_DAMAGED.has(method)) await session.beforeWrite();
    },
    translate(_method, error) {
      switch (storageFaultOf(error)) {
        case 'CORRUPT':
          session.markDamaged([(error as Error).message]);
          return new ApiError('LEDGER_DAMAGED', msg.ledgerDamaged);
        case 'FULL':
          return new ApiError('STORAGE_FULL', msg.writeDiskFull);
        case 'READ_ONLY':
          return session.damaged
            ? new ApiError('LEDGER_DAMAGED', msg.writeRefusedDamaged)
            : new ApiError('STORAGE_READ_ONLY', msg.writeReadOnly);
        default:
          return null;
      }
    },
  };
}
