import { appendAuditEvent, type AuditEvent } from '../../db/audit/audit-log.js';
import type { Db } from '../../db/connection.js';
import { asRecordedActor, currentActor } from './desk-actor.js';

/**
 * Entries held one by one; beyond it, one more of an action and maker already held is counted
 * on the last such entry (`moreNotKept`, and its case in `moreCaseIds`) instead of kept: a flood of refused calls or wrong
 * passwords during a conversion (~15 s, minutes at 100,000 cases) cannot grow memory without
 * end, and the chain still says who did what, and how often. 1,000 entries are a few hundred
 * kilobytes; a room makes a handful in that time.
 */
export const HELD_ENTRY_LIMIT = 1_000;

/**
 * Case ids named on one entry for the repeats counted on it (review AH2: a count alone lost
 * which cases a flood of refusals touched); beyond them the repeats of further cases are only
 * counted. 100 ids are well under a kilobyte of detail, and a chain entry is read by a person.
 */
export const COUNTED_CASE_IDS_LIMIT = 100;

interface HeldEntry {
  readonly event: AuditEvent;
  readonly actor: string;
  moreNotKept: number;
  /** The cases the counted repeats named, de-duplicated, in the order first met. */
  readonly moreCaseIds: Set<number>;
  /** Counted repeats naming a case not in `moreCaseIds` (the list was full). */
  moreOfUnlistedCases: number;
}

/**
 * Chain entries made while the ledger could take no write (the plain ledger being converted to
 * an encrypted one: a write then is missing from the copy, or stops the conversion), kept in
 * memory until it can (review s29 S7). Each keeps its maker and says when it was made
 * (`heldFrom`): the entry's own time is when it was written. They are kept until an append
 * commits: one that fails leaves them all held for the next try.
 */
export class HeldAuditEntries {
  private entries: HeldEntry[] = [];
  /** The last held entry of each action and maker, for the count beyond the limit. */
  private lastOf = new Map<string, HeldEntry>();

  constructor(private readonly limit: number = HELD_ENTRY_LIMIT) {}

  hold(event: AuditEvent, now: Date): void {
    const actor = currentActor();
    const key = JSON.stringify([event.action, actor]);
    const same = this.lastOf.get(key);
    if (same && this.entries.length >= this.limit) {
      same.moreNotKept += 1;
      const caseId = event.caseId ?? null;
      if (caseId === null || same.moreCaseIds.has(caseId)) return;
      if (same.moreCaseIds.size < COUNTED_CASE_IDS_LIMIT) same.moreCaseIds.add(caseId);
      else same.moreOfUnlistedCases += 1;
      return;
    }
    const detail = { ...event.detail, heldFrom: now.toISOString() };
    const entry: HeldEntry = {
      event: { ...event, detail },
      actor,
      moreNotKept: 0,
      moreCaseIds: new Set(),
      moreOfUnlistedCases: 0,
    };
    this.entries.push(entry);
    this.lastOf.set(key, entry);
  }

  /** Entries held one by one (those counted beyond the limit are not among them). */
  get count(): number {
    return this.entries.length;
  }

  /**
   * Appends every held entry in the order made, in one transaction; they are let go only once
   * it commits (a failed append rolls back and keeps them all).
   */
  appendTo(db: Db): void {
    const entries = this.entries;
    if (entries.length === 0) return;
    db.transaction(() => {
      for (const entry of entries) {
        asRecordedActor(entry.actor, () => appendAuditEvent(db, withCounts(entry)));
      }
    }).immediate();
    this.clear();
  }

  /** Drops the held entries (the ledger they were for is gone); returns how many. */
  drop(): number {
    const dropped = this.entries.length;
    this.clear();
    return dropped;
  }

  private clear(): void {
    this.entries = [];
    this.lastOf = new Map();
  }
}

/**
 * The entry as appended: with the repeats counted on it, the cases they named and how many
 * named a case beyond that list (the list in the order met).
 */
function withCounts(entry: HeldEntry): AuditEvent {
  const { event, moreNotKept, moreCaseIds, moreOfUnlistedCases } = entry;
  if (moreNotKept === 0) return event;
  const cases = moreCaseIds.size > 0 ? { moreCaseIds: [...moreCaseIds] } : {};
  const unlisted = moreOfUnlistedCases > 0 ? { moreOfUnlistedCases } : {};
  return { ...event, detail: { ...event.detail, moreNotKept, ...cases, ...unlisted } };
}
