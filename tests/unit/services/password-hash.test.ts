import { describe, expect, it } from 'vitest';
import { backoffSecondsAfter } from '../../../domain/accounts/sign-in-backoff.js';
import { hashPassword, verifyPassword } from '../../../electron/services/password-hash.js';
import { newRecoveryCode } from '../../../electron/services/recovery-code.js';
import { recoveryCodeField } from '../../../domain/api/accounts-contract.js';

const cheap = { memoryKiB: 64, iterations: 1, parallelism: 1 };

describe('password hashes', () => {
  it('describe themselves, so a later, higher cost still verifies the old ones', async () => {
    const old = await hashPassword('草原上的密码 2026', cheap);
    const raised = await hashPassword('草原上的密码 2026', { ...cheap, iterations: 2 });
    expect(old).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(raised).toContain('$m=64,t=2,p=1$');
    expect(await verifyPassword('草原上的密码 2026', old)).toBe(true);
    expect(await verifyPassword('草原上的密码 2026', raised)).toBe(true);
    expect(await verifyPassword('草原上的密码 2025', old)).toBe(false);
    // salted: the same password never gives the same hash twice
    expect(await hashPassword('same-password', cheap)).not.toBe(
      await hashPassword('same-password', cheap),
    );
  });

  it('never match a stored value that is not one of ours', async () => {
    for (const stored of [
      '',
      'desk-pass-2026',
      '$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA',
      '$2b$10$x',
      // ours in form, but asking for a cost that would hold the core for hours, or that the
      // library refuses (it would throw): false, and at once
      '$argon2id$v=19$m=64,t=100000000,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '$argon2id$v=19$m=99999999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '$argon2id$v=19$m=1,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '$argon2id$v=19$m=64,t=1,p=1$AA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      expect(await verifyPassword('desk-pass-2026', stored), stored).toBe(false);
    }
  });
});

describe('the sign-in backoff', () => {
  it('gives five free tries, then 30 s doubling up to 15 minutes', () => {
    expect([1, 2, 3, 4].map(backoffSecondsAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 40].map(backoffSecondsAfter)).toEqual([
      30, 60, 120, 240, 480, 900, 900, 900,
    ]);
  });
});

describe('the recovery code', () => {
  it('is 24 letters of the printed alphabet, in groups of four, read back as typed', () => {
    const { code, printed } = newRecoveryCode();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{24}$/);
    expect(printed.replaceAll('-', '')).toBe(code);
    expect(recoveryCodeField.parse(printed.toLowerCase())).toBe(code);
  });
});
