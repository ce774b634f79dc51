import type { Migration } from './migration.js';

/**
 * The room's reviewed wording of the translation pages (issue 12, must-have 3): one row per
 * language and fixed entry (title, labels, the PML 31/33 sentences…), with who reviewed it and
 * when. The drafts we ship stay in templates/translation-wording.v1.json; only these rows are
 * printed. Audited like every table (the triggers are generated after the migrations run).
 */
export const migration026: Migration = {
  version: 26,
  name: 'translation wording',
  up(db) {
    db.exec(`
      CREATE TABLE translation_wording (
        language TEXT NOT NULL CHECK (language IN ('bo', 'mn')),
        key TEXT NOT NULL,
        text TEXT NOT NULL CHECK (length(text) > 0),
        reviewer TEXT NOT NULL CHECK (length(reviewer) > 0),
        reviewed_at TEXT NOT NULL,
        PRIMARY KEY (language, key)
      ) WITHOUT ROWID;
    `);
  },
};
