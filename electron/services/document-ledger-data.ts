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
import * as languages from '../../domain/taxonomy/languages.js';
import { ageOn } from '../../domain/validation/calendar-date.js';
import type { DocumentAgentInput, DocumentPartyInput } from '../documents/agreement-data.js';
import { unnestBrackets } from '../documents/investigation-record-data.js';
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

/**
 * 联系方式 as printed: the number, or — for a party without a phone — “无” with the recorded
 * way to reach them (可通过村委会0979-8881234联系), so a court can still serve them.
 */
export function printedPhone(row: PartyRow): string | undefined {
  if (row.phone_kind !== 'NONE') return row.phone;
  const reason = row.no_phone_reason?.trim() ?? '';
  return reason === '' ? '无' : `无（${unnestBrackets(reason)}）`;
}

/** The language line of a party who does not speak Chinese, e.g. 藏语（需要翻译）. */
export function partyLanguage(row: PartyRow): string | undefined {
  if (row.kind !== 'NATURAL' || row.preferred_language === 'zh') return undefined;
  const label = languages.labelOf(row.preferred_language);
  return row.needs_interpreter === 1 ? `${label}（需要翻译）` : label;
}

export function documentParty(db: Db, row: PartyRow, onDate: string): DocumentPartyInput {
  const serviceAddress = row.phone_kind === 'NONE' ? row.address : undefined;
  if (row.kind === 'NATURAL') {
    const extensions = getCaseSettings(db).ethnicExtensions;
    return {
      kind: 'PERSON',
      name: row.name,
      gender: row.gender === null ? '' : genders.labelOf(row.gender),
      ethnicity: row.ethnicity === null ? '' : ethnicGroups.labelOfWith(row.ethnicity, extensions),
      age: partyAge(row, onDate),
      occupation: row.occupation ?? undefined,
      phone: printedPhone(row),
      address: row.address,
      idNumber: row.id_number ?? undefined,
      idDocType: row.id_doc_type === null ? undefined : idDocTypes.labelOf(row.id_doc_type),
      serviceAddress,
      language: partyLanguage(row),
    };
  }
  return {
    kind: 'ORGANISATION',
    name: row.name,
    creditCode: row.social_credit_code ?? undefined,
    address: row.address,
    representative: row.legal_rep_name ?? undefined,
    representativeTitle: row.legal_rep_title ?? undefined,
    phone: printedPhone(row),
    serviceAddress,
  };
}

/** The interpretation line of a document read to parties who do not speak Chinese. */
export interface DocumentInterpretation {
  readonly statement: string;
  /** Empty when no interpreter is recorded yet: the line is left for a hand-written name. */
  readonly interpreterName: string;
}

/**
 * Who on this document does not speak Chinese, in which language, and who interpreted (the
 * recorded interpreter for that language, if any): e.g. “当事人扎西多杰使用藏语，本告知书已由
 * 翻译人多杰才旦用藏语向其宣读并翻译。” Null when every party speaks Chinese.
 */
export function documentInterpretation(
  parties: readonly PartyRow[],
  interpreters: readonly { readonly name: string; readonly language: string }[],
  documentName: string,
): DocumentInterpretation | null {
  const byLanguage = new Map<string, string[]>();
  for (const p of parties) {
    if (p.kind !== 'NATURAL' || p.preferred_language === 'zh') continue;
    byLanguage.set(p.preferred_language, [...(byLanguage.get(p.preferred_language) ?? []), p.name]);
  }
  if (byLanguage.size === 0) return null;
  const names: string[] = [];
  const sentences = [...byLanguage].map(([code, who]) => {
    const label = languages.labelOf(code as languages.Code);
    const interpreter = interpreters.find((i) => i.language === code)?.name ?? '';
    if (interpreter !== '' && !names.includes(interpreter)) names.push(interpreter);
    return `当事人${who.join('、')}使用${label}，本${documentName}已由翻译人${interpreter}用${label}向其宣读并翻译。`;
  });
  return { statement: sentences.join(''), interpreterName: names.join('、') };
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
