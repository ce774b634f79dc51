import type { Migration } from './migration.js';

/**
 * A party's name and address in the party's own script (issue 12, must-have 2): traditional
 * Mongolian or Tibetan beside the Chinese ones. Which script follows the party's
 * `preferred_language`, so no script column is added that could disagree with it. Nullable:
 * every party saved before has none. The audit triggers of `party` are regenerated from its
 * columns after the migrations run (db/audit/audit-triggers.ts), so the new columns are in
 * the row hash from the first write on.
 */
export const migration024: Migration = {
  version: 24,
  name: 'own-script names and addresses',
  up(db) {
    db.exec(`
      ALTER TABLE party ADD COLUMN own_script_name TEXT;
      ALTER TABLE party ADD COLUMN own_script_address TEXT;
    `);
  },
};
