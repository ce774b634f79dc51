import type { Db } from '../connection.js';

export interface FormDraftRow {
  readonly form_key: string;
  readonly payload: string;
  readonly saved_at: string;
}

export function getFormDraft(db: Db, key: string): FormDraftRow | undefined {
  return db.prepare('SELECT * FROM form_draft WHERE form_key = ?').get(key) as
    FormDraftRow | undefined;
}

export function saveFormDraft(db: Db, key: string, payload: string, savedAt: string): void {
  db.prepare(
    `INSERT INTO form_draft (form_key, payload, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (form_key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
  ).run(key, payload, savedAt);
}

export function discardFormDraft(db: Db, key: string): void {
  db.prepare('DELETE FROM form_draft WHERE form_key = ?').run(key);
}
