import { z } from 'zod';
import type { Mediator } from '../cases/case-views';
import type { DraftIssue, PdfFile } from '../agreements/agreement-views';
import { booleanField, rowIdField } from '../cases/input-fields';
import { mediatorInputSchema } from '../cases/ledger-inputs';
import type { MediatorWorkload } from '../cases/mediator-workload';
import { periodField } from '../statistics/period';
import { method } from './method.js';

/** A mediator's printed paper: the PDF and its place in the mediator print register. */
export interface MediatorPaperView extends PdfFile {
  readonly issues: readonly DraftIssue[];
  readonly printVersion: number;
  readonly printedAt: string;
}

/** The room's mediators (kept as settings until user accounts exist). */
export const mediatorsContract = {
  'mediators.list': method<readonly Mediator[]>()(
    z.strictObject({
      includeInactive: z.boolean({ error: '参数无效' }).default(false),
    }),
  ),
  /** Adds (id null, expectedVersion 0) or edits (expectedVersion = the loaded version). */
  'mediators.save': method<Mediator>()(mediatorInputSchema),
  /** A mediator's workload and outcomes for a month, quarter, half-year or year. */
  'mediators.workload': method<MediatorWorkload>()(
    z.strictObject({ mediatorId: rowIdField('调解员'), period: periodField }),
  ),
  /** The 人民调解员登记表, frozen in the mediator print register (same profile, same bytes). */
  'mediators.registerForm': method<MediatorPaperView>()(
    z.strictObject({
      mediatorId: rowIdField('调解员'),
      allowMissingGlyphs: booleanField('是否允许缺字打印').default(false),
    }),
  ),
} as const;
