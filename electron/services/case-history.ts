import type { Db } from '../../db/connection.js';
import { listCaseChanges } from '../../db/history/change-history.js';
import {
  ACTION_LABELS,
  ENTITY_LABELS,
  fieldLabel,
  formatChangeValue,
  type ChangeSetView,
} from '../../domain/cases/change-history.js';

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * A case's field-level history as people read it, newest first: on the case timeline
 * (`cases.history`) and for the printed 结案 summary, which should call this same function so
 * both show the same masked, labelled lines.
 */
export function caseHistoryViews(db: Db, caseId: number): ChangeSetView[] {
  const { sets, fields } = listCaseChanges(db, caseId);
  const bySet = new Map<number, typeof fields>();
  for (const f of fields) {
    const list = bySet.get(f.change_set_id) ?? [];
    list.push(f);
    bySet.set(f.change_set_id, list);
  }
  const partyNames = new Map(
    (
      db.prepare('SELECT id, name FROM party WHERE case_id = ?').all(caseId) as {
        id: number;
        name: string;
      }[]
    ).map((p) => [p.id, p.name]),
  );
  const mediatorNames = new Map(
    (db.prepare('SELECT id, name FROM mediator').all() as { id: number; name: string }[]).map(
      (m) => [m.id, m.name],
    ),
  );
  // Record fields that hold row ids are shown as the names they stand for.
  const named = (field: string, value: unknown): unknown => {
    const names =
      field === 'partyIdsPresent'
        ? partyNames
        : field === 'mediatorIds' || field === 'investigatorIds'
          ? mediatorNames
          : null;
    if (!names || !Array.isArray(value)) return value;
    return value.map((id: unknown) => (typeof id === 'number' ? (names.get(id) ?? id) : id));
  };
  return sets.map((s) => {
    const own = bySet.get(s.id) ?? [];
    const nameField = own.find((f) => f.field === 'name');
    const name =
      (s.entity === 'PARTY' ? partyNames.get(s.entity_id) : undefined) ??
      (nameField ? String(parse(nameField.new_value) ?? parse(nameField.old_value) ?? '') : '');
    return {
      id: s.id,
      at: new Date(s.at).toISOString(),
      actor: s.actor,
      entity: s.entity,
      entityId: s.entity_id,
      subject: name ? `${ENTITY_LABELS[s.entity]} ${name}` : ENTITY_LABELS[s.entity],
      action: s.action,
      actionLabel: ACTION_LABELS[s.action],
      reason: s.reason,
      confirmations: JSON.parse(s.confirmations_json) as string[],
      fields: own.map((f) => ({
        field: f.field,
        label: fieldLabel(f.field),
        oldText: formatChangeValue(f.field, named(f.field, parse(f.old_value)), f.sensitive === 1),
        newText: formatChangeValue(f.field, named(f.field, parse(f.new_value)), f.sensitive === 1),
      })),
    };
  });
}
