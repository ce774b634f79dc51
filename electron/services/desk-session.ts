import { actorNameOf } from '../../domain/accounts/actor-name.js';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../domain/accounts/roles.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';
import { admittedCaller, LOCAL_ACTOR } from './desk-actor.js';

export type LockReason = 'IDLE' | 'MANUAL';

/**
 * Who sits at the desk right now. Kept in the core's memory only: a restarted worker or host
 * starts with nobody signed in, so a crash never leaves an unlocked desk behind. One person at
 * a time (the desk is one computer); signing in as another person switches.
 *
 * Time comes from an injected clock (milliseconds), never a timer: the desk locks when a call
 * arrives more than the idle minutes after the last activity, so tests move the clock instead
 * of waiting.
 */
export class DeskSession {
  private person: DeskUser | null = null;
  private isLockedNow = false;
  private lastActivityMs = 0;
  idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  /** Told when the desk locks itself or is locked (the accounts service writes the audit entry). */
  onLock: (user: DeskUser, reason: LockReason) => void = () => undefined;

  constructor(readonly clock: () => number) {}

  get user(): DeskUser | null {
    return this.person;
  }

  /**
   * Whom the running call was admitted for (its role is the one the door checked), else the
   * person at the desk now: rights are checked against this, not against whoever took the desk
   * while the call was running.
   */
  get caller(): DeskUser | null {
    const call = admittedCaller();
    return call ? call.user : this.person;
  }

  /** Locked by hand, or idle for longer than the room's minutes (checked now). */
  get locked(): boolean {
    if (!this.person) return false;
    if (!this.isLockedNow && this.clock() - this.lastActivityMs > this.idleLockMinutes * 60_000) {
      this.isLockedNow = true;
      this.onLock(this.person, 'IDLE');
    }
    return this.isLockedNow;
  }

  signIn(user: DeskUser): void {
    this.person = user;
    this.isLockedNow = false;
    this.lastActivityMs = this.clock();
  }

  /** The signed-in person's name or role changed (设置 → 账号). */
  update(user: DeskUser): void {
    if (this.person?.id === user.id) this.person = user;
  }

  lock(): void {
    if (!this.person || this.locked) return;
    this.isLockedNow = true;
    this.onLock(this.person, 'MANUAL');
  }

  signOut(): void {
    this.person = null;
    this.isLockedNow = false;
  }

  touch(): void {
    this.lastActivityMs = this.clock();
  }

  /** The name the audit chain, the change history and the print register record. */
  actorName(): string {
    return this.person ? actorNameOf(this.person) : LOCAL_ACTOR;
  }
}
