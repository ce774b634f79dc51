import { caseOfRecord, type CaseRecordKind } from '../../db/cases/case-of-record.js';
import type { Db } from '../../db/connection.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';
import type { ApiMethod } from '../../domain/api/contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { accountMessagesZhCN as msg } from '../../domain/messages/accounts-zh-CN.js';
import { outsideOwnCases } from '../services/case-scope.js';

/** The input fields that name a record of one case, and which record. */
const RECORD_FIELDS: Readonly<Record<string, CaseRecordKind>> = {
  agreementId: 'AGREEMENT',
  printedDocumentId: 'PRINTED_DOCUMENT',
  followUpId: 'FOLLOW_UP',
  proofId: 'FOLLOW_UP_PROOF',
};

/** `attachmentId` names a different table per method. */
const ATTACHMENTS: Partial<Record<ApiMethod, CaseRecordKind>> = {
  'agreements.scan': 'AGREEMENT_SCAN',
  'volume.attachment': 'CASE_ATTACHMENT',
};

/**
 * The reveal applies the same rule itself (IdRevealService) so that a refused look is an entry
 * of the audit chain; refused here it would leave none.
 */
const CHECKED_BY_SERVICE: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['parties.revealIdNumber']);

/** The input fields the door reads a case from (the walk test names the rest of the inputs). */
export const CASE_NAMING_FIELDS: readonly string[] = [
  'caseId',
  'attachmentId',
  ...Object.keys(RECORD_FIELDS),
];

/**
 * The cases an input names: its caseId and the case of every record it names. A record
 * that does not exist names no case (the service answers NOT_FOUND).
 */
export function casesNamedBy(db: Db, method: ApiMethod, input: unknown): number[] {
  if (typeof input !== 'object' || input === null) return [];
  const fields = input as Record<string, unknown>;
  const cases: number[] = [];
  if (typeof fields.caseId === 'number') cases.push(fields.caseId);
  const kinds: [string, CaseRecordKind | undefined][] = [
    ...Object.entries(RECORD_FIELDS),
    ['attachmentId', ATTACHMENTS[method]],
  ];
  for (const [field, kind] of kinds) {
    const id = fields[field];
    if (kind === undefined || typeof id !== 'number') continue;
    const caseId = caseOfRecord(db, kind, id);
    if (caseId !== null) cases.push(caseId);
  }
  return cases;
}

/**
 * The per-case side of the door (domain.md §7.3): a 调解员's call that names a case outside
 * their own cases is refused before its handler runs, whatever the method, so no service has
 * to remember it. Reads the unparsed input: an id that is not a number names nothing here and
 * fails the schema afterwards.
 */
export function mediatorCaseDoor(db: () => Db) {
  return (user: DeskUser, method: ApiMethod, input: unknown): void => {
    if (user.role !== 'MEDIATOR' || CHECKED_BY_SERVICE.has(method)) return;
    const ledger = db();
    for (const caseId of casesNamedBy(ledger, method, input)) {
      const outside = outsideOwnCases(ledger, user, caseId);
      if (outside === 'NOT_LINKED')
        throw new ApiError('MEDIATOR_NOT_LINKED', msg.mediatorNotLinked);
      if (outside) throw new ApiError('NOT_OWN_CASE', msg.notOwnCase);
    }
  };
}

export type CaseDoor = ReturnType<typeof mediatorCaseDoor>;
