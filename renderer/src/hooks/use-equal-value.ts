import { useMemo } from 'react';

/**
 * The value as one object for as long as its data stays the same (compared as JSON): an answer
 * that repeats what the page already shows (the ledger's copy of the case a save returned, the
 * room's settings) then leaves the memoised parts drawn from it alone. For plain API data only.
 * The JSON is made when a new object comes, not at every render (a 15-party case's page renders
 * for each of its loads, and each made the case's JSON again).
 */
export function useEqualValue<T>(value: T): T {
  const json = useMemo(() => JSON.stringify(value), [value]);
  // The dependency is the data, not the object: `value` of the first render with that data.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the JSON on purpose
  return useMemo(() => value, [json]);
}
