// Run in a child process by process-faults.test.ts: an app core doing real work on a data
// folder until the parent kills it with SIGKILL. Every line it prints is an acknowledgement
// the parent holds the ledger to.
import { confirmedRestore, openSignedInCore, signInAs } from '../support/signed-in-core.js';
import { startupFailureMessage } from '../../../electron/core/startup-message.js';
import { intake } from '../services/case-fixtures.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Lets `slices` slices of a pending audit baseline run, says so, then holds the next forever. */
function stallAfter(slices: number): () => Promise<void> {
  let calls = 0;
  return () => {
    calls += 1;
    if (calls <= slices) return Promise.resolve();
    say('SLICED');
    return new Promise<void>(() => undefined);
  };
}

/** Converts the plain ledger up to the end of `held`, says so, then holds there forever. */
function holdEncryptionAfter(held: string) {
  return {
    encryptPlainLedger: true,
    afterEncryptionStep: (step: string) => {
      if (step !== held) return undefined;
      say(`HELD ${step}`);
      return new Promise<void>(() => undefined);
    },
  };
}

async function main(): Promise<void> {
  const [mode, dataDir = ''] = process.argv.slice(2);
  const held = /^encrypt-hold-(\w+)$/.exec(mode ?? '')?.[1];
  let core;
  try {
    core = await openSignedInCore({
      dataDir,
      appVersion: 'test',
      log: { error: () => undefined },
      ...(mode === 'baseline-stall' ? { betweenBaselineSlices: stallAfter(14) } : {}),
      ...(held ? holdEncryptionAfter(held) : {}),
    });
  } catch (error) {
    say(`REFUSED ${startupFailureMessage(error)}`);
    process.exitCode = 3;
    return;
  }
  if (held) {
    // whenIdle would wait for the conversion, which this mode holds until the kill.
    setInterval(() => undefined, 1000);
    return;
  }
  await core.whenIdle();
  say('READY');
  const create = async () => {
    const res = await core.dispatch('cases.create', intake());
    if (!res.ok) throw new Error(res.error.message);
    say(`ACK ${(res.value as { case: { id: number } }).case.id}`);
  };
  if (mode === 'hold' || mode === 'baseline-stall') {
    setInterval(() => undefined, 1000);
    return;
  }
  if (mode === 'backup-loop') {
    for (;;) {
      await create();
      const made = await core.dispatch('system.backupNow', {});
      if (!made.ok) throw new Error(made.error.message);
      say(`BACKUP ${(made.value as { fileName: string }).fileName}`);
    }
  }
  if (mode === 'restore-loop') {
    // Restores the same backup again and again; each restore first saves the ledger it replaces.
    const made = await core.dispatch('system.backupNow', {});
    if (!made.ok) throw new Error(made.error.message);
    const fileName = (made.value as { fileName: string }).fileName;
    for (;;) {
      await create();
      say('RESTORING');
      const res = await core.dispatch(
        'system.restoreBackup',
        await confirmedRestore(core.dispatch, fileName),
      );
      if (!res.ok) throw new Error(res.error.message);
      // the restored ledger has its own accounts: sign in to it as the app's user would
      await signInAs(core);
      say('RESTORED');
    }
  }
}

void main().catch((error: unknown) => {
  say(`ERROR ${String(error)}`);
  process.exitCode = 1;
});
