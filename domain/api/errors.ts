/**
 * Stable error codes of the API. The renderer branches on `code`, never on `message`;
 * messages are Chinese sentences a mediator can act on.
 */
export const API_ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  /** The caller's role may not call this method (domain/api/method-roles.ts). */
  'FORBIDDEN',
  /** Nobody is signed in at this desk (or no account exists yet: first-run set-up). */
  'NOT_SIGNED_IN',
  /** The desk is locked (idle, OS lock, or by hand): sign in again to go on. */
  'DESK_LOCKED',
  /** Wrong login name or password (the message never says which). */
  'SIGN_IN_FAILED',
  /** Too many failed sign-ins: wait the number of seconds the message names. */
  'SIGN_IN_BACKOFF',
  'INVALID_STATE',
  /**
   * A 调解员 asked for something only the mediators of the case may have (the whole ID number,
   * §7.3): the case is not assigned to the mediator profile their account is linked to.
   */
  'NOT_OWN_CASE',
  /** A 调解员's account is linked to no mediator profile: the director links it in 设置 → 账号. */
  'MEDIATOR_NOT_LINKED',
  /** The case is archived (一案一卷): its records are read-only; notes may still be appended. */
  'CASE_ARCHIVED',
  'LEDGER_UNAVAILABLE',
  /** The ledger failed its check: writes are stopped, reads and restore still work. */
  'LEDGER_DAMAGED',
  /** A plain ledger is being converted to an encrypted one: reads work, writes wait for it. */
  'LEDGER_ENCRYPTING',
  /** The disk is full: nothing was saved, nothing saved before was lost. */
  'STORAGE_FULL',
  /** The ledger or backup folder cannot be written (read-only medium, permissions). */
  'STORAGE_READ_ONLY',
  /** A backup was not made (the reason is in the message); the ledger itself is untouched. */
  'BACKUP_FAILED',
  /**
   * The backup is encrypted with a key this computer does not keep (another computer's, or one
   * from before a key change): not damaged; unlock it with its room's recovery code.
   */
  'BACKUP_OTHER_KEY',
  /**
   * A restore over a ledger that still holds everything was not confirmed by a second person of
   * the other room role (§7.4: a director with a technical administrator, or the reverse).
   */
  'RESTORE_WITNESS_REFUSED',
  /** The room has no active account of the other role to confirm a restore: make one first. */
  'RESTORE_WITNESS_NONE',
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One problem with one field of the input, for inline form errors. */
export interface FieldIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** A stable code for refusals the renderer may branch on (e.g. SCRIPT_MISMATCH). */
  readonly code?: string;
}

export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly issues?: readonly FieldIssue[];
}

export type ApiEnvelope<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorBody };

/**
 * Thrown by services for expected failures. Anything else thrown is reported as INTERNAL
 * without its message or stack, so internals never reach the renderer.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: readonly FieldIssue[] | undefined;

  constructor(code: ApiErrorCode, message: string, issues?: readonly FieldIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): ApiErrorBody {
    return this.issues && this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (API_ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}
