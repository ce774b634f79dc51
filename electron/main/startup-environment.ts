/**
 * Conditions under which Electron cannot open the desk, told in one Chinese sentence instead of
 * a Chromium stack. Shared by `npm start` (build/start.mjs, through its built copy) and the app
 * itself (main.ts), which runs before anything else.
 *
 * Root: Electron's native start-up aborts with "Running as root without --no-sandbox is not
 * supported" (shell/app/electron_main_delegate.cc) before any JavaScript runs, so the packaged
 * app can only reach this check when someone adds --no-sandbox; then we refuse too, because the
 * renderer's sandbox is part of the app's security (ARCHITECTURE.md).
 */

export interface StartupFacts {
  readonly platform: NodeJS.Platform;
  /** process.getuid?.(); undefined on Windows. */
  readonly uid: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const RUN_AS_ROOT_MESSAGE =
  '调解工作台不能以 root（系统管理员）身份运行：请用普通用户账户登录桌面后再打开。';
export const NO_DISPLAY_MESSAGE =
  '调解工作台是图形界面程序，需要在桌面环境中打开：当前没有可用的显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），远程登录时请改用远程桌面。';

const set = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** The one sentence that stops start-up, or null when the desk can start. */
export function startupProblem(facts: StartupFacts): string | null {
  if (facts.platform !== 'linux') return null;
  if (facts.uid === 0) return RUN_AS_ROOT_MESSAGE;
  if (!set(facts.env.DISPLAY) && !set(facts.env.WAYLAND_DISPLAY)) return NO_DISPLAY_MESSAGE;
  return null;
}
