import { createContext, useCallback, useContext } from 'react';
import { readsAnothersCase } from '../../../domain/api/anothers-case-reads';
import type { ApiMethod } from '../../../domain/api/contract';
import { mayCall } from '../app/role-access';
import { useDesk } from './desk-context';

/**
 * True inside the page of a case the person may only look at (a 调解员 on another's case, while
 * the committee lets its mediators read every case, §7.3): the door refuses everything there but
 * the case page's reads, so nothing else is offered.
 */
export const LookingOnlyContext = createContext(false);

/**
 * Whether the person at the desk may call a method: what they may not is not offered.
 * `lookingOnly` is for the case page itself, which knows it before it provides the context.
 */
export function useMayCall(lookingOnly?: boolean): (method: ApiMethod) => boolean {
  const { user } = useDesk();
  const inside = useContext(LookingOnlyContext);
  const onlyLooks = lookingOnly ?? inside;
  return useCallback(
    (method: ApiMethod) => mayCall(user.role, method) && (!onlyLooks || readsAnothersCase(method)),
    [user.role, onlyLooks],
  );
}
