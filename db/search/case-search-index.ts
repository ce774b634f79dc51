import type { Db } from '../connection.js';
import { nameFullPinyin, nameInitials } from './name-pinyin.js';
import { searchTermsOf } from '../../domain/taxonomy/dispute-categories.js';
import { codeTokens, digitSuffixTokens, indexDocument } from './search-tokens.js';
import { REBUILD_TABLE, rebuiltBelow } from './search-rebuild-state.js';

/**
 * The statements of an index refresh, prepared once per connection: compiling them again on
 * every save cost more than running them.
 */
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    caseRow: db.prepare(
      `SELECT case_number, title, summary, requests_json, remarks, category, subtype
       FROM case_file WHERE id = ?`,
    ),
    numbers: db.prepare('SELECT number FROM case_number WHERE case_id = ?').pluck(),
    // The indexed columns only: whole rows were the largest objects of a party correction's
    // refresh (issue 8). Migration 008 re-indexes with this code on a ledger that has no
    // own-script columns yet: that connection reads every column, and its `*` statement is
    // re-prepared with them once 024 adds them.
    parties: db.prepare(
      hasOwnScriptColumns(db)
        ? `SELECT name, phone, id_number, social_credit_code, legal_rep_name, own_script_name,
             own_script_address FROM party WHERE case_id = ? ORDER BY sort, id`
        : 'SELECT * FROM party WHERE case_id = ? ORDER BY sort, id',
    ),
    reps: db.prepare(
      `SELECT r.name, r.phone FROM party_representative r JOIN party p ON p.id = r.party_id
       WHERE p.case_id = ? ORDER BY r.party_id, r.sort, r.id`,
    ),
    participants: db
      .prepare('SELECT name FROM invited_participant WHERE case_id = ? ORDER BY id')
      .pluck(),
    sessions: db.prepare(
      'SELECT place, subject, content FROM session_record WHERE case_id = ? ORDER BY session_no',
    ),
    investigations: db.prepare(
      'SELECT place, content FROM investigation_record WHERE case_id = ? ORDER BY at, id',
    ),
    remove: db.prepare('DELETE FROM case_search WHERE rowid = ?'),
    insert: db.prepare('INSERT INTO case_search (rowid, tokens) VALUES (?, ?)'),
  };
}

/** The writes of the index a rebuild builds: prepared when first needed (it rarely exists). */
const rebuildStatements = new WeakMap<Db, ReturnType<typeof prepareRebuild>>();

function prepareRebuild(db: Db) {
  return {
    remove: db.prepare(`DELETE FROM ${REBUILD_TABLE} WHERE rowid = ?`),
    insert: db.prepare(`INSERT INTO ${REBUILD_TABLE} (rowid, tokens) VALUES (?, ?)`),
  };
}

function rebuildStatementsOf(db: Db) {
  let s = rebuildStatements.get(db);
  if (s === undefined) {
    s = prepareRebuild(db);
    rebuildStatements.set(db, s);
  }
  return s;
}

function hasOwnScriptColumns(db: Db): boolean {
  const columns = db.pragma('table_info(party)') as { name: string }[];
  return columns.some((c) => c.name === 'own_script_address');
}

function statementsOf(db: Db) {
  let s = statements.get(db);
  if (s === undefined) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

interface CaseText {
  case_number: string | null;
  title: string;
  summary: string;
  requests_json: string;
  remarks: string | null;
  category: string;
  subtype: string | null;
}
interface PartyText {
  name: string;
  phone: string;
  id_number: string | null;
  social_credit_code: string | null;
  legal_rep_name: string | null;
  /** Absent before migration 024. */
  own_script_name?: string | null;
  own_script_address?: string | null;
}

/**
 * Rebuilds one case's entry in the search index from the stored rows. Called inside every
 * transaction that changes something searchable, so the index can never disagree with a
 * committed case. Rebuilding the whole entry (a few hundred tokens) is simpler and safer than
 * patching it, and costs well under a millisecond.
 *
 * One column holds four kinds of token (db/search/search-tokens.ts): bigrams of every text,
 * pinyin keys of every name (wf, wangfang), whole identifiers (phones, ID numbers), and the
 * suffixes of every stretch of digits (a digit query is a prefix of one of them).
 * Every text listed here must also be in the substring check of db/cases/ledger-query.ts.
 */
export function refreshCaseSearch(db: Db, caseId: number): void {
  const s = statementsOf(db);
  s.remove.run(caseId);
  const entry = caseSearchEntry(db, caseId);
  if (entry !== null) s.insert.run(caseId, entry);
  // While a rebuild is pending, a case it has passed gets its new entry there too.
  const below = rebuiltBelow(db);
  if (below !== null && caseId < below) writeRebuiltEntry(db, caseId, entry);
}

/** Writes a case's entry into the index a rebuild builds (none when the case is gone). */
export function rebuildCaseEntry(db: Db, caseId: number): void {
  writeRebuiltEntry(db, caseId, caseSearchEntry(db, caseId));
}

function writeRebuiltEntry(db: Db, caseId: number, entry: string | null): void {
  const r = rebuildStatementsOf(db);
  r.remove.run(caseId);
  if (entry !== null) r.insert.run(caseId, entry);
}

/** The index tokens of a case's searchable texts, or null when the case does not exist. */
function caseSearchEntry(db: Db, caseId: number): string | null {
  const s = statementsOf(db);
  const row = s.caseRow.get(caseId) as CaseText | undefined;
  if (!row) return null;
  const parties = s.parties.all(caseId) as PartyText[];
  const reps = s.reps.all(caseId) as { name: string; phone: string }[];
  const texts = [
    row.case_number,
    ...(s.numbers.all(caseId) as string[]).filter((n) => n !== row.case_number),
    row.title,
    // The code tables' words for its category (草山 → 草场纠纷); also in the substring check.
    searchTermsOf(row.category, row.subtype),
    row.summary,
    ...(JSON.parse(row.requests_json) as string[]),
    row.remarks,
    ...parties.flatMap((p) => [
      p.name,
      p.phone,
      p.id_number,
      p.social_credit_code,
      p.legal_rep_name,
      p.own_script_name,
      p.own_script_address,
    ]),
    ...reps.flatMap((r) => [r.name, r.phone]),
    ...(s.participants.all(caseId) as string[]),
    ...(s.sessions.all(caseId) as { place: string; subject: string; content: string }[]).flatMap(
      (x) => [x.place, x.subject, x.content],
    ),
    ...(s.investigations.all(caseId) as { place: string; content: string }[]).flatMap((i) => [
      i.place,
      i.content,
    ]),
  ];
  const body = indexDocument(texts);
  // Pinyin keys of the Chinese names only: an own-script name is found by its own letters
  // (bigrams above), never by a romanisation nobody agreed on.
  const names = new Set<string>();
  for (const p of [...parties, ...reps]) {
    names.add(nameInitials(p.name));
    names.add(nameFullPinyin(p.name));
  }
  names.delete('');
  const codes = codeTokens([
    row.case_number,
    ...parties.flatMap((p) => [p.phone, p.id_number, p.social_credit_code]),
    ...reps.map((r) => r.phone),
  ]);
  return [body, ...names, codes, digitSuffixTokens(texts)].filter((t) => t !== '').join(' ');
}
