import { z } from 'zod';
import type { Mediator } from '../cases/case-views';
import type { DraftIssue, PdfFile, PrintOutcome } from '../agreements/agreement-views';
import type { PrintEvent } from '../documents/printed-documents';
import { booleanField, rowIdField } from '../cases/input-fields';
import { mediatorInputSchema } from '../cases/ledger-inputs';
import type { MediatorWorkload } from '../cases/mediator-workload';
import { periodField } from '../statistics/period';
import { printCopiesField } from './agreements-contract';
import { method } from './method.js';

/** One stored version in the mediator print register, with its trips to paper. */
export interface MediatorPrintedView {
  readonly id: number;
  readonly mediatorId: number;
  readonly label: string;
  readonly printVersion: number;
  /** True when a later version of the same paper exists (the profile changed since). */
  readonly superseded: boolean;
  readonly fileName: string;
  readonly pdfSha256: string;
  readonly byteLength: number;
  readonly verificationCode: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly prints: readonly PrintEvent[];
}

/** A mediator's printed paper: the PDF and its place in the mediator print register. */
export interface MediatorPaperView extends PdfFile {
  readonly issues: readonly DraftIssue[];
  readonly printVersion: number;
  readonly printedAt: string;
  readonly printed: MediatorPrintedView;
}

const mediatorPrintedId = rowIdField('打印存档');

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
  /** Every stored version of the mediator's 登记表, newest first, with copies printed. */
  'mediators.listPrinted': method<readonly MediatorPrintedView[]>()(
    z.strictObject({ mediatorId: rowIdField('调解员') }),
  ),
  /** The stored bytes of one version, exactly as first printed. */
  'mediators.printed': method<MediatorPaperView>()(z.strictObject({ mediatorPrintedId })),
  /** Prints a stored version through the system dialog and records copies and printer. */
  'mediators.print': method<PrintOutcome>()(
    z.strictObject({ mediatorPrintedId, copies: printCopiesField }),
  ),
  /** Records a print made outside the app's print route (dev:web, a downloaded PDF). */
  'mediators.recordPrint': method<MediatorPrintedView>()(
    z.strictObject({ mediatorPrintedId, copies: printCopiesField }),
  ),
} as const;
