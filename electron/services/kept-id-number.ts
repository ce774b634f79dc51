import type { Representative } from '../../domain/cases/case-views.js';
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
 * A new party has no stored number to keep: every document of an intake or an added party, and
 * of their representatives, is typed whole.
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

/** A kept document, with the stored number put in and checked as if typed (at `at`). */
function resolvedKept(
  kept: IdDocumentValues,
  stored: string | null,
  nothing: string,
  at: readonly (string | number)[],
): StoredIdDocument {
  if (stored === null) throw badInput(nothing, at);
  const { type, name } = kept;
  const checked = idDocumentSchema.safeParse({ type, number: stored, name, noneReason: null });
  if (!checked.success) throw badInput(checked.error.issues[0]?.message ?? nothing, at);
  return checked.data;
}

/**
 * A corrected representative that names its stored row (`id`) may keep that row's number, as
 * the party may: the correction form reopens it masked, and saving must not drop it.
 */
function withStoredRepresentativeNumbers(
  party: PartyValues,
  stored: () => readonly Representative[],
): PartyValues {
  if (!party.representatives.some((rep) => isKept(rep.idDocument))) return party;
  const rows = stored();
  const representatives = party.representatives.map((rep, r) => {
    if (rep.idDocument === null || !isKept(rep.idDocument)) return rep;
    const at = ['party', 'representatives', r, 'idDocument', 'number'];
    if (rep.id === undefined) throw badInput(msg.representativeNotKept, at);
    const row = rows.find((s) => s.id === rep.id);
    const number = row?.idDocument?.number ?? null;
    const idDocument = resolvedKept(rep.idDocument, number, msg.representativeNothingToKeep, at);
    return { ...rep, idDocument };
  });
  return { ...party, representatives };
}

/**
 * A correction that keeps the stored number (`keep`, since answers carry it masked) gets that
 * number back before any check or write, and it is checked as if typed: a document type changed
 * to a resident ID still needs a valid GB 11643 number, and the birth date and gender rules of
 * the party checks then run against it. `storedNumber` reads the party's number (null: none),
 * `storedRepresentatives` the party's representatives as stored (numbers whole).
 */
export function withStoredIdNumber(
  typed: PartyValues,
  storedNumber: () => string | null,
  storedRepresentatives: () => readonly Representative[],
): PartyValues {
  const party = withStoredRepresentativeNumbers(typed, storedRepresentatives);
  if (party.kind !== 'NATURAL' || party.idDocument === null || !isKept(party.idDocument)) {
    return party;
  }
  const at = ['party', 'idDocument', 'number'];
  const idDocument = resolvedKept(party.idDocument, storedNumber(), msg.nothingToKeep, at);
  return { ...party, idDocument };
}
