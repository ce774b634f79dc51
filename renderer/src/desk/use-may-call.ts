import { useCallback } from 'react';
import type { ApiMethod } from '../../../domain/api/contract';
import { mayCall } from '../app/role-access';
import { useDesk } from './desk-context';

/** Whether the person at the desk may call a method: what they may not is not offered. */
export function useMayCall(): (method: ApiMethod) => boolean {
  const { user } = useDesk();
  return useCallback((method: ApiMethod) => mayCall(user.role, method), [user.role]);
}
