import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileKeyStore, ledgerKeyFileFor } from '../../../db/ledger-cipher';
import { tempDir } from '../support/temp-dir';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the key file is durable before data depends on it (review finding 9)', () => {
  it('renames the key into keys/ and then fsyncs keys/', () => {
    const dir = tempDir();
    const ledgerFile = path.join(dir, 'ledger', 'mediation-desk.sqlite');
    const keysDir = path.dirname(ledgerKeyFileFor(ledgerFile));
    const steps: string[] = [];
    const fds = new Map<number, string>();
    const open = fs.openSync.bind(fs);
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (open as (...a: unknown[]) => number)(file, ...rest);
      fds.set(fd, String(file));
      return fd;
    }) as typeof fs.openSync);
    const rename = fs.renameSync.bind(fs);
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      rename(from, to);
      steps.push(`rename ${path.relative(dir, String(to))}`);
    });
    const fsync = fs.fsyncSync.bind(fs);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      fsync(fd);
      steps.push(`fsync ${path.relative(dir, fds.get(fd) ?? '?')}`);
    });

    const key = fileKeyStore.create(ledgerFile);

    expect(fileKeyStore.read(ledgerFile)?.equals(key)).toBe(true);
    const keyFile = path.relative(dir, ledgerKeyFileFor(ledgerFile));
    expect(steps).toEqual([
      `fsync ${keyFile}.tmp-${process.pid}`,
      `rename ${keyFile}`,
      `fsync ${path.relative(dir, keysDir)}`,
    ]);
  });
});
