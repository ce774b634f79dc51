import { appendAuditEvent } from '../../db/audit/audit-log.js';
import { partyIdNumber } from '../../db/cases/party-id-number.js';
import { ApiError } from '../../domain/api/errors.js';
import { idRevealMessages } from '../../domain/messages/zh-CN.js';
import type { LedgerSession } from './ledger-session.js';

/**
 * Screens show ID numbers masked (632801********1246); the whole number is given one party at
 * a time, with a reason, and every look is an entry of the audit chain (issue 11, must-have 4),
 * so "who looked at whose ID number, when and why" can be answered later.
 */
export class IdRevealService {
  constructor(private readonly ledger: LedgerSession) {}

  reveal(caseId: number, partyId: number, reason: string): { readonly number: string } {
    const db = this.ledger.db();
    return db
      .transaction(() => {
        const number = partyIdNumber(db, caseId, partyId);
        if (number === undefined) throw new ApiError('NOT_FOUND', idRevealMessages.noSuchParty);
        if (number === null) throw new ApiError('INVALID_STATE', idRevealMessages.noNumber);
        // The reason is the looker's own words about why, not the party's data; the number
        // itself never enters the chain.
        appendAuditEvent(db, { action: 'REVEAL_ID', caseId, detail: { partyId, reason } });
        return { number };
      })
      .immediate();
  }
}
