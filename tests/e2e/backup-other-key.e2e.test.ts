import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot, watchPageErrors, sharedBrowser } from './support/browser';
import {
  E2E_DIRECTOR,
  freshDataDir,
  hostApi,
  signInDirector,
  startHost,
} from './support/dev-web-host';

describe('a backup from another computer opens with its room’s recovery code (Chromium)', () => {
  const browser = sharedBrowser();

  it('says "another key", unlocks with the code in the restore dialog, and restores', async () => {
    // Room A: a recovery code, a backup, and its copy on the stick with the wrapped key.
    const roomA = freshDataDir('key-a');
    const stick = freshDataDir('key-stick');
    const hostA = await startHost(roomA);
    let backupName: string;
    let code: string;
    try {
      ({ recoveryCode: code } = (await hostApi(hostA.url, 'accounts.newRecoveryCode', {
        currentPassword: E2E_DIRECTOR.password,
      })) as { recoveryCode: string });
      await hostApi(hostA.url, 'system.setBackupFolder', { folder: stick });
      ({ fileName: backupName } = (await hostApi(hostA.url, 'system.backupNow', {})) as {
        fileName: string;
      });
    } finally {
      await hostA.stop();
    }
    const onStick = path.join(stick, 'mediation-desk-backups');
    const slot = fs.readdirSync(onStick).find((n) => n.endsWith('.recovery.json'));
    expect(slot).toBeDefined();
    expect(
      fs.readdirSync(onStick).filter((n) => n.endsWith('.key') && n.startsWith('ledger')),
    ).toEqual([]);

    // Another computer: only the backup and the slot file, copied into its backups folder.
    const roomB = freshDataDir('key-b');
    fs.mkdirSync(path.join(roomB, 'backups'));
    for (const name of [backupName, slot ?? '']) {
      fs.copyFileSync(path.join(onStick, name), path.join(roomB, 'backups', name));
    }
    const hostB = await startHost(roomB);
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    const errors = watchPageErrors(page);
    try {
      await page.goto(hostB.url);
      await page.getByText('找不到案件台账').waitFor();
      const row = page.getByRole('row').filter({ hasText: backupName });
      await row.getByRole('button', { name: '从此备份恢复' }).click();
      const dialog = page.getByRole('dialog');
      const unlock = dialog.getByTestId('backup-unlock');
      await unlock.getByText(/备份使用了另一把密钥/).waitFor();
      const codeBox = unlock.getByLabel('恢复码');
      expect(await codeBox.getAttribute('type')).toBe('password');

      await codeBox.fill('ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2');
      await unlock.getByRole('button', { name: '用恢复码解锁' }).click();
      // Each guess is an Argon2 run at the app's cost (64 MiB): generous under load.
      await unlock.getByText(/这个恢复码打不开随备份一起的密钥文件/).waitFor({ timeout: 60_000 });
      await screenshot(page, 'backup-other-key-wrong-code');

      await codeBox.fill(code);
      await unlock.getByRole('button', { name: '用恢复码解锁' }).click();
      await dialog.getByTestId('restore-loss').waitFor({ timeout: 60_000 });
      // The preview replaces the unlock form in the same render.
      expect(await unlock.count()).toBe(0);
      await screenshot(page, 'backup-other-key-unlocked');
      await dialog.getByRole('button', { name: '恢复' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 60_000 });

      // The restored ledger is room A's, with A's key now the current one here.
      await signInDirector(hostB.url);
      const status = (await hostApi(hostB.url, 'system.status', {})) as {
        ledger: { state: string; encrypted?: boolean };
      };
      expect(status.ledger).toMatchObject({ state: 'READY', encrypted: true });
      expect(fs.readFileSync(path.join(roomB, 'keys', 'ledger.key'), 'utf8')).toBe(
        fs.readFileSync(path.join(roomA, 'keys', 'ledger.key'), 'utf8'),
      );
      expect(errors).toEqual([]);
    } catch (error) {
      await screenshot(page, 'backup-other-key-failure');
      throw error;
    } finally {
      await page.close();
      await hostB.stop();
      for (const dir of [roomA, roomB, stick]) fs.rmSync(dir, { recursive: true, force: true });
    }
    // two hosts start (each sets up a room: Argon2 runs), a backup, a restore: under load
  }, 300_000);
});
