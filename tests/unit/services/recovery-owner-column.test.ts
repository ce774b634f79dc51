import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../../db/connection.js';
import { ledgerPaths } from '../../../db/ledger-files.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import type { SetUpResult } from '../../../domain/api/accounts-contract.js';
import { hashPassword } from '../../../electron/services/password-hash.js';
import { newRecoveryCode } from '../../../electron/services/recovery-code.js';
import { openSignedInCore, TEST_PASSWORD, TEST_PASSWORD_HASH } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

// Migration 027 moves the recovery code's owner out of the stored hash (`owner:N$argon2id…`)
// into `desk_security.recovery_owner_id`: a ledger at 026 migrates, its printed code still
// works and resets the director it was printed for.

const now = () => new Date('2026-11-23T08:00:00Z');

/** A ledger at 026 with two directors and a code stored as 026 stored it (`stored(hash)`). */
async function ledgerAt026(stored: (hash: string) => string) {
  const dataDir = tempDir('recovery-owner-027');
  const paths = ledgerPaths(dataDir);
  fs.mkdirSync(path.dirname(paths.ledgerFile), { recursive: true });
  const db = openConnection(paths.ledgerFile);
  await migrate(db, { migrations: MIGRATIONS.slice(0, 26), backupDir: null, now });
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH);
  const insert = db.prepare(
    `INSERT INTO desk_account (login_name, display_name, role, password_hash, created_at)
     VALUES (?, ?, 'DIRECTOR', ?, '2026-11-01T00:00:00Z')`,
  );
  const first = Number(insert.run('zhuoma', '卓玛', passwordHash).lastInsertRowid);
  const second = Number(insert.run('gongbu', '贡布', passwordHash).lastInsertRowid);
  const code = newRecoveryCode();
  const codeHash = await hashPassword(code.code, TEST_PASSWORD_HASH);
  db.prepare('UPDATE desk_security SET recovery_hash = ? WHERE id = 1').run(
    stored(codeHash).replace('{second}', String(second)),
  );
  db.close();
  return { dataDir, code: code.printed, first, second, codeHash };
}

async function afterMigration(at026: Awaited<ReturnType<typeof ledgerAt026>>) {
  const core = await openSignedInCore({
    dataDir: at026.dataDir,
    appVersion: 'test',
    now,
    room: 'none',
  });
  const row = core.ledger
    .db()
    .prepare('SELECT recovery_hash, recovery_owner_id FROM desk_security WHERE id = 1')
    .get();
  const recovered = await core.dispatch('accounts.recover', {
    recoveryCode: at026.code,
    newPassword: 'new-pass-2026',
  });
  const after = core.ledger
    .db()
    .prepare('SELECT recovery_hash, recovery_owner_id FROM desk_security WHERE id = 1')
    .get() as { recovery_hash: string; recovery_owner_id: number };
  core.close();
  return { row, recovered, after };
}

describe('the recovery code’s owner in its own column (migration 027)', () => {
  it('splits `owner:N$…` into the hash and the owner; the code resets that director', async () => {
    const at026 = await ledgerAt026((hash) => `owner:{second}${hash}`);
    const { row, recovered, after } = await afterMigration(at026);
    expect(row).toEqual({ recovery_hash: at026.codeHash, recovery_owner_id: at026.second });
    expect(recovered.ok).toBe(true);
    const user = recovered.ok ? (recovered.value as SetUpResult).session.user : null;
    expect(user).toMatchObject({ id: at026.second, loginName: 'gongbu' });
    // the new code is stored the new way
    expect(after.recovery_owner_id).toBe(at026.second);
    expect(after.recovery_hash.startsWith('$')).toBe(true);
  });

  it('gives a code stored before owners were kept to the account that set the desk up', async () => {
    const at026 = await ledgerAt026((hash) => hash);
    const { row, recovered } = await afterMigration(at026);
    expect(row).toEqual({ recovery_hash: at026.codeHash, recovery_owner_id: at026.first });
    const user = recovered.ok ? (recovered.value as SetUpResult).session.user : null;
    expect(user).toMatchObject({ id: at026.first, loginName: 'zhuoma' });
  });
});
