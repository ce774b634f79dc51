import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/accounts/roles';
import { METHOD_ROLES } from '../../../domain/api/method-roles';
import { landingPath, mayCall, navItemsFor } from '../../../renderer/src/app/role-access';

// What each role is offered follows the door's own table: nothing shown that would only answer
// FORBIDDEN, and everyone lands on a screen they may open.

const paths = (role: Role) => navItemsFor(role).map((item) => item.path);

describe('role-aware navigation', () => {
  it('asks the door’s table, not a copy of it', () => {
    for (const role of ROLES) {
      for (const method of Object.keys(METHOD_ROLES) as (keyof typeof METHOD_ROLES)[]) {
        const access = METHOD_ROLES[method];
        const expected = access === 'open' || access === 'signedIn' || access.includes(role);
        expect(mayCall(role, method), `${role} ${method}`).toBe(expected);
      }
    }
  });

  it('offers only screens whose method the role may call, and lands on one of them', () => {
    for (const role of ROLES) {
      const items = navItemsFor(role);
      expect(items.length, role).toBeGreaterThan(0);
      for (const item of items)
        expect(mayCall(role, item.method), `${role} ${item.path}`).toBe(true);
      expect(paths(role), role).toContain(landingPath(role));
    }
  });

  it('lands each role where §7.3 puts it', () => {
    expect(landingPath('DIRECTOR')).toBe('/dashboard');
    expect(landingPath('MEDIATOR')).toBe('/dashboard');
    expect(landingPath('RECEPTIONIST')).toBe('/dashboard');
    expect(landingPath('ADMIN')).toBe('/settings');
    expect(landingPath('AUDITOR')).toBe('/audit');
    expect(landingPath('STATISTICIAN')).toBe('/reports');
  });

  it('keeps case content from the administrator and 设置 from case workers', () => {
    expect(paths('ADMIN')).not.toContain('/cases');
    expect(paths('ADMIN')).not.toContain('/dashboard');
    expect(paths('MEDIATOR')).not.toContain('/settings');
    expect(paths('DIRECTOR')).toContain('/settings');
    // The director reads the log inside 设置; the auditor has the log alone.
    expect(paths('DIRECTOR')).not.toContain('/audit');
    expect(paths('AUDITOR')).toEqual(['/audit']);
  });
});
