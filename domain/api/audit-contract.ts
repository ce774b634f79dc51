import { z } from 'zod';
import {
  AUDIT_ACTION_LABELS,
  type AuditEntryView,
  type AuditHeadView,
  type AuditVerification,
} from '../audit/audit-views.js';
import { optionalIsoDateField, rowIdField } from '../cases/input-fields.js';
import { optionalSingleLine } from '../text-input.js';
import { method } from './method.js';

export interface AuditPage {
  readonly entries: readonly AuditEntryView[];
  /** Pass as `beforeSeq` for the next (older) page; null when this was the last. */
  readonly nextBeforeSeq: number | null;
  readonly head: AuditHeadView | null;
  /** The last verification of this session, if any. */
  readonly lastVerification: AuditVerification | null;
}

/** The audit chain (审计日志, §7.5): read-only; the chain is written by the ledger itself. */
export const auditContract = {
  'audit.list': method<AuditPage>()(
    z.strictObject({
      caseNumber: optionalSingleLine({ max: 40, label: '案件编号' }),
      actor: optionalSingleLine({ max: 40, label: '操作人' }),
      action: z
        .enum(Object.keys(AUDIT_ACTION_LABELS) as [string, ...string[]], { error: '操作类型无效' })
        .nullable()
        .optional(),
      from: optionalIsoDateField('开始日期'),
      to: optionalIsoDateField('结束日期'),
      beforeSeq: rowIdField('审计记录').nullable().optional(),
    }),
  ),
  /** Walks the whole chain and every audited row (in slices: other requests go on meanwhile). */
  'audit.verify': method<AuditVerification>()(z.strictObject({})),
} as const;
