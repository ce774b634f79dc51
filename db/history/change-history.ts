import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * Field-level change history (issue 8, must-have 2). One `change_set` row per save (who, when,
 * why, which record, what kind of change) and one `change_field` row per changed field with its
 * old and new value as JSON. Both tables are append-only (triggers of migration 008 refuse
 * UPDATE and DELETE), so the hash-chained audit log (§7.5) can hash a change set with its fields
 * and chain it without the rows moving underneath it. Values are stored whole, ID numbers
 * included: masking is a matter of showing (`maskIdNumber`), and the audit of a correction needs
 * to prove what the number was.
 */

export const CHANGE_ENTITIES = [
  'CASE',
  'PARTY',
  'REPRESENTATIVE',
  'PARTICIPANT',
  'SESSION',
  'INVESTIGATION',
  'REFERRAL',
  'MEDIATOR',
] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

export const CHANGE_ACTIONS = ['ADD', 'UPDATE', 'REMOVE', 'NORMALISE'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface FieldChange {
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  /** Shown masked (ID numbers); the stored value is whole. */
  readonly sensitive?: boolean;
}

export interface ChangeSetInput {
  readonly caseId: number | null;
  readonly entity: ChangeEntity;
  readonly entityId: number;
  readonly action: ChangeAction;
  readonly reason: string | null;
  readonly actor: string;
  /** Unix milliseconds. */
  readonly at: number;
  /** Warnings the user explicitly confirmed for this save, e.g. a gender against the ID number. */
  readonly confirmations?: readonly string[];
  readonly fields: readonly FieldChange[];
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Writes one change set with its fields; call inside the transaction of the change itself. */
export function recordChangeSet(db: Db, change: ChangeSetInput): number | null {
  if (change.fields.length === 0 && change.action === 'UPDATE') return null;
  const id = Number(
    statement(
      db,
      `INSERT INTO change_set (case_id, entity, entity_id, action, reason, actor, at,
         confirmations_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      change.caseId,
      change.entity,
      change.entityId,
      change.action,
      change.reason,
      change.actor,
      change.at,
      JSON.stringify(change.confirmations ?? []),
    ).lastInsertRowid,
  );
  const insert = statement(
    db,
    `INSERT INTO change_field (change_set_id, field, old_value, new_value, sensitive)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const f of change.fields) {
    insert.run(id, f.field, json(f.oldValue), json(f.newValue), f.sensitive === true ? 1 : 0);
  }
  return id;
}

/** The fields whose values differ, in the order given. Values compare as JSON. */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  sensitive: ReadonlySet<string> = new Set(),
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(after)) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    // The same value is the same text: most fields of a correction are unchanged, and two
    // strings per field were most of what this allocated (issue 8).
    if (oldValue !== newValue && JSON.stringify(oldValue) !== JSON.stringify(newValue)) {
      out.push({ field, oldValue, newValue, sensitive: sensitive.has(field) });
    }
  }
  return out;
}

export interface ChangeSetRow {
  readonly id: number;
  readonly case_id: number | null;
  readonly entity: ChangeEntity;
  readonly entity_id: number;
  readonly action: ChangeAction;
  readonly reason: string | null;
  readonly actor: string;
  readonly at: number;
  readonly confirmations_json: string;
}

export interface ChangeFieldRow {
  readonly change_set_id: number;
  readonly field: string;
  readonly old_value: string | null;
  readonly new_value: string | null;
  readonly sensitive: 0 | 1;
}

/** A case's change sets, newest first, with their fields. */
export function listCaseChanges(
  db: Db,
  caseId: number,
): { sets: ChangeSetRow[]; fields: ChangeFieldRow[] } {
  const sets = statement(db, 'SELECT * FROM change_set WHERE case_id = ? ORDER BY id DESC').all(
    caseId,
  ) as ChangeSetRow[];
  const fields = statement(
    db,
    `SELECT f.* FROM change_field f JOIN change_set s ON s.id = f.change_set_id
      WHERE s.case_id = ? ORDER BY f.change_set_id DESC, f.id`,
  ).all(caseId) as ChangeFieldRow[];
  return { sets, fields };
}
