import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Temporary copies of documents for the printer and the system PDF viewer. They hold personal
 * data, so they live in one private folder inside the data directory (not a shared /tmp), are
 * removed after each job, and whatever survived (a crash, a viewer still holding a preview) is
 * swept at the next start.
 */

/** Errors Windows returns while the spooler or a PDF viewer still holds the file open. */
const BUSY_CODES = new Set(['EBUSY', 'EPERM', 'EACCES', 'ENOTEMPTY']);

export interface RemoveRetry {
  readonly attempts: number;
  readonly firstDelayMs: number;
}

export const DEFAULT_REMOVE_RETRY: RemoveRetry = { attempts: 6, firstDelayMs: 150 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/**
 * Removes a file, retrying with doubling delays while it is busy. Never throws: a leftover is
 * swept at the next start, and a cleanup problem must not turn a printed job into a failure.
 * Resolves true when the file is gone.
 */
export async function removeWithRetry(
  file: string,
  retry: RemoveRetry = DEFAULT_REMOVE_RETRY,
  remove: (file: string) => Promise<void> = (f) => fs.rm(f, { force: true }),
): Promise<boolean> {
  let delay = retry.firstDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await remove(file);
      return true;
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') return true;
      if (!BUSY_CODES.has(code ?? '') || attempt >= retry.attempts) {
        console.error(`[print] could not remove a temporary copy (${code ?? 'error'})`);
        return false;
      }
      await sleep(delay);
      delay *= 2;
    }
  }
}

/** Letters, digits, CJK, '-' and '_' only: a document title never steers a path. */
export function safeFileStem(title: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^[_.]+|_+$/g, '')
    .slice(0, 60);
  return stem === '' ? 'document' : stem;
}

export class PrintTempFiles {
  constructor(readonly dir: string) {}

  private async ensureDir(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  /** A new private copy, named so two jobs never collide. */
  async write(pdf: Buffer, title: string): Promise<string> {
    await this.ensureDir();
    const file = path.join(this.dir, `${safeFileStem(title)}-${randomUUID().slice(0, 8)}.pdf`);
    await fs.writeFile(file, pdf, { mode: 0o600, flag: 'wx' });
    return file;
  }

  /** Removes every leftover copy; files still open elsewhere stay until the next sweep. */
  async sweep(): Promise<{ removed: number; left: number }> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return { removed: 0, left: 0 };
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const gone = await removeWithRetry(
        path.join(this.dir, name),
        { attempts: 1, firstDelayMs: 0 },
        (f) => fs.rm(f, { force: true, recursive: true }),
      );
      if (gone) removed += 1;
    }
    return { removed, left: names.length - removed };
  }
}
