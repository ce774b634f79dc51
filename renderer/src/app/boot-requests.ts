import type { DeskSession } from '../../../domain/api/accounts-contract';
import type { ApiInput, ApiMethod, ApiResult } from '../../../domain/api/contract';
import type { SystemStatus } from '../../../domain/api/system-contract';
import { landingPath, mayCall } from './role-access';

type Send = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResult<M>>;
type Board = ApiResult<'dashboard.get'>;

/** The board asked for by the entry module: its answer, and its value once it has come. */
export interface BootBoard {
  readonly answer: Promise<Board>;
  readonly value: Board | undefined;
}

/**
 * The window's first requests, sent by the entry module before React mounts. Each is taken
 * once, by the first component that asks; anything asked later is sent anew.
 */
export interface BootRequests {
  takeStatus(): Promise<SystemStatus> | null;
  takeSession(): Promise<DeskSession> | null;
  /** The board sent for exactly this session answer (not an equal one from a later poll). */
  takeBoard(session: DeskSession): BootBoard | null;
  /**
   * The gate's session now: a board sent for another (the gate has moved on: a poll, a lock,
   * another person) is dropped, so no case of it stays in the page untaken.
   */
  keepBoardOnlyFor(session: DeskSession): void;
}

/**
 * How long after the session's answer the gate waits at most for a kept board before it draws the
 * shell with the board's skeleton. The core answers the board right after the session (a few ms
 * on a quiet desk); the gate's spinner is on screen meanwhile, so the reload shows at once that it
 * is under way, and the cap bounds how much later than before the shell can come.
 */
export const BOARD_HOLD_MS = 150;

/** The route a hash such as `#/dashboard?x=1` opens; '' for none. */
function hashRoute(hash: string): string {
  const route = hash.replace(/^#/, '').split('?')[0] ?? '';
  return route.startsWith('/') ? route : '';
}

/** A route that shows the 工作台 to a person whose role may see it (the landing of all of them). */
function mayOpenBoard(route: string): boolean {
  return route === '/dashboard' || route === '' || route === '/';
}

function opensBoard(route: string, session: DeskSession): boolean {
  const user = session.user;
  if (!user || session.locked) return false;
  if (route === '/dashboard') return mayCall(user.role, 'dashboard.get');
  return (route === '' || route === '/') && landingPath(user.role) === '/dashboard';
}

/**
 * Sends `system.status`, `accounts.session` and, where the window opens the 工作台,
 * `dashboard.get` together: the board no longer waits for the other two answers and for the
 * entry's React and antd code that runs before their callbacks can (issue 13, the 工作台
 * reload). The core answers in order, so the board is answered for the desk the session
 * describes. The core's desk door refuses the board to a locked or signed-out desk and to a role
 * without it before reading anything (electron/api/desk-door.ts), so such a desk gets a refusal,
 * no party data; `sendAhead` raises no window event for it. The board is kept only when both
 * answers say the 工作台 will be shown (a ready ledger with its settings done, a person signed in,
 * the desk not locked, the window opening the 工作台); otherwise it is dropped untaken. It goes
 * only to the session answer it was sent with: a poll, a lock or another person's sign-in makes
 * a new session object, and the 工作台 then asks again.
 *
 * The gate is given the session once the board is decided and, for a kept board, once that board
 * has answered or {@link BOARD_HOLD_MS} have passed since the status and the session have both
 * answered, whichever comes first: the shell and the board are then drawn in one commit, not the shell and its cards first
 * and the board a few commits later (issue 13). Past the cap the shell draws with its skeletons as
 * before, so a slow board never keeps the window blank for long. `wait` is the timer (tests pass
 * their own).
 */
export function startBootRequests(
  send: Send,
  hash: string,
  sendAhead: Send = send,
  announce: (refusal: unknown) => void = () => undefined,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): BootRequests {
  const statusAnswer = send('system.status', {});
  const sessionAnswer = send('accounts.session', {});
  const route = hashRoute(hash);
  const boardAnswer = mayOpenBoard(route) ? sendAhead('dashboard.get', {}) : null;
  let board: { for: DeskSession; answer: Promise<Board>; value?: Board } | null = null;
  if (boardAnswer) {
    // A board that is not kept is nobody's to show (no unhandled rejection).
    boardAnswer.catch(() => undefined);
  }
  const decided = Promise.all([statusAnswer, sessionAnswer]).then(
    ([s, desk]) => {
      const ready = s.ledger.state === 'READY' && s.ledger.settingsComplete;
      if (!boardAnswer || !ready || !opensBoard(route, desk)) return;
      // A kept board refused after all (the desk locked between the session's answer and the
      // board's) is news the answers did not explain: the window is told, as by `api()`, and the
      // gate shows the lock screen at once rather than the 工作台's error until its next poll.
      const answer = boardAnswer.catch((refusal: unknown) => {
        announce(refusal);
        throw refusal;
      });
      const kept: NonNullable<typeof board> = { for: desk, answer };
      const settled = answer.then(
        (value) => {
          kept.value = value;
        },
        () => undefined,
      );
      board = kept;
      return Promise.race([settled, wait(BOARD_HOLD_MS)]);
    },
    () => undefined,
  );
  let status: Promise<SystemStatus> | null = statusAnswer;
  // The gate sees the session only once the board is decided (and a kept one answered or the
  // hold's cap passed), so it never renders the 工作台 ahead of a board that is on its way.
  let session: Promise<DeskSession> | null = decided.then(() => sessionAnswer);
  // A failure is the taker's to show; with no taker it is nobody's (no unhandled rejection).
  status.catch(() => undefined);
  session.catch(() => undefined);
  return {
    takeStatus() {
      const taken = status;
      status = null;
      return taken;
    },
    takeSession() {
      const taken = session;
      session = null;
      return taken;
    },
    takeBoard(current) {
      const taken = board;
      board = null;
      if (!taken || taken.for !== current) return null;
      return { answer: taken.answer, value: taken.value };
    },
    keepBoardOnlyFor(current) {
      if (board && board.for !== current) board = null;
    },
  };
}

let started: BootRequests | null = null;

/** Called once by main.tsx, before the first render. */
export function setBootRequests(boot: BootRequests): void {
  started = boot;
}

/** The entry module's requests; null where nothing was sent early (tests that render a page). */
export function bootRequests(): BootRequests | null {
  return started;
}
