import type { z } from 'zod';

/**
 * One API method: the zod schema its input must pass in the main process, and (as a phantom
 * type) what it answers. The contract is data so the main process can check at start-up that
 * every method has a handler and a schema.
 */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  /** Never set at run time; carries the result type. */
  readonly result?: R;
}

export const method =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
