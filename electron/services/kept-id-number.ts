import {
  idDocumentSchema,
  type IdDocumentValues,
  type PartyValues,
  type StoredIdDocument,
} from '../../domain/cases/party-input.js';
import { idNumberKeepMessages as msg } from '../../domain/messages/zh-CN.js';
import { badInput } from './case-guards.js';

const isKept = (doc: IdDocumentValues | null): boolean => doc !== null && 'keep' in doc;

/**
 * A new party has no stored number to keep: every document of an intake or an added party (and
 * every representative's, whose numbers the correction form does not carry) is typed whole.
 */
export function refuseKeptNumbers(
  parties: readonly PartyValues[],
  path: (index: number) => readonly (string | number)[],
): void {
  parties.forEach((party, index) => {
    if (party.kind === 'NATURAL' && isKept(party.idDocument)) {
      throw badInput(msg.nothingToKeep, [...path(index), 'idDocument', 'number']);
    }
    refuseKeptRepresentatives(party, path(index));
  });
}

function refuseKeptRepresentatives(party: PartyValues, at: readonly (string | number)[]): void {
  party.representatives.forEach((rep, r) => {
    if (isKept(rep.idDocument)) {
      const path = [...at, 'representatives', r, 'idDocument', 'number'];
      throw badInput(msg.representativeNotKept, path);
    }
  });
}

/**
 * A correction that keeps the stored number (`keep`, since answers carry it masked) gets that
 * number back before any check or write, and it is checked as if typed: a document type changed
 * to a resident ID still needs a valid GB 11643 number, and the birth date and gender rules of
 * the party checks then run against it. `storedNumber` reads the party's number (null: none).
 */
export function withStoredIdNumber(
  party: PartyValues,
  storedNumber: () => string | null,
): PartyValues {
  refuseKeptRepresentatives(party, ['party']);
  if (party.kind !== 'NATURAL' || party.idDocument === null || !isKept(party.idDocument)) {
    return party;
  }
  const at = ['party', 'idDocument', 'number'];
  const stored = storedNumber();
  if (stored === null) throw badInput(msg.nothingToKeep, at);
  const { type, name } = party.idDocument;
  const checked = idDocumentSchema.safeParse({ type, number: stored, name, noneReason: null });
  if (!checked.success) {
    throw badInput(checked.error.issues[0]?.message ?? msg.nothingToKeep, at);
  }
  const idDocument: StoredIdDocument = checked.data;
  return { ...party, idDocument };
}
