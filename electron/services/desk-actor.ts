import { AsyncLocalStorage } from 'node:async_hooks';
import { actorNameOf } from '../../domain/accounts/actor-name.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';

/**
 * Who is acting at this desk: the one place the audit chain, the change history and the print
 * register take the actor's name from. Until accounts exist it is whoever sits at this computer;
 * the accounts service sets the source to the signed-in person (`setActorSource`).
 */
export const LOCAL_ACTOR = '本机用户';

let source: () => string = () => LOCAL_ACTOR;
let nameSource: () => string = () => LOCAL_ACTOR;

/**
 * The person the desk's door admitted a call for, kept for the whole call (review finding 10):
 * a slow call (a PDF, an export, a print dialog) admitted for A must still be A's when it
 * finishes after B took the desk. Null: a call of nobody in particular (a failed sign-in).
 */
const admitted = new AsyncLocalStorage<{
  readonly user: DeskUser | null;
  /** The actor's name as recorded earlier, for an entry written later (`asRecordedActor`). */
  readonly actor?: string;
}>();

/** Runs `work` (and everything it awaits) as `user`, whoever is at the desk meanwhile. */
export function actingAs<T>(user: DeskUser | null, work: () => T): T {
  return admitted.run({ user }, work);
}

/** The admitted person of the running call; undefined outside one (background work). */
export function admittedCaller(): { readonly user: DeskUser | null } | undefined {
  return admitted.getStore();
}

/**
 * Runs `write` as the actor `currentActor` named when the entry was made: an audit entry held
 * back (ledger-session's `recordEntry`) keeps its maker, whoever is at the desk when it is written.
 */
export function asRecordedActor<T>(actor: string, write: () => T): T {
  return admitted.run({ user: null, actor }, write);
}

export function currentActor(): string {
  const call = admitted.getStore();
  if (!call) return source();
  if (call.actor !== undefined) return call.actor;
  return call.user ? actorNameOf(call.user) : LOCAL_ACTOR;
}

/**
 * The signed-in person's name alone (卓玛), as a paper prints the one who filled it in
 * (登记人, 制表人): the role suffix of `currentActor` belongs to records, not to signatures.
 */
export function currentPersonName(): string {
  const call = admitted.getStore();
  if (!call) return nameSource();
  return call.user?.displayName ?? LOCAL_ACTOR;
}

/** Replaces where the actor and the person's name come from outside a call (the desk). */
export function setActorSource(next: () => string, name: () => string = next): void {
  source = next;
  nameSource = name;
}
