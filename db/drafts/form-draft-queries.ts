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

/**
 * Drafts under a bare form key (`intake`, not `account:3:intake`): stored before drafts were
 * kept per account, or by a tool nobody signed in to. No one's, so never shown, and they may hold
 * another person's typing (whole ID numbers), so they go. Reads first: an open with none to
 * remove writes nothing. Returns how many went.
 */
export function removeOwnerlessDrafts(db: Db): number {
  const ownerless = "substr(form_key, 1, 8) <> 'account:'";
  if (!db.prepare(`SELECT 1 FROM form_draft WHERE ${ownerless} LIMIT 1`).get()) return 0;
  return db.prepare(`DELETE FROM form_draft WHERE ${ownerless}`).run().changes;
}
