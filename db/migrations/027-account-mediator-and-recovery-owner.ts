import type { Migration } from './migration.js';

/**
 * Two columns of the desk's accounts (issue 11, §7.3):
 * - `desk_account.mediator_id`: the mediator profile an account works as. A 调解员 may see the
 *   whole ID number only of cases that profile is assigned to; an account not linked to one
 *   sees none until the director links it.
 * - `desk_security.recovery_owner_id`: the director the recovery code was printed for. Until
 *   now it was written ahead of the hash in `recovery_hash` (`owner:12$argon2id$…`); such values
 *   are split here. A hash stored before owners were kept at all was printed at set-up, for the
 *   account that set the desk up (the first one made): it gets that owner, as it did when read.
 *   No foreign key: an owner naming no account must not stop the ledger from opening; recovery
 *   checks the account anyway and refuses a code whose director is gone.
 */
export const migration027: Migration = {
  version: 27,
  name: 'account mediator and recovery owner',
  // Only the stored recovery hash is rewritten; a ledger without one (upgraded from before the
  // accounts) changes no row, and its pending baseline stays with the slices.
  changesRows: (db) =>
    db.prepare('SELECT recovery_hash FROM desk_security WHERE id = 1').pluck().get() != null,
  up(db) {
    db.exec(`
      ALTER TABLE desk_account ADD COLUMN mediator_id INTEGER REFERENCES mediator(id);
      ALTER TABLE desk_security ADD COLUMN recovery_owner_id INTEGER;
    `);
    const stored = db
      .prepare('SELECT recovery_hash FROM desk_security WHERE id = 1')
      .pluck()
      .get() as string | null | undefined;
    if (stored === null || stored === undefined) return;
    const tagged = /^owner:(\d+)(\$.*)$/s.exec(stored);
    const owner = tagged
      ? Number(tagged[1])
      : (db.prepare('SELECT min(id) FROM desk_account').pluck().get() as number | null);
    db.prepare(
      'UPDATE desk_security SET recovery_hash = ?, recovery_owner_id = ? WHERE id = 1',
    ).run(tagged ? tagged[2] : stored, owner);
  },
};
