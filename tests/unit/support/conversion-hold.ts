import type { EncryptionStep } from '../../../db/plain-ledger-encryption.js';
import { openSignedInCore } from './signed-in-core.js';

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

/**
 * Opens a plain room with its conversion held after `copy` (the director signed in), once it
 * waits there; the conversion fails after `failAfter` if given, once released.
 */
export async function openHeldAfterCopy(
  dataDir: string,
  now: () => Date,
  failAfter?: EncryptionStep,
) {
  const hold = holdAfter('copy');
  const core = await openSignedInCore({
    dataDir,
    appVersion: 'test',
    now,
    encryptPlainLedger: true,
    afterEncryptionStep: async (step) => {
      await hold.hook(step);
      if (step === failAfter) throw new Error(`stopped after ${step}`);
    },
  });
  await hold.arrived;
  return { core, release: hold.release };
}
