import { BRIDGE_GLOBAL_NAME } from '../../../domain/api/bridge';
import type { MediationDeskBridge } from '../../../domain/api/bridge';
import type { ApiInput, ApiMethod, ApiResult } from '../../../domain/api/contract';
import type { ApiErrorBody } from '../../../domain/api/errors';
import { uiText } from '../i18n/zh-CN';

export const LEDGER_DAMAGED_EVENT = 'mediation-desk:ledger-damaged';
/** Any call refused because the desk is locked or nobody is signed in (see desk/DeskGate.tsx). */
export const DESK_SESSION_EVENT = 'mediation-desk:desk-session';

/** A failed API call as the UI sees it: a stable code to branch on and a sentence to show. */
export class ApiCallError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly issues: ApiErrorBody['issues'];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.code = body.code;
    this.issues = body.issues;
  }
}

function bridge(): MediationDeskBridge {
  const found = (window as unknown as Record<string, MediationDeskBridge | undefined>)[
    BRIDGE_GLOBAL_NAME
  ];
  if (!found) {
    throw new ApiCallError({ code: 'INTERNAL', message: uiText.common.bridgeMissing });
  }
  return found;
}

async function call<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  announce: boolean,
): Promise<ApiResult<M>> {
  const envelope = await bridge().invoke(method, input);
  if (envelope.ok) return envelope.value;
  const error = new ApiCallError(envelope.error);
  if (announce) announceRefusal(error);
  throw error;
}

/**
 * Tells the window of a refusal that changes what it shows, as `api()` does for its own calls:
 * for a request sent with `apiAhead` whose refusal turns out to be news.
 */
export function announceRefusal(error: unknown): void {
  if (!(error instanceof ApiCallError)) return;
  // Damage found mid-session: the window switches to the recovery screen (see App.tsx).
  if (error.code === 'LEDGER_DAMAGED') window.dispatchEvent(new Event(LEDGER_DAMAGED_EVENT));
  // Locked by the idle timer of the core, the OS lock or another window: the gate asks again.
  if (error.code === 'DESK_LOCKED' || error.code === 'NOT_SIGNED_IN')
    window.dispatchEvent(new Event(DESK_SESSION_EVENT));
}

/** Calls one API method; resolves with its value or rejects with an ApiCallError. */
export function api<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  return call(method, input, true);
}

/**
 * The same call, but a refusal (damaged ledger, locked or signed-out desk) tells the window
 * nothing: for a request sent before the answers that say whether it is wanted
 * (app/boot-requests.ts), whose refusal those answers already explain.
 */
export function apiAhead<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
): Promise<ApiResult<M>> {
  return call(method, input, false);
}
