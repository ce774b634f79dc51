import type { Db } from '../../db/connection.js';
import { getCaseSettings } from '../../db/cases/case-settings-queries.js';
import { partyRowsOf, representativeRowsOf } from '../../db/cases/case-reads.js';
import type { PartyRow, RepresentativeRow } from '../../db/cases/case-rows.js';
import { getMediators } from '../../db/cases/mediator-queries.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import type { DocumentDateStyle } from '../../domain/document-date.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import * as ethnicGroups from '../../domain/taxonomy/ethnic-groups.js';
import * as genders from '../../domain/taxonomy/genders.js';
import * as idDocTypes from '../../domain/taxonomy/id-doc-types.js';
import { ageOn } from '../../domain/validation/calendar-date.js';
import type { DocumentAgentInput, DocumentPartyInput } from '../documents/agreement-data.js';
import { badInput } from './case-guards.js';

/**
 * Ledger facts every printed document needs, read once per render: who the committee is, how
 * it writes dates, the parties as the party block prints them, and mediator names.
 */
export interface Letterhead {
  readonly committeeName: string;
  readonly dateStyle: DocumentDateStyle;
}

export function letterhead(db: Db): Letterhead {
  const settings = getRoomSettings(db);
  if (!settings) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
  return { committeeName: settings.committeeName, dateStyle: settings.documentDateStyle };
}

export interface LedgerParty {
  readonly row: PartyRow;
  readonly representatives: readonly RepresentativeRow[];
}

export function casePartiesById(db: Db, caseId: number): Map<number, LedgerParty> {
  const reps = representativeRowsOf(db, caseId);
  return new Map(
    partyRowsOf(db, caseId).map((row) => [
      row.id,
      { row, representatives: reps.filter((r) => r.party_id === row.id) },
    ]),
  );
}

/** The listed parties in the listed order; an id from another case is refused. */
export function pickParties(
  parties: ReadonlyMap<number, LedgerParty>,
  ids: readonly number[],
  path: readonly (string | number)[],
): LedgerParty[] {
  return ids.map((id, i) => {
    const p = parties.get(id);
    if (!p) throw badInput('所选当事人不是本案当事人，请刷新后重新选择', [...path, i]);
    return p;
  });
}

export function partyAge(row: PartyRow, onDate: string): number | null {
  if (row.kind !== 'NATURAL' || row.birth_date === null) return null;
  const age = ageOn(row.birth_date, onDate);
  return age === null || age < 0 ? null : age;
}

export function documentParty(db: Db, row: PartyRow, onDate: string): DocumentPartyInput {
  if (row.kind === 'NATURAL') {
    const extensions = getCaseSettings(db).ethnicExtensions;
    return {
      kind: 'PERSON',
      name: row.name,
      gender: row.gender === null ? '' : genders.labelOf(row.gender),
      ethnicity: row.ethnicity === null ? '' : ethnicGroups.labelOfWith(row.ethnicity, extensions),
      age: partyAge(row, onDate),
      occupation: row.occupation ?? undefined,
      phone: row.phone_kind === 'NONE' ? undefined : row.phone,
      address: row.address,
      idNumber: row.id_number ?? undefined,
      idDocType: row.id_doc_type === null ? undefined : idDocTypes.labelOf(row.id_doc_type),
    };
  }
  return {
    kind: 'ORGANISATION',
    name: row.name,
    creditCode: row.social_credit_code ?? undefined,
    address: row.address,
    representative: row.legal_rep_name ?? undefined,
    representativeTitle: row.legal_rep_title ?? undefined,
    phone: row.phone_kind === 'NONE' ? undefined : row.phone,
  };
}

/** Agents as the ledger has them (guardian → 法定代理人), for documents without a draft. */
export function ledgerAgents(parties: readonly LedgerParty[]): DocumentAgentInput[] {
  return parties.flatMap((p) =>
    p.representatives.map((r) => ({
      kind: r.kind === 'GUARDIAN' ? ('法定代理人' as const) : ('委托代理人' as const),
      name: r.name,
      principal: p.row.name,
      detail: `系其${r.relationship}`,
    })),
  );
}

export function mediatorNames(
  db: Db,
  ids: readonly number[],
  path: readonly (string | number)[],
): string[] {
  const found = new Map(getMediators(db, ids).map((m) => [m.id, m.name]));
  return ids.map((id) => {
    const name = found.get(id);
    if (name === undefined) throw badInput('所选人民调解员不存在，请刷新后重新选择', path);
    return name;
  });
}
