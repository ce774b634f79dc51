import {
  accountById,
  isCaseOfMediator,
  isCaseRegisteredBy,
} from '../../db/accounts/account-queries.js';
import type { Db } from '../../db/connection.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { accountMessagesZhCN } from '../../domain/messages/accounts-zh-CN.js';
import { idRevealMessages } from '../../domain/messages/zh-CN.js';

/** The two sentences a refusal says; each caller names what was refused (看, 打印, 打开). */
export interface CaseScopeMessages {
  readonly notOwnCase: string;
  readonly notLinked: string;
}

/**
 * The one place of the "own case" rule (§7.3): a 调解员 works on the cases assigned to the
 * mediator profile their account is linked to; an unlinked 调解员 has no cases; a 登记员 the
 * cases their account registered (none from before migration 028, which name no account; what
 * they see of them is receptionist-scope.ts's); every other role is not limited here (what a role may call at all is METHOD_ROLES' business, checked at the
 * door). Read from the ledger on every call: a case reassigned a minute ago counts now.
 *
 * Returns the refusal rather than throwing it, so that a caller can write the refusal's audit
 * entry in the same transaction without the throw rolling it back.
 */
export function caseScopeRefusal(
  db: Db,
  caller: DeskUser | null,
  caseId: number,
  messages: CaseScopeMessages = idRevealMessages,
): ApiError | null {
  if (caller?.role === 'RECEPTIONIST') {
    return isCaseRegisteredBy(db, caseId, caller.id)
      ? null
      : new ApiError('NOT_OWN_CASE', accountMessagesZhCN.notOwnIntake);
  }
  if (caller?.role !== 'MEDIATOR') return null;
  const mediatorId = accountById(db, caller.id)?.mediatorId ?? null;
  if (mediatorId === null) return new ApiError('MEDIATOR_NOT_LINKED', messages.notLinked);
  return isCaseOfMediator(db, caseId, mediatorId)
    ? null
    : new ApiError('NOT_OWN_CASE', messages.notOwnCase);
}
