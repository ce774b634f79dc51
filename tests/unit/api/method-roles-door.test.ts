import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/accounts/roles.js';
import { API_METHODS, type ApiMethod } from '../../../domain/api/contract.js';
import { mayCall, METHOD_ROLES } from '../../../domain/api/method-roles.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { openSignedInCore, signInVia } from '../support/signed-in-core.js';
import { tempDir } from '../support/temp-dir.js';

// The door of issue 11: every method × every role through the real dispatcher, plus nobody
// signed in and a locked desk. Input `{}` is enough: the door answers before the input is read.

const codeOf = (res: Awaited<ReturnType<AppCore['dispatch']>>): string =>
  res.ok ? 'OK' : res.error.code;

async function signedInAgain(core: AppCore, role: Role): Promise<void> {
  // a method walked may sign out or lock the desk (accounts.signOut, accounts.lock)
  if (core.desk.user?.role !== role || core.desk.locked) await signInVia(core.dispatch, role);
}

describe('METHOD_ROLES at the door', () => {
  it('answers FORBIDDEN exactly where the table says so, for every method and role', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('door'), appVersion: 'test' });
    try {
      for (const role of ROLES) {
        await signInVia(core.dispatch, role);
        for (const method of API_METHODS) {
          await signedInAgain(core, role);
          const code = codeOf(await core.dispatch(method, {}));
          expect(code, `${role} ${method}`).not.toMatch(/^(NOT_SIGNED_IN|DESK_LOCKED)$/);
          expect(code === 'FORBIDDEN', `${role} ${method}: ${code}`).toBe(!mayCall(role, method));
        }
      }
    } finally {
      core.close();
    }
  }, 300_000);

  it('keeps to §7.3: no case content for ADMIN, aggregates for STATISTICIAN, the log for AUDITOR', () => {
    const caseContent: ApiMethod[] = [
      'cases.get',
      'cases.search',
      'dashboard.get',
      'documents.render',
      'agreements.pdf',
      'parties.revealIdNumber',
      'volume.get',
      'formDrafts.get',
    ];
    for (const method of caseContent) {
      for (const role of ['ADMIN', 'STATISTICIAN', 'AUDITOR'] as const) {
        expect(mayCall(role, method), `${role} ${method}`).toBe(false);
      }
      expect(mayCall('DIRECTOR', method), method).toBe(true);
    }
    expect(mayCall('RECEPTIONIST', 'cases.create')).toBe(true);
    expect(mayCall('RECEPTIONIST', 'volume.get')).toBe(false);
    expect(mayCall('RECEPTIONIST', 'parties.revealIdNumber')).toBe(false);
    expect(mayCall('MEDIATOR', 'parties.revealIdNumber')).toBe(true);
    expect(mayCall('MEDIATOR', 'volume.archive')).toBe(false);
    expect(mayCall('MEDIATOR', 'cases.voidNumber')).toBe(false);
    expect(mayCall('STATISTICIAN', 'statistics.get')).toBe(true);
    for (const method of ['system.restoreBackup', 'system.backupNow', 'accounts.create'] as const) {
      expect(mayCall('ADMIN', method)).toBe(true);
      expect(mayCall('MEDIATOR', method)).toBe(false);
    }
    const auditorMay = API_METHODS.filter(
      (m) => mayCall('AUDITOR', m) && METHOD_ROLES[m] !== 'open' && METHOD_ROLES[m] !== 'signedIn',
    );
    expect(auditorMay.sort()).toEqual(['audit.list', 'audit.verify']);
  });

  it('asks for sign-in before anything but the open methods, and for nothing else first', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('door'), appVersion: 'test' });
    try {
      expect(codeOf(await core.dispatch('accounts.signOut', {}))).toBe('OK');
      for (const method of API_METHODS) {
        const code = codeOf(await core.dispatch(method, { caseId: 'not even a number' }));
        if (METHOD_ROLES[method] === 'open') {
          expect(code, method).not.toBe('NOT_SIGNED_IN');
        } else {
          expect(code, method).toBe('NOT_SIGNED_IN');
        }
        if (core.desk.user) await core.dispatch('accounts.signOut', {});
      }
    } finally {
      core.close();
    }
  });

  it('lets a locked desk only sign in, sign out, lock and say its state', async () => {
    const core = await openSignedInCore({ dataDir: tempDir('door'), appVersion: 'test' });
    try {
      expect(codeOf(await core.dispatch('accounts.lock', {}))).toBe('OK');
      const stillAnswering = new Set<ApiMethod>(['accounts.signOut', 'accounts.lock']);
      for (const method of API_METHODS) {
        if (method === 'accounts.signOut') continue; // would leave the desk, tried below
        const code = codeOf(await core.dispatch(method, {}));
        if (METHOD_ROLES[method] === 'open' || stillAnswering.has(method)) {
          expect(code, method).not.toBe('DESK_LOCKED');
        } else {
          expect(code, method).toBe('DESK_LOCKED');
        }
        expect(core.desk.locked, method).toBe(true);
      }
      expect(codeOf(await core.dispatch('accounts.signOut', {}))).toBe('OK');
      expect(core.desk.user).toBeNull();
    } finally {
      core.close();
    }
  });
});
