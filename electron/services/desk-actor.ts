/**
 * Who is acting at this desk: the one place the audit chain, the change history and the print
 * register take the actor's name from. Until accounts exist it is whoever sits at this computer;
 * the accounts service sets the source to the signed-in person (`setActorSource`).
 */
export const LOCAL_ACTOR = '本机用户';

let source: () => string = () => LOCAL_ACTOR;

export function currentActor(): string {
  return source();
}

/** Replaces where the actor comes from (the accounts service, after sign-in). */
export function setActorSource(next: () => string): void {
  source = next;
}
