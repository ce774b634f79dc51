import type { Migration } from './migration.js';

/**
 * The committee's setting "调解员可查看本调委会全部案件（只读）" (issue 11, §7.3 MEDIATOR: "+ cases
 * of their committee read-only if configured"), a column of the desk's one settings row beside
 * the idle-lock minutes. Off on every ledger until the director turns it on; the row triggers
 * of `desk_security` audit its changes like the other columns of that row.
 */
export const migration029: Migration = {
  version: 29,
  name: 'mediators read room',
  up(db) {
    db.exec(`
      ALTER TABLE desk_security ADD COLUMN mediators_read_room INTEGER NOT NULL DEFAULT 0
        CHECK (mediators_read_room IN (0, 1));
    `);
  },
};
