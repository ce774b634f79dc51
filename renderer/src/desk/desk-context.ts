import { createContext, useContext } from 'react';
import type { DeskSession, DeskUser } from '../../../domain/api/accounts-contract';

/** What the signed-in app knows of the desk: who is at it, and how to lock or leave it. */
export interface DeskControls {
  readonly user: DeskUser;
  readonly session: DeskSession;
  lock(): void;
  signOut(): Promise<void>;
  /** After a call that changed the desk (the idle-lock minutes). */
  accept(session: DeskSession): void;
  /** A new recovery code, shown once on the gate's own screen before the app comes back. */
  showRecoveryCode(code: string): void;
}

export const DeskContext = createContext<DeskControls | null>(null);

export function useDesk(): DeskControls {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside the desk gate');
  return desk;
}
