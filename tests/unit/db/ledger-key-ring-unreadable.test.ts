// Review s27-enc finding 7: making a restored backup's key current must not write over a key
// file that cannot be parsed (saved over by an editor): it may still be repaired by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyStore, ledgerKeyFileFor } from '../../../db/ledger-cipher.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { keepLedgerKey, makeLedgerKeyCurrent } from '../../../db/ledger-key-ring.js';
import { tempDir } from '../support/temp-dir.js';

describe('an unreadable current key file', () => {
  it('is set aside with its bytes when another key becomes current, never written over', () => {
    const { ledgerFile } = ledgerPaths(tempDir());
    const keyFile = ledgerKeyFileFor(ledgerFile);
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    const damaged = 'ＡＢ' + 'a'.repeat(62); // full-width letters: what an editor may save
    fs.writeFileSync(keyFile, damaged);
    const restored = Buffer.alloc(32, 9);

    makeLedgerKeyCurrent(ledgerFile, restored);

    expect(fileKeyStore.read(ledgerFile)?.equals(restored)).toBe(true);
    const aside = fs
      .readdirSync(path.dirname(keyFile))
      .filter((name) => name.startsWith(`${path.basename(keyFile)}.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(keyFile), aside[0] as string), 'utf8')).toBe(
      damaged,
    );
  });

  it('keeping a key in the ring leaves the current file as it is', () => {
    const { ledgerFile } = ledgerPaths(tempDir());
    const keyFile = ledgerKeyFileFor(ledgerFile);
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, 'not a key');

    keepLedgerKey(ledgerFile, Buffer.alloc(32, 3));

    expect(fs.readFileSync(keyFile, 'utf8')).toBe('not a key');
  });
});
