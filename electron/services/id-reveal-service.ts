import { appendAuditEvent } from '../../db/audit/audit-log.js';
import { partyIdNumber } from '../../db/cases/party-id-number.js';
import { ApiError } from '../../domain/api/errors.js';
import { idRevealMessages } from '../../domain/messages/zh-CN.js';
import { caseScopeRefusal } from './case-scope.js';
import type { DeskSession } from './desk-session.js';
import type { LedgerSession } from './ledger-session.js';

/**
 * Screens show ID numbers masked (632801********1246); the whole number is given one party at
 * a time, with a reason, and every look is an entry of the audit chain (issue 11, must-have 4),
 * so "who looked at whose ID number, when and why" can be answered later.
 *
 * A 调解员 sees the whole number only of their own cases (§7.3): those assigned to the mediator
 * profile their account is linked to; a director sees every case's. A refused look is an entry
 * too (REVEAL_ID_REFUSED): an auditor asks who tried to see a party's number outside their cases
 * as much as who did.
 */
export class IdRevealService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly desk: DeskSession,
  ) {}

  reveal(caseId: number, partyId: number, reason: string): { readonly number: string } {
    const db = this.ledger.db();
    const outcome = db
      .transaction((): { number: string } | { refused: ApiError } => {
        const number = partyIdNumber(db, caseId, partyId);
        if (number === undefined) throw new ApiError('NOT_FOUND', idRevealMessages.noSuchParty);
        const refused = caseScopeRefusal(db, this.desk.caller, caseId);
        if (refused) {
          appendAuditEvent(db, {
            action: 'REVEAL_ID_REFUSED',
            caseId,
            detail: { partyId, reason, refused: refused.code },
          });
          // returned, not thrown: a throw would roll the refusal's entry back
          return { refused };
        }
        if (number === null) throw new ApiError('INVALID_STATE', idRevealMessages.noNumber);
        // The reason is the looker's own words about why, not the party's data; the number
        // itself never enters the chain.
        appendAuditEvent(db, { action: 'REVEAL_ID', caseId, detail: { partyId, reason } });
        return { number };
      })
      .immediate();
    if ('refused' in outcome) throw outcome.refused;
    return outcome;
  }
}
