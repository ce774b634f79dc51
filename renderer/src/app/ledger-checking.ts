import { createContext, useContext } from 'react';

/**
 * Whether the ledger's start-up check is still running, as the window's status gate last heard
 * (it asks again every 1.5 s while the check runs, and never once it has ended). A save made
 * meanwhile waits in the core until the check's verdict (a damaged ledger takes no writes;
 * seconds at 100,000 cases on a slow computer), so a save button can say what it waits for
 * instead of spinning without a word. Read from the gate, so a page asks nothing more for it.
 */
export const LedgerCheckingContext = createContext(false);

export function useLedgerChecking(): boolean {
  return useContext(LedgerCheckingContext);
}
