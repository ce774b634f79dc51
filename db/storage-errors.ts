/**
 * What went wrong with the disk, from SQLite's or Node's error code, so each case gets its own
 * sentence instead of "please try again". Extended SQLite codes (SQLITE_IOERR_WRITE,
 * SQLITE_CORRUPT_INDEX, …) start with their primary code.
 */
export type StorageFault = 'FULL' | 'READ_ONLY' | 'CORRUPT' | 'IO';

export function storageFaultOf(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'FULL';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'READ_ONLY';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return 'READ_ONLY';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'CORRUPT';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) {
    // SQLite reports a full disk during a write as SQLITE_IOERR_WRITE with errno ENOSPC in the
    // message on some systems.
    return /ENOSPC|No space|disk is full/i.test(String((error as Error).message)) ? 'FULL' : 'IO';
  }
  return null;
}
