// What a test does with an API answer: the value, or the error it expects.
import type { ApiEnvelope } from '../../../domain/api/errors.js';

/** The value of a call that must succeed; a refusal fails the test with its code and message. */
export async function ok<T>(res: Promise<ApiEnvelope<unknown>>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** The error of a refused call, or null when it succeeded. */
export async function errorOf(res: Promise<ApiEnvelope<unknown>>) {
  const r = await res;
  return r.ok ? null : r.error;
}
