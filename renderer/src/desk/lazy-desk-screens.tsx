import { lazy } from 'react';

/**
 * The desk's own screens, loaded when first shown: a signed-in start (the 工作台) parses none of
 * their forms, and the sign-in screen's chunk arrives with the status answer it waits for anyway.
 */
export const DirectorSetUpScreen = lazy(() =>
  import('./DirectorSetUpScreen').then((m) => ({ default: m.DirectorSetUpScreen })),
);
export const RecoveryCodeScreen = lazy(() =>
  import('./RecoveryCodeScreen').then((m) => ({ default: m.RecoveryCodeScreen })),
);
export const SignInScreen = lazy(() =>
  import('./SignInScreen').then((m) => ({ default: m.SignInScreen })),
);
export const LockScreen = lazy(() =>
  import('./LockScreen').then((m) => ({ default: m.LockScreen })),
);
export const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);
