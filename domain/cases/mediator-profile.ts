import { z } from 'zod';
import * as genders from '../taxonomy/genders';
import { optionalSingleLine, singleLine } from '../text-input';
import { isoDateField } from './input-fields';

/**
 * A mediator's profile as the 人民调解员登记表 and subsidy reviewers read it (domain §4.11):
 * grade (首席, 一级–四级, some counties tie pay to it), 备案 in the provincial system, full- or
 * part-time, and training. Kept beside the mediator row, optional as a whole, so a room that
 * never fills it in loses nothing.
 */
export const MEDIATOR_GRADES = ['CHIEF', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4'] as const;
export type MediatorGrade = (typeof MEDIATOR_GRADES)[number];
export const MEDIATOR_GRADE_LABELS: Readonly<Record<MediatorGrade, string>> = {
  CHIEF: '首席人民调解员',
  GRADE_1: '一级人民调解员',
  GRADE_2: '二级人民调解员',
  GRADE_3: '三级人民调解员',
  GRADE_4: '四级人民调解员',
};

export const FILING_STATUSES = ['NOT_FILED', 'FILED', 'SUSPENDED', 'REVOKED'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  NOT_FILED: '未备案',
  FILED: '已备案',
  SUSPENDED: '备案暂停',
  REVOKED: '备案已撤销',
};

export const EMPLOYMENTS = ['FULL_TIME', 'PART_TIME'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
export const EMPLOYMENT_LABELS: Readonly<Record<Employment, string>> = {
  FULL_TIME: '专职',
  PART_TIME: '兼职',
};

export const trainingSchema = z.strictObject({
  date: isoDateField('培训日期'),
  title: singleLine({ label: '培训名称', min: 1, max: 100 }),
  hours: z
    .number({ error: '培训学时必须是数字' })
    .min(0.5, { error: '培训学时至少 0.5' })
    .max(1000, { error: '培训学时过大' })
    .multipleOf(0.5, { error: '培训学时以 0.5 为单位' }),
  organiser: optionalSingleLine({ label: '培训单位', max: 60 }),
});

export const mediatorProfileSchema = z
  .strictObject({
    grade: z.enum(MEDIATOR_GRADES, { error: '调解员等级不在可选范围内' }).nullable(),
    filingNumber: optionalSingleLine({ label: '备案编号', max: 40 }),
    filingStatus: z.enum(FILING_STATUSES, { error: '备案状态不在可选范围内' }),
    employment: z.enum(EMPLOYMENTS, { error: '专兼职不在可选范围内' }),
    gender: genders.codeSchema.nullable(),
    birthDate: isoDateField('出生日期').nullable(),
    phone: optionalSingleLine({ label: '联系电话', max: 30 }),
    education: optionalSingleLine({ label: '文化程度', max: 20 }),
    politicalStatus: optionalSingleLine({ label: '政治面貌', max: 20 }),
    workUnit: optionalSingleLine({ label: '工作单位', max: 60 }),
    title: optionalSingleLine({ label: '职务', max: 40 }),
    trainings: z
      .array(trainingSchema, { error: '培训记录格式不正确' })
      .max(100, { error: '培训记录最多 100 条' }),
  })
  .superRefine((p, ctx) => {
    if (p.filingStatus !== 'NOT_FILED' && p.filingNumber === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['filingNumber'],
        message: '已备案的调解员请填写备案编号',
      });
    }
  });
export type MediatorProfile = z.output<typeof mediatorProfileSchema>;

/** A mediator never profiled: what the migration's column defaults mean. */
export const EMPTY_MEDIATOR_PROFILE: MediatorProfile = {
  grade: null,
  filingNumber: null,
  filingStatus: 'NOT_FILED',
  employment: 'PART_TIME',
  gender: null,
  birthDate: null,
  phone: null,
  education: null,
  politicalStatus: null,
  workUnit: null,
  title: null,
  trainings: [],
};
