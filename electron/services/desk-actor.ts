/**
 * Who is acting at this desk: the one place the audit chain, the change history and the print
 * register take the actor's name from. Until accounts exist it is whoever sits at this computer;
 * the accounts service sets the source to the signed-in person (`setActorSource`).
 */
export const LOCAL_ACTOR = '本机用户';

let source: () => string = () => LOCAL_ACTOR;
let nameSource: () => string = () => LOCAL_ACTOR;

export function currentActor(): string {
  return source();
}

/**
 * The signed-in person's name alone (卓玛), as a paper prints the one who filled it in
 * (登记人, 制表人): the role suffix of `currentActor` belongs to records, not to signatures.
 */
export function currentPersonName(): string {
  return nameSource();
}

/** Replaces where the actor and the person's name come from (the core, from the desk). */
export function setActorSource(next: () => string, name: () => string = next): void {
  source = next;
  nameSource = name;
}
