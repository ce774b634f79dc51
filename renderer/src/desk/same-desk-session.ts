import type { DeskSession } from '../../../domain/api/accounts-contract';

/**
 * Whether a polled session says what the one on screen says. The gate polls every few seconds
 * and on every return to the window; an answer that changes nothing keeps the object on screen,
 * so the shell and every page reading the desk's context are not drawn again for it.
 */
export function sameDeskSession(shown: DeskSession, next: DeskSession): boolean {
  const a = shown.user;
  const b = next.user;
  const sameUser =
    a === b ||
    (a !== null &&
      b !== null &&
      a.id === b.id &&
      a.loginName === b.loginName &&
      a.displayName === b.displayName &&
      a.role === b.role);
  return (
    sameUser &&
    shown.setUp === next.setUp &&
    shown.locked === next.locked &&
    shown.idleLockMinutes === next.idleLockMinutes &&
    shown.roomName === next.roomName &&
    shown.mediatorsReadRoom === next.mediatorsReadRoom &&
    shown.mediatorLinked === next.mediatorLinked
  );
}
