import { appendAuditEvent, type AuditEvent } from '../../db/audit/audit-log.js';
import type { Db } from '../../db/connection.js';
import { asRecordedActor, currentActor } from './desk-actor.js';

interface HeldEntry {
  readonly event: AuditEvent;
  readonly actor: string;
}

/**
 * Chain entries made while the ledger could take no write (the plain ledger being converted to
 * an encrypted one: a write then is missing from the copy, or stops the conversion), kept in
 * memory until it can (review s29 S7). Each keeps its maker and says when it was made
 * (`heldFrom`): the entry's own time is when it was written.
 */
export class HeldAuditEntries {
  private entries: HeldEntry[] = [];

  hold(event: AuditEvent, now: Date): void {
    const detail = { ...event.detail, heldFrom: now.toISOString() };
    this.entries.push({ event: { ...event, detail }, actor: currentActor() });
  }

  get count(): number {
    return this.entries.length;
  }

  /** Appends every held entry in the order made, in one transaction; none are held after. */
  appendTo(db: Db): void {
    const entries = this.entries.splice(0);
    if (entries.length === 0) return;
    db.transaction(() => {
      for (const { event, actor } of entries) {
        asRecordedActor(actor, () => appendAuditEvent(db, event));
      }
    }).immediate();
  }

  /** Drops the held entries (the ledger they were for is gone); returns how many. */
  drop(): number {
    return this.entries.splice(0).length;
  }
}
