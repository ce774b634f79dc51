import { ROLE_LABELS } from '../../domain/accounts/roles.js';
import type { ApiMethod } from '../../domain/api/contract.js';
import { ApiError } from '../../domain/api/errors.js';
import { METHOD_ROLES } from '../../domain/api/method-roles.js';
import { accountMessagesZhCN as msg } from '../../domain/messages/accounts-zh-CN.js';
import type { DeskUser } from '../../domain/api/accounts-contract.js';
import { actingAs } from '../services/desk-actor.js';
import type { DeskSession } from '../services/desk-session.js';
import type { DispatchGuard, DispatchOptions } from './dispatch.js';
import type { CaseDoor } from './mediator-case-door.js';
import type { CaseStatusOf } from './receptionist-scope.js';
import { maskContacts } from './masked-contacts.js';
import { questionFor, viewFor } from './receptionist-view.js';

/** What a locked desk still answers besides the open methods: leaving it, or locking again. */
const WHILE_LOCKED: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'accounts.signOut',
  'accounts.lock',
]);

/**
 * The recovery methods of a ledger nobody can sign in to: a missing, unreadable or too new
 * ledger has no account to read, nor does a damaged one that was never set up. Then the restore
 * screen must still work; there is no party data of this ledger it could show.
 */
const RECOVERY: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'system.listBackups',
  'system.restorePreview',
  'system.restoreBackup',
  'system.unlockBackup',
  'system.startEmptyLedger',
]);

export interface DeskDoorOptions {
  readonly desk: DeskSession;
  /** True when no account can sign in to this ledger (see RECOVERY). */
  readonly nobodyCanSignIn: () => boolean;
}

/**
 * The desk's side of the API door, before the ledger's gate and before the input is parsed, so
 * a caller without the right learns nothing about the schema: nobody signed in → NOT_SIGNED_IN,
 * a locked desk → DESK_LOCKED, a role without the right → FORBIDDEN. Every other admitted call
 * counts as activity, except the main process's own (`background`); the polls are open methods
 * and never do.
 */
export function deskDoor(
  options: DeskDoorOptions,
): (method: ApiMethod, call?: DispatchOptions) => void {
  const { desk } = options;
  return (method, call = {}) => {
    const access = METHOD_ROLES[method];
    if (access === 'open') return;
    const user = desk.user;
    if (!user) {
      if (RECOVERY.has(method) && options.nobodyCanSignIn()) return;
      throw new ApiError('NOT_SIGNED_IN', msg.notSignedIn);
    }
    if (desk.locked && !WHILE_LOCKED.has(method)) {
      throw new ApiError('DESK_LOCKED', msg.deskLocked);
    }
    if (access !== 'signedIn' && !access.includes(user.role)) {
      throw new ApiError('FORBIDDEN', msg.forbidden(ROLE_LABELS[user.role]));
    }
    if (!call.background) desk.touch();
  };
}

/**
 * Whom a call is admitted for, kept for its whole run (`actingAs`): the person signed in when
 * the door let it in. Not for the open methods and the desk's own (signing in, out, locking:
 * they change who is at the desk and name the person themselves), nor for the main process's
 * own calls, which act for the desk as it is.
 */
function callerAt(method: ApiMethod, call: DispatchOptions, desk: DeskSession): DeskUser | null {
  if (call.background || METHOD_ROLES[method] === 'open' || WHILE_LOCKED.has(method)) return null;
  return desk.user;
}

/**
 * The desk's door first, then the ledger's gate (which may wait for the start-up check); the
 * rest of the call runs as the person admitted (review finding 10), and the question and the
 * answer are shaped for that person's role (`statusOf` tells the receptionist's view which
 * cases are archived). A call naming a case passes `caseDoor` too, before its input is parsed
 * (a refused caller learns nothing of the schema): a 调解员's own cases only, or another's read
 * under the committee's read-only setting, whose answer is then masked further (masked-contacts.ts).
 */
export function withDeskDoor(
  admit: (method: ApiMethod, call: DispatchOptions) => void,
  ledger: DispatchGuard,
  desk: DeskSession,
  statusOf: CaseStatusOf,
  caseDoor: CaseDoor,
): DispatchGuard {
  return {
    async before(method, call, input) {
      admit(method, call);
      const caller = callerAt(method, call, desk);
      await ledger.before(method, call, input);
      if (!caller) return;
      const anothers = caseDoor(caller, method, input);
      if (!anothers) return (work) => actingAs(caller, work);
      // another's case read under the committee's setting: no whole phone or address (§7.2 C2)
      return async (work) =>
        maskContacts(await actingAs(caller, work), anothers.addresses) as Awaited<
          ReturnType<typeof work>
        >;
    },
    translate: (method, error) => ledger.translate(method, error),
    ask: (method, input) => {
      const user = desk.caller;
      return user ? questionFor(user.role, method, input) : input;
    },
    view: (method, input, value) => {
      const user = desk.caller;
      return user ? viewFor(user.role, method, input, value, statusOf) : value;
    },
  };
}
