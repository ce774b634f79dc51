import type { EncryptionStep } from '../../../db/plain-ledger-encryption.js';

/**
 * Holds a plain ledger's conversion after `at` (through `afterEncryptionStep`) until the test
 * lets it go; `arrived` resolves once it waits there.
 */
export function holdAfter(at: EncryptionStep) {
  let release: () => void = () => undefined;
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return {
    hook: (step: EncryptionStep) => {
      if (step !== at) return undefined;
      arrive();
      return new Promise<void>((resolve) => (release = resolve));
    },
    arrived,
    release: () => release(),
  };
}
