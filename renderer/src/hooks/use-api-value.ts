import { useCallback, useEffect, useState } from 'react';

export interface ApiValue<T> {
  readonly value: T | undefined;
  readonly error: unknown;
  readonly reload: () => Promise<void>;
}

/**
 * Loads one API answer when the component mounts and whenever `load` changes; `known`, an
 * answer already at hand, is drawn by the first render.
 */
export function useApiValue<T>(load: () => Promise<T>, known?: T): ApiValue<T> {
  const [value, setValue] = useState<T | undefined>(known);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}
