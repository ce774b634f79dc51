import type { Db } from '../connection.js';
import {
  getCaseRow,
  investigationRowsOf,
  participantRowsOf,
  partyRowsOf,
  representativeRowsOf,
  sessionRowsOf,
} from '../cases/case-reads.js';
import { nameFullPinyin, nameInitials } from './name-pinyin.js';
import { codeTokens, indexDocument } from './search-tokens.js';

/**
 * Rebuilds one case's entry in the search index from the stored rows. Called inside every
 * transaction that changes something searchable, so the index can never disagree with a
 * committed case. Rebuilding the whole entry (a few hundred tokens) is simpler and safer than
 * patching it, and costs well under a millisecond.
 */
export function refreshCaseSearch(db: Db, caseId: number): void {
  const row = getCaseRow(db, caseId);
  db.prepare('DELETE FROM case_search WHERE rowid = ?').run(caseId);
  if (!row) return;
  const parties = partyRowsOf(db, caseId);
  const reps = representativeRowsOf(db, caseId);
  const body = indexDocument([
    row.case_number,
    ...(
      db.prepare('SELECT number FROM case_number WHERE case_id = ?').all(caseId) as {
        number: string;
      }[]
    )
      .map((n) => n.number)
      .filter((n) => n !== row.case_number),
    row.title,
    row.summary,
    ...(JSON.parse(row.requests_json) as string[]),
    row.remarks,
    ...parties.flatMap((p) => [
      p.name,
      p.phone,
      p.id_number,
      p.social_credit_code,
      p.legal_rep_name,
    ]),
    ...reps.flatMap((r) => [r.name, r.phone]),
    ...participantRowsOf(db, caseId).map((p) => p.name),
    ...sessionRowsOf(db, caseId).flatMap((s) => [s.place, s.subject, s.content]),
    ...investigationRowsOf(db, caseId).flatMap((i) => [i.place, i.content]),
  ]);
  const names = [...parties.map((p) => p.name), ...reps.map((r) => r.name)]
    .flatMap((name) => [nameInitials(name), nameFullPinyin(name)])
    .filter((k) => k !== '')
    .join(' ');
  const codes = codeTokens([
    row.case_number,
    ...parties.flatMap((p) => [p.phone, p.id_number, p.social_credit_code]),
    ...reps.map((r) => r.phone),
  ]);
  db.prepare('INSERT INTO case_search (rowid, body, names, codes) VALUES (?, ?, ?, ?)').run(
    caseId,
    body,
    names,
    codes,
  );
}
