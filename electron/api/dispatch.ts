import { archivedCaseError } from '../../domain/volume/archived-case.js';
import { z } from 'zod';
import { apiContract, isApiMethod } from '../../domain/api/contract.js';
import type { ApiMethod, ApiParsedInput, ApiResult } from '../../domain/api/contract.js';
import { ApiError } from '../../domain/api/errors.js';
import type { ApiEnvelope, FieldIssue } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';

// zod's own fallback messages (wrong type, unknown key) in Chinese; ours override them per field.
z.config(z.locales.zhCN());

export type ApiHandler<M extends ApiMethod> = (
  input: ApiParsedInput<M>,
) => Promise<ApiResult<M>> | ApiResult<M>;

export type ApiHandlers = { readonly [M in ApiMethod]: ApiHandler<M> };

export interface DispatchOptions {
  /**
   * A call the main process makes on its own (the due notifier), not the person at the desk:
   * it passes the same door but is no activity, so it never keeps an unattended desk unlocked.
   * The IPC door and the dev:web host never set it.
   */
  readonly background?: boolean;
}

export type Dispatch = (
  method: unknown,
  input: unknown,
  options?: DispatchOptions,
) => Promise<ApiEnvelope<unknown>>;

export interface DispatchLog {
  /** Never receives the input: it holds personal data. */
  error(event: { method: string; error: unknown }): void;
}

/** Runs the rest of an admitted call (question, handler, answer) inside the caller's scope. */
export type CallScope = <T>(work: () => Promise<T>) => Promise<T>;

/** What the door does around every call besides validation (the ledger's write gate). */
export interface DispatchGuard {
  /**
   * Runs before the input is parsed and the handler called; throws an ApiError to refuse. May
   * return the scope the rest of the call runs in (the person it was admitted for). `input` is
   * the caller's unparsed input: only ids of the right type may be read from it (a 调解员's
   * case check, mediator-case-door.ts), as the schemas never turn other values into ids.
   */
  before(
    method: ApiMethod,
    options: DispatchOptions,
    input: unknown,
  ): Promise<CallScope | void> | CallScope | void;
  /** Turns an unexpected error into a specific one (full disk, damage), or returns null. */
  translate(method: ApiMethod, error: unknown): ApiError | null;
  /** What the caller may ask: narrows a parsed input (a receptionist's search); throws to refuse. */
  ask?(method: ApiMethod, input: unknown): unknown;
  /** What the caller may see of a successful answer (a receptionist's masked ID numbers). */
  view?(method: ApiMethod, input: unknown, value: unknown): unknown;
}

function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const code: unknown = issue.code === 'custom' ? issue.params?.code : undefined;
    return typeof code === 'string'
      ? { path, message: issue.message, code }
      : { path, message: issue.message };
  });
}

/**
 * The single door into the main process: validate, call, wrap. It never throws and never lets
 * a stack trace or an internal message out; the same function serves IPC and the dev:web host.
 */
export function createDispatcher(
  handlers: ApiHandlers,
  log: DispatchLog,
  guard?: DispatchGuard,
): Dispatch {
  for (const name of Object.keys(apiContract)) {
    if (typeof (handlers as Record<string, unknown>)[name] !== 'function') {
      throw new Error(`API method ${name} has no handler`);
    }
  }

  return async (methodName, rawInput, options = {}) => {
    if (!isApiMethod(methodName)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: apiMessagesZhCN.unknownMethod },
      };
    }
    // The guard comes first: the desk's door (signed in, not locked, role) and the ledger's
    // gate refuse the same way whatever was typed, so a refused caller learns nothing of the input.
    let scope: CallScope | void;
    try {
      scope = await guard?.before(methodName, options, rawInput);
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      log.error({ method: methodName, error });
      return { ok: false, error: { code: 'INTERNAL', message: apiMessagesZhCN.internal } };
    }
    const parsed = apiContract[methodName].input.safeParse(rawInput);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      const first = issues[0]?.message;
      return {
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: issues.length === 1 && first ? first : apiMessagesZhCN.badInput,
          issues,
        },
      };
    }
    try {
      const answer = async (): Promise<unknown> => {
        const input = guard?.ask ? guard.ask(methodName, parsed.data) : parsed.data;
        const handler = handlers[methodName] as (input: unknown) => unknown;
        const value = await handler(input);
        return guard?.view ? guard.view(methodName, input, value) : value;
      };
      return { ok: true, value: scope ? await scope(answer) : await answer() };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      // The ledger's own refusal to touch an archived case (migration 014 triggers).
      const archived = archivedCaseError(error);
      if (archived) return { ok: false, error: archived.toBody() };
      const translated = guard?.translate(methodName, error) ?? null;
      if (translated) {
        log.error({ method: methodName, error });
        return { ok: false, error: translated.toBody() };
      }
      log.error({ method: methodName, error });
      return { ok: false, error: { code: 'INTERNAL', message: apiMessagesZhCN.internal } };
    }
  };
}
