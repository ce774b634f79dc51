import { describe, expect, it } from 'vitest';
import { openSignedInCore } from '../support/signed-in-core';
import { SAMPLE_ROOM_SETTINGS } from '../support/room-settings-sample';
import { tempDir } from '../support/temp-dir';

describe('room settings through the API', () => {
  it('saves, reads back normalised values, and bumps the version', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test' });
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: null });
    const first = await core.dispatch('settings.save', {
      settings: { ...SAMPLE_ROOM_SETTINGS, committeeName: '金峰路\u0007街道人民调解委员会' },
      expectedVersion: 0,
    });
    expect(first).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const saved = await core.dispatch('settings.save', {
      settings: SAMPLE_ROOM_SETTINGS,
      expectedVersion: 0,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { version: 1, committeeName: '金峰路街道人民调解委员会' },
    });
    const again = await core.dispatch('settings.save', {
      settings: { ...SAMPLE_ROOM_SETTINGS, documentDateStyle: 'CHINESE' },
      expectedVersion: 1,
    });
    expect(again).toMatchObject({ ok: true, value: { version: 2, documentDateStyle: 'CHINESE' } });
    core.close();
  });

  it('refuses a save based on a stale version (two windows never overwrite each other)', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test' });
    await core.dispatch('settings.save', { settings: SAMPLE_ROOM_SETTINGS, expectedVersion: 0 });
    const windowA = await core.dispatch('settings.save', {
      settings: { ...SAMPLE_ROOM_SETTINGS, roomName: '窗口甲' },
      expectedVersion: 1,
    });
    const windowB = await core.dispatch('settings.save', {
      settings: { ...SAMPLE_ROOM_SETTINGS, roomName: '窗口乙' },
      expectedVersion: 1,
    });
    expect(windowA.ok).toBe(true);
    expect(windowB).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('另一个窗口') },
    });
    expect(await core.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: { roomName: '窗口甲' },
    });
    core.close();
  });

  it.each([
    ['no sequence', '（{yyyy}）{abbr}调字第号'],
    ['no year', '{abbr}调字第{seq:03}号'],
    ['unknown placeholder', '（{yyyy}）{abbr}{name}调字第{seq:03}号'],
    ['template syntax', '（{{yyyy}}）调字第{seq}号'],
    ['unbalanced brace', '（{yyyy}）调字第{seq:03}号}'],
  ])('refuses a case-number pattern with %s', async (_label, caseNumberPattern) => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test' });
    const res = await core.dispatch('settings.save', {
      settings: { ...SAMPLE_ROOM_SETTINGS, caseNumberPattern },
      expectedVersion: 0,
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', issues: [{ path: ['settings', 'caseNumberPattern'] }] },
    });
    core.close();
  });

  it('stores template-looking and SQL-looking text literally', async () => {
    const core = await openSignedInCore({ dataDir: tempDir(), appVersion: 'test' });
    const roomName = "'); DROP TABLE room_settings;-- {{x}} ${x} <script>";
    const res = await core.dispatch('settings.save', {
      settings: { ...SAMPLE_ROOM_SETTINGS, roomName },
      expectedVersion: 0,
    });
    expect(res).toMatchObject({ ok: true, value: { roomName } });
    expect(await core.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: { roomName },
    });
    core.close();
  });
});
