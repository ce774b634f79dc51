import { useCallback } from 'react';
import type { Mediator } from '../../../domain/cases/case-views';
import { api } from '../api/client';
import { useApiValue } from './use-api-value';

const EMPTY: readonly Mediator[] = [];

/** The room's mediators; a failure leaves the list empty, the pickers then say how to add one. */
export function useMediators(includeInactive = false) {
  const load = useCallback(() => api('mediators.list', { includeInactive }), [includeInactive]);
  const { value, error, reload } = useApiValue(load);
  return { mediators: value ?? EMPTY, loaded: value !== undefined || error !== null, reload };
}

export function mediatorNames(mediators: readonly Mediator[], ids: readonly number[]): string {
  return ids.map((id) => mediators.find((m) => m.id === id)?.name ?? `#${id}`).join('、');
}

/** The choices of a mediator picker, by name. */
export function mediatorOptions(mediators: readonly Mediator[]) {
  return mediators.map((m) => ({ value: m.id, label: m.name }));
}
