import type { AuditEvent } from '../../db/audit/audit-log.js';
import { caseOfRecord, type CaseRecordKind } from '../../db/cases/case-of-record.js';
import { caseAddressesOf } from '../../db/cases/case-addresses.js';
import type { Db } from '../../db/connection.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';
import type { ApiMethod } from '../../domain/api/contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { readsAnothersCase } from '../../domain/api/anothers-case-reads.js';
import { accountMessagesZhCN as msg } from '../../domain/messages/accounts-zh-CN.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { caseScopeRefusal } from '../services/case-scope.js';

/** What the door says: the case itself is refused, not only its whole ID numbers. */
const DOOR_MESSAGES = { notOwnCase: msg.notOwnCase, notLinked: msg.mediatorNotLinked };

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

/** The input fields the door reads a case from, at any depth (the walk test names the rest). */
export const CASE_NAMING_FIELDS: readonly string[] = [
  'caseId',
  'attachmentId',
  ...Object.keys(RECORD_FIELDS),
];

/**
 * Deeper than any input of the contract (an agreement's obligations lie 5 levels down); a
 * deeper input is refused unread, as no schema would take it.
 */
const MAX_DEPTH = 12;

/**
 * The cases an input names: every caseId in it, at any depth (a screening round's issues link
 * cases), and the case of every record it names. A record that does not exist names no case
 * (the service answers NOT_FOUND). Only numbers are read: anything else fails the schema.
 */
export function casesNamedBy(db: Db, method: ApiMethod, input: unknown): number[] {
  const cases: number[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null) return;
    if (depth > MAX_DEPTH) throw new ApiError('BAD_INPUT', apiMessagesZhCN.badInput);
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    for (const [field, id] of Object.entries(value)) {
      if (typeof id !== 'number') {
        walk(id, depth + 1);
        continue;
      }
      const kind = field === 'attachmentId' ? ATTACHMENTS[method] : RECORD_FIELDS[field];
      if (field === 'caseId') cases.push(id);
      else if (kind !== undefined) {
        const caseId = caseOfRecord(db, kind, id);
        if (caseId !== null) cases.push(caseId);
      }
    }
  };
  walk(input, 0);
  return cases;
}

/**
 * The per-case side of the door (domain.md §7.3): a 调解员's (or 登记员's) call that names a
 * case outside their own cases (their own intakes) is refused before its handler runs, whatever the method, so no service has
 * to remember it; the rule is case-scope.ts's, the one the papers and the reveal ask; each
 * refusal is an audit entry (CASE_REFUSED). Reads
 * the unparsed input: an id that is not a number names nothing here and fails the schema after.
 *
 * `roomReadable`: the committee lets its (linked) mediators read every case (§7.3 "+ cases of
 * their committee read-only if configured"); then a read of another's case passes
 * (`readsAnothersCase`), its answer masked as for any case, while every write, paper and file
 * stays refused here, and the reveal and the whole-number papers stay refused in their services.
 * Answers whether the call so opened another's case (null: it did not), with the addresses of
 * that case (its parties' stored and former ones, its investigated persons'): its answer then
 * shows no whole phone or address, nor those addresses where its free texts repeat them
 * (masked-contacts.ts, applied by desk-door.ts).
 */
export function mediatorCaseDoor(
  db: () => Db,
  record: (entry: AuditEvent) => void,
  roomReadable: (ledger: Db) => boolean = () => false,
) {
  return (user: DeskUser, method: ApiMethod, input: unknown): AnothersCaseRead | null => {
    if (user.role !== 'MEDIATOR' && user.role !== 'RECEPTIONIST') return null;
    if (CHECKED_BY_SERVICE.has(method)) return null;
    const ledger = db();
    const reads = readsAnothersCase(method);
    const opened: number[] = [];
    for (const caseId of casesNamedBy(ledger, method, input)) {
      const refused = caseScopeRefusal(ledger, user, caseId, DOOR_MESSAGES);
      if (!refused) continue;
      // the setting is the mediators' (§7.3): any other role the door limits stays limited
      const opensRead = user.role === 'MEDIATOR' && refused.code === 'NOT_OWN_CASE';
      if (opensRead && reads && roomReadable(ledger)) {
        opened.push(caseId);
        continue;
      }
      // An auditor asks who tried to open another's case as much as who opened one: the try is
      // an entry of its own (the method and why, never the input), committed before the
      // refusal is thrown (held while the ledger is being encrypted, skipped when damaged).
      record({ action: 'CASE_REFUSED', caseId, detail: { method, refused: refused.code } });
      throw refused;
    }
    if (opened.length === 0) return null;
    return { addresses: [...new Set(opened)].flatMap((id) => caseAddressesOf(ledger, id)) };
  };
}

/** A read of another's case let through (the committee's setting): what its answer must hide. */
export interface AnothersCaseRead {
  /** The case's parties' stored and former addresses, its investigated persons' (case-addresses.ts). */
  readonly addresses: readonly string[];
}

export type CaseDoor = ReturnType<typeof mediatorCaseDoor>;
