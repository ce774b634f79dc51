import fs from 'node:fs';

/**
 * Windows refuses a rename while another process holds the file (Defender, a sync client
 * scanning a file just written): EPERM, EBUSY or EACCES, for a moment. SQLite's own answer is
 * `winRetryIoerr` (10 tries, growing waits); this is the same for the conversion's renames, so
 * one scan does not leave the ledger under another name until the next start.
 */
export const RENAME_TRIES = 10;
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface RenameRetry {
  /** Awaited between tries (tests pass one that returns at once). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits 45, 90, … 405 ms between the tries: about 2 s in all, then the last error stands. */
export async function renameWithRetry(
  from: string,
  to: string,
  { sleep = realSleep }: RenameRetry = {},
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT.has(code) || attempt >= RENAME_TRIES) throw error;
      await sleep(45 * attempt);
    }
  }
}
