import { describe, expect, it } from 'vitest';
import {
  NO_DISPLAY_MESSAGE,
  RUN_AS_ROOT_MESSAGE,
  startupProblem,
} from '../../../electron/main/startup-environment.js';

describe('start-up environment', () => {
  it.each([
    ['linux', 1000, { DISPLAY: ':0' }, null],
    ['linux', 1000, { WAYLAND_DISPLAY: 'wayland-0' }, null],
    ['linux', 0, { DISPLAY: ':0' }, RUN_AS_ROOT_MESSAGE],
    ['linux', 1000, {}, NO_DISPLAY_MESSAGE],
    ['linux', 1000, { DISPLAY: '  ' }, NO_DISPLAY_MESSAGE],
    ['win32', undefined, {}, null],
  ] as const)('%s uid %s env %j → %s', (platform, uid, env, expected) => {
    expect(startupProblem({ platform, uid, env })).toBe(expected);
  });

  it('each problem is one Chinese sentence', () => {
    for (const message of [RUN_AS_ROOT_MESSAGE, NO_DISPLAY_MESSAGE]) {
      expect(message).toMatch(/^调解工作台[^\n]*。$/);
      expect(message.match(/。/g)).toHaveLength(1);
    }
  });
});
