import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { auditKeyFileFor, randomAuditKey, writeAuditKey } from '../../../db/audit/audit-key.js';
import { fileKeyStore, ledgerKeyFileFor } from '../../../db/ledger-cipher.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { tempDir } from '../support/temp-dir.js';

const synced = vi.hoisted(() => [] as string[]);
vi.mock('../../../db/fsync.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../db/fsync.js')>();
  return {
    ...real,
    fsyncDirectory: (dir: string) => {
      synced.push(dir);
      real.fsyncDirectory(dir);
    },
  };
});

/**
 * A key's rename is durable only once its folder is fsynced: without that a power cut can keep
 * the data encrypted under the key (or chained under it) and lose the key's directory entry.
 */
describe('key files are durable before anything depends on them', () => {
  it('the data key: keys/ is fsynced after the rename', () => {
    const file = ledgerPaths(tempDir()).ledgerFile;
    synced.length = 0;
    fileKeyStore.create(file);
    expect(synced).toContain(path.dirname(ledgerKeyFileFor(file)));
  });

  it('the audit key: its folder is fsynced after the rename', () => {
    const file = auditKeyFileFor(ledgerPaths(tempDir()).ledgerFile);
    synced.length = 0;
    writeAuditKey(file, randomAuditKey());
    expect(synced).toContain(path.dirname(file));
  });
});
