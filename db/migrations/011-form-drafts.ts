import type { Migration } from './migration.js';

/**
 * Issue 8, "nothing typed is lost": what a form holds while it is being typed, one row per form
 * (`intake`, `session:12:new`, `agreement:7`). Kept in the ledger, not in the renderer's
 * storage: it is the same personal data as the ledger (names, ID numbers), so it belongs under
 * the same file modes, encryption, durability (synchronous=FULL) and secure delete.
 */
export const migration011: Migration = {
  version: 11,
  name: 'form drafts',
  up(db) {
    db.exec(`
      CREATE TABLE form_draft (
        form_key TEXT PRIMARY KEY CHECK (length(form_key) BETWEEN 1 AND 80),
        payload TEXT NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
