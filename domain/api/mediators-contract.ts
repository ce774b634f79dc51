import { z } from 'zod';
import type { Mediator } from '../cases/case-views';
import { mediatorInputSchema } from '../cases/ledger-inputs';
import { method } from './method.js';

/** The room's mediators (kept as settings until user accounts exist). */
export const mediatorsContract = {
  'mediators.list': method<readonly Mediator[]>()(
    z.strictObject({
      includeInactive: z.boolean({ error: '参数无效' }).default(false),
    }),
  ),
  /** Adds (id null, expectedVersion 0) or edits (expectedVersion = the loaded version). */
  'mediators.save': method<Mediator>()(mediatorInputSchema),
} as const;
