import { z } from 'zod';
import { scanInputSchema } from '../agreements/agreement-input';
import { expectedVersionField, isoDateField, rowIdField } from '../cases/input-fields';
import { multiLine, optionalMultiLine } from '../text-input';
import { personNameField } from '../validation/zod-fields';

/** What the volume panel sends (domain §2.2, §2.3, §4.8). Ledger checks live in the service. */

/** 保管期限 (§4.8): typical values; the county decides per case. */
export const RETENTION_PERIODS = ['PERMANENT', 'LONG_30', 'SHORT_10'] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];
export const RETENTION_LABELS: Readonly<Record<RetentionPeriod, string>> = {
  PERMANENT: '永久',
  LONG_30: '长期（30年）',
  SHORT_10: '短期（10年）',
};

/** Files that belong in the volume but are not produced by the app (scans of paper). */
export const ATTACHMENT_KINDS = [
  'IDENTITY_PROOF',
  'POWER_OF_ATTORNEY',
  'EVIDENCE',
  'CONFIRMATION_MATERIAL',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, string>> = {
  IDENTITY_PROOF: '当事人身份证明',
  POWER_OF_ATTORNEY: '授权委托书',
  EVIDENCE: '证据材料',
  CONFIRMATION_MATERIAL: '司法确认有关材料',
};

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined || iss.input === null ? `请选择${label}` : `${label}不在可选范围内`,
  });

export const archiveSchema = z.strictObject({
  caseId: rowIdField('案件'),
  expectedVersion: expectedVersionField,
  retention: choice(RETENTION_PERIODS, '保管期限'),
  filedBy: personNameField,
  filedDate: isoDateField('立卷日期'),
  remarks: optionalMultiLine({ label: '备注', max: 500 }),
});
export type ArchiveValues = z.output<typeof archiveSchema>;

export const volumeNoteSchema = z.strictObject({
  caseId: rowIdField('案件'),
  noteDate: isoDateField('说明日期'),
  text: multiLine({ label: '说明内容', min: 1, max: 5000 }),
});
export type VolumeNoteValues = z.output<typeof volumeNoteSchema>;

export const attachSchema = z
  .strictObject({
    caseId: rowIdField('案件'),
    kind: choice(ATTACHMENT_KINDS, '材料类别'),
    /** The party an identity copy or a power of attorney belongs to. */
    partyId: rowIdField('当事人').nullable(),
    file: scanInputSchema,
  })
  .superRefine((v, ctx) => {
    if ((v.kind === 'IDENTITY_PROOF' || v.kind === 'POWER_OF_ATTORNEY') && v.partyId === null) {
      ctx.addIssue({ code: 'custom', path: ['partyId'], message: '请选择这份材料所属的当事人' });
    }
  });
export type AttachValues = z.output<typeof attachSchema>;
