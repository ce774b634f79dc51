import { generatedCaseTitle } from '../../domain/cases/case-title.js';
import type * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import { salvageText, type TextKind } from '../../domain/text-discipline.js';
import type { Db } from '../connection.js';
import { recordChangeSet, type ChangeEntity } from '../history/change-history.js';
import { refreshCaseSearch } from '../search/case-search-index.js';
import type { Migration } from './migration.js';

/**
 * Field-level change history, and the one text discipline applied to the rows written before
 * it existed (issue 8, must-haves 2 and 4).
 *
 * `change_set` / `change_field` are append-only: triggers refuse UPDATE and DELETE, so the
 * hash-chained audit log can be built on them. Existing text is normalised with
 * `salvageText` (nothing can be refused after the fact; see there) and every changed field gets
 * a NORMALISE change set with the old and new value, so the correction is visible on the case's
 * timeline and the original is never lost. Every case is re-indexed for search (normalised
 * text, and the code tables' words for its category).
 */

const ACTOR = '系统（文本规范化）';
const REASON = '统一文本规范：删除不可见字符，统一换行、空格和字符组合形式';

interface Column {
  readonly column: string;
  readonly field: string;
  readonly kind: TextKind;
  /** A JSON array of strings (requests) rather than one string. */
  readonly jsonList?: boolean;
  readonly sensitive?: boolean;
}

interface Table {
  readonly table: string;
  readonly entity: ChangeEntity;
  /** SQL for the case the row belongs to (the row is aliased `t`). */
  readonly caseIdSql: string;
  readonly columns: readonly Column[];
}

const TABLES: readonly Table[] = [
  {
    table: 'case_file',
    entity: 'CASE',
    caseIdSql: 't.id',
    columns: [
      { column: 'title', field: 'title', kind: 'LINE' },
      { column: 'summary', field: 'summary', kind: 'MULTILINE' },
      { column: 'remarks', field: 'remarks', kind: 'MULTILINE' },
      { column: 'requests_json', field: 'requests', kind: 'LINE', jsonList: true },
    ],
  },
  {
    table: 'party',
    entity: 'PARTY',
    caseIdSql: 't.case_id',
    columns: [
      { column: 'name', field: 'name', kind: 'STRICT' },
      { column: 'address', field: 'address', kind: 'LINE' },
      { column: 'note', field: 'note', kind: 'MULTILINE' },
      { column: 'occupation', field: 'occupation', kind: 'LINE' },
      { column: 'phone', field: 'phone', kind: 'STRICT' },
      { column: 'no_phone_reason', field: 'noPhoneReason', kind: 'LINE' },
      { column: 'id_number', field: 'idNumber', kind: 'STRICT', sensitive: true },
      { column: 'id_doc_name', field: 'idDocName', kind: 'LINE' },
      { column: 'id_none_reason', field: 'idNoneReason', kind: 'LINE' },
      { column: 'legal_rep_name', field: 'legalRepName', kind: 'STRICT' },
      { column: 'legal_rep_title', field: 'legalRepTitle', kind: 'LINE' },
    ],
  },
  {
    table: 'party_representative',
    entity: 'REPRESENTATIVE',
    caseIdSql: '(SELECT case_id FROM party p WHERE p.id = t.party_id)',
    columns: [
      { column: 'name', field: 'name', kind: 'STRICT' },
      { column: 'relationship', field: 'relationship', kind: 'LINE' },
      { column: 'no_phone_reason', field: 'noPhoneReason', kind: 'LINE' },
    ],
  },
  {
    table: 'invited_participant',
    entity: 'PARTICIPANT',
    caseIdSql: 't.case_id',
    columns: [
      { column: 'name', field: 'name', kind: 'STRICT' },
      { column: 'affiliation', field: 'affiliation', kind: 'LINE' },
      { column: 'consent_note', field: 'consentNote', kind: 'LINE' },
    ],
  },
  {
    table: 'session_record',
    entity: 'SESSION',
    caseIdSql: 't.case_id',
    columns: [
      { column: 'place', field: 'place', kind: 'LINE' },
      { column: 'subject', field: 'subject', kind: 'LINE' },
      { column: 'recorder', field: 'recorder', kind: 'LINE' },
      { column: 'content', field: 'content', kind: 'MULTILINE' },
    ],
  },
  {
    table: 'investigation_record',
    entity: 'INVESTIGATION',
    caseIdSql: 't.case_id',
    columns: [
      { column: 'place', field: 'place', kind: 'LINE' },
      { column: 'recorder', field: 'recorder', kind: 'LINE' },
      { column: 'content', field: 'content', kind: 'MULTILINE' },
    ],
  },
  {
    table: 'referral',
    entity: 'REFERRAL',
    caseIdSql: 't.case_id',
    columns: [
      { column: 'reason', field: 'reason', kind: 'MULTILINE' },
      { column: 'receiver', field: 'receiver', kind: 'LINE' },
      { column: 'feedback', field: 'feedback', kind: 'MULTILINE' },
    ],
  },
  {
    table: 'mediator',
    entity: 'MEDIATOR',
    caseIdSql: 'NULL',
    columns: [{ column: 'name', field: 'name', kind: 'STRICT' }],
  },
];

function cleanValue(value: unknown, col: Column): unknown {
  if (typeof value !== 'string') return value;
  if (!col.jsonList) return salvageText(value, col.kind);
  const list: unknown = JSON.parse(value);
  if (!Array.isArray(list)) return value;
  return JSON.stringify(list.map((s) => (typeof s === 'string' ? salvageText(s, col.kind) : s)));
}

/** Normalises every text column of the ledger, with a NORMALISE change set per changed row. */
export function normaliseStoredText(db: Db, at: number): number {
  const touchedCases = new Set<number>();
  let changedRows = 0;
  for (const t of TABLES) {
    const cols = t.columns.map((c) => c.column).join(', ');
    const rows = db
      .prepare(`SELECT t.id AS id, ${t.caseIdSql} AS case_id, ${cols} FROM ${t.table} t`)
      .all() as Record<string, unknown>[];
    for (const row of rows) {
      const changes = t.columns.flatMap((c) => {
        const before = row[c.column];
        const after = cleanValue(before, c);
        if (after === before) return [];
        const show = (v: unknown) => (c.jsonList && typeof v === 'string' ? JSON.parse(v) : v);
        return [{ col: c, after, oldValue: show(before), newValue: show(after) }];
      });
      if (changes.length === 0) continue;
      const sets = changes.map((c) => `${c.col.column} = ?`).join(', ');
      db.prepare(`UPDATE ${t.table} SET ${sets} WHERE id = ?`).run(
        ...changes.map((c) => c.after as string | null),
        row.id as number,
      );
      const caseId = typeof row.case_id === 'number' ? row.case_id : null;
      recordChangeSet(db, {
        caseId,
        entity: t.entity,
        entityId: row.id as number,
        action: 'NORMALISE',
        reason: REASON,
        actor: ACTOR,
        at,
        fields: changes.map((c) => ({
          field: c.col.field,
          oldValue: c.oldValue,
          newValue: c.newValue,
          sensitive: c.col.sensitive === true,
        })),
      });
      changedRows += 1;
      if (caseId !== null) touchedCases.add(caseId);
    }
  }
  for (const caseId of touchedCases) refreshCaseSearch(db, caseId);
  return changedRows;
}

/** A title equal to the one intake would generate from today's parties counts as generated. */
function markGeneratedTitles(db: Db): void {
  const cases = db.prepare('SELECT id, title, category FROM case_file').all() as {
    id: number;
    title: string;
    category: disputeCategories.Code;
  }[];
  const parties = db.prepare('SELECT role, name FROM party WHERE case_id = ? ORDER BY sort, id');
  const mark = db.prepare('UPDATE case_file SET title_generated = 1 WHERE id = ?');
  for (const c of cases) {
    const list = parties.all(c.id) as { role: string; name: string }[];
    if (generatedCaseTitle(list, c.category) === c.title) mark.run(c.id);
  }
}

export const migration008: Migration = {
  version: 8,
  name: 'change history; stored text normalised by the one text discipline',
  up(db) {
    db.exec(`
      CREATE TABLE change_set (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES case_file(id),
        entity TEXT NOT NULL CHECK (entity IN ('CASE', 'PARTY', 'REPRESENTATIVE', 'PARTICIPANT',
          'SESSION', 'INVESTIGATION', 'REFERRAL', 'MEDIATOR')),
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('ADD', 'UPDATE', 'REMOVE', 'NORMALISE')),
        reason TEXT,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        -- Warnings the user explicitly confirmed with this save (JSON list of Chinese text).
        confirmations_json TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX change_set_by_case ON change_set (case_id, id);
      CREATE INDEX change_set_by_entity ON change_set (entity, entity_id, id);

      CREATE TABLE change_field (
        id INTEGER PRIMARY KEY,
        change_set_id INTEGER NOT NULL REFERENCES change_set(id),
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
        UNIQUE (change_set_id, field)
      ) STRICT;

      -- A gender kept against the ID number after the mediator confirmed it (issue 8).
      ALTER TABLE party ADD COLUMN gender_confirmed INTEGER NOT NULL DEFAULT 0
        CHECK (gender_confirmed IN (0, 1));

      -- 1 while the title is the generated one (it then follows corrected names); 0 once typed.
      ALTER TABLE case_file ADD COLUMN title_generated INTEGER NOT NULL DEFAULT 0
        CHECK (title_generated IN (0, 1));

      CREATE TRIGGER change_set_append_only_update BEFORE UPDATE ON change_set
        BEGIN SELECT RAISE(ABORT, 'change_set is append-only'); END;
      CREATE TRIGGER change_set_append_only_delete BEFORE DELETE ON change_set
        BEGIN SELECT RAISE(ABORT, 'change_set is append-only'); END;
      CREATE TRIGGER change_field_append_only_update BEFORE UPDATE ON change_field
        BEGIN SELECT RAISE(ABORT, 'change_field is append-only'); END;
      CREATE TRIGGER change_field_append_only_delete BEFORE DELETE ON change_field
        BEGIN SELECT RAISE(ABORT, 'change_field is append-only'); END;
    `);
    normaliseStoredText(db, Date.now());
    markGeneratedTitles(db);
    // The index now also holds each case's code-table words (草山 → 草场纠纷): rebuild it all.
    const ids = db.prepare('SELECT id FROM case_file').pluck().all() as number[];
    for (const id of ids) refreshCaseSearch(db, id);
  },
};
