import * as caseSources from '../taxonomy/case-sources';
import * as disputeCategories from '../taxonomy/dispute-categories';
import * as ethnicGroups from '../taxonomy/ethnic-groups';
import * as genders from '../taxonomy/genders';
import * as idDocTypes from '../taxonomy/id-doc-types';
import * as languages from '../taxonomy/languages';
import * as partyRoles from '../taxonomy/party-roles';
import * as riskLevels from '../taxonomy/risk-levels';
import * as courtKinds from '../taxonomy/court-kinds';
import * as warningLevels from '../taxonomy/warning-levels';
import { investigatedPersonDetail, investigatedPersonSchema } from './record-inputs';

/**
 * The change history as people read it: on the case timeline and in the printed 结案 summary
 * (issue 8, must-have 2). Stored values are whole (see db/history/change-history.ts); what is
 * shown here masks ID numbers and turns codes into their Chinese labels.
 */

export type ChangeEntity =
  | 'CASE'
  | 'PARTY'
  | 'REPRESENTATIVE'
  | 'PARTICIPANT'
  | 'SESSION'
  | 'INVESTIGATION'
  | 'REFERRAL'
  | 'MEDIATOR';
export type ChangeAction = 'ADD' | 'UPDATE' | 'REMOVE' | 'NORMALISE';

export interface FieldChangeView {
  readonly field: string;
  readonly label: string;
  readonly oldText: string;
  readonly newText: string;
}

export interface ChangeSetView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly entity: ChangeEntity;
  readonly entityId: number;
  /** "当事人 王芳", "案件信息". */
  readonly subject: string;
  readonly action: ChangeAction;
  readonly actionLabel: string;
  readonly reason: string | null;
  readonly confirmations: readonly string[];
  readonly fields: readonly FieldChangeView[];
}

/** Fields whose correction needs a reason (must-have 1): who the person is. */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'idDocType',
  'idNumber',
  'gender',
  'birthDate',
]);

/** Shown masked wherever history is shown; stored whole. */
export const SENSITIVE_FIELDS: ReadonlySet<string> = new Set(['idNumber']);

export const ACTION_LABELS: Readonly<Record<ChangeAction, string>> = {
  ADD: '新增',
  UPDATE: '更正',
  REMOVE: '删除',
  NORMALISE: '文本规范化',
};

export const ENTITY_LABELS: Readonly<Record<ChangeEntity, string>> = {
  CASE: '案件信息',
  PARTY: '当事人',
  REPRESENTATIVE: '代理人',
  PARTICIPANT: '邀请参加人员',
  SESSION: '调解记录',
  INVESTIGATION: '调查记录',
  REFERRAL: '移交记录',
  MEDIATOR: '调解员',
};

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '案件名称',
  source: '纠纷来源',
  category: '纠纷类型',
  subtype: '纠纷细类',
  summary: '纠纷简要情况',
  requests: '申请事项',
  riskLevel: '风险等级',
  riskFactors: '风险因素',
  preventionFlags: '预防情况',
  isDifficult: '疑难复杂',
  amountClaimedFen: '争议金额',
  mediatorIds: '承办调解员',
  remarks: '备注',
  dueDate: '办理期限',
  intakeDate: '登记日期',
  acceptedDate: '受理日期',
  caseNumber: '案件编号',
  role: '当事人类别',
  kind: '当事人类型',
  name: '姓名（名称）',
  gender: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  occupation: '职业或职务',
  idDocType: '证件类型',
  idNumber: '证件号码',
  idDocName: '证件名称',
  idNoneReason: '无证件的原因',
  phone: '联系电话',
  noPhoneReason: '没有电话的原因',
  address: '单位或住址',
  note: '备注',
  preferredLanguage: '使用语言',
  needsInterpreter: '需要翻译',
  ownScriptName: '本民族文字姓名',
  ownScriptAddress: '本民族文字住址',
  socialCreditCode: '统一社会信用代码',
  legalRepName: '法定代表人',
  legalRepTitle: '法定代表人职务',
  representatives: '代理人',
  relationship: '与当事人关系',
  affiliation: '单位或身份',
  consentNote: '同意情况说明',
  place: '地点',
  subject: '事由',
  recorder: '记录人',
  content: '记录内容',
  reason: '原因',
  receiver: '接收人',
  feedback: '反馈情况',
  subsidyTier: '补贴档次',
  inCountyRegister: '已登记县级排查调处台账',
  countyRegisterRef: '县级台账编号',
  crossArea: '跨地区纠纷',
  oralAttendanceProven: '口头调解到场已证明',
  isPeopleMediator: '人民调解员',
  languages: '工作语言',
  active: '在岗',
  grade: '调解员等级',
  filingNumber: '备案编号',
  filingStatus: '备案状态',
  employment: '专兼职',
  education: '文化程度',
  politicalStatus: '政治面貌',
  workUnit: '工作单位',
  trainings: '培训记录（条）',
  occurredOn: '纠纷发生日期',
  occurredPlace: '纠纷发生地点',
  personsInvolved: '涉及人数',
  warningLevel: '预警等级',
  responsibleLeader: '包案领导',
  courtKind: '委派方式',
  courtName: '委派法院',
  courtReference: '法院案号',
  courtReceivedOn: '收到委派日期',
  courtExtension: '法院同意延长调解期限',
  at: '调查时间',
  investigatedPersons: '被调查人',
  participants: '参加人',
  investigatorIds: '调查人',
  startAt: '开始时间',
  endAt: '结束时间',
  partyIdsPresent: '到场当事人',
  interpreter: '翻译人员',
  isPublic: '公开调解',
  recordMode: '记录方式',
  result: '调解结果',
  readBackConfirmed: '已经当事人校阅或宣读',
};

/** 632801********1246: the division code and the last four, never the birth date. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

const CODE_LABELS: Readonly<Record<string, (code: never) => string>> = {
  source: caseSources.labelOf as (code: never) => string,
  category: disputeCategories.labelOf as (code: never) => string,
  subtype: disputeCategories.labelOf as (code: never) => string,
  riskLevel: riskLevels.labelOf as (code: never) => string,
  gender: genders.labelOf as (code: never) => string,
  idDocType: idDocTypes.labelOf as (code: never) => string,
  role: partyRoles.labelOf as (code: never) => string,
  preferredLanguage: languages.labelOf as (code: never) => string,
  warningLevel: warningLevels.labelOf as (code: never) => string,
  courtKind: courtKinds.labelOf as (code: never) => string,
};

function fen(value: number): string {
  return `${(value / 100).toFixed(2)}元`;
}

/** One stored value (parsed JSON) as a line of Chinese text. */
export function formatChangeValue(field: string, value: unknown, sensitive: boolean): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (sensitive && typeof value === 'string') return maskIdNumber(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field === 'amountClaimedFen' && typeof value === 'number') return fen(value);
  if (field === 'ethnicity' && typeof value === 'string') {
    const row = ethnicGroups.rows.find((r) => r.code === value);
    return row?.label ?? value;
  }
  const label = CODE_LABELS[field];
  if (label && typeof value === 'string') return label(value as never);
  if (Array.isArray(value)) {
    return value.map((v) => formatChangeValue(field, v, sensitive)).join('；') || '（空）';
  }
  if (typeof value === 'object') {
    if (field === 'investigatedPersons' && typeof (value as { name?: unknown }).name === 'string') {
      const person = investigatedPersonSchema.safeParse(value);
      if (person.success) {
        const detail = investigatedPersonDetail(person.data);
        return detail ? `${person.data.name}（${detail}）` : person.data.name;
      }
    }
    const named = value as { name?: unknown; code?: unknown; note?: unknown };
    if (typeof named.name === 'string') return named.name;
    return JSON.stringify(value);
  }
  return String(value);
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

interface SnapshotParty {
  readonly kind: string;
  readonly role: string;
  readonly name: string;
  readonly gender: string | null;
  readonly birthDate: string | null;
  readonly ethnicity: string | null;
  readonly occupation: string | null;
  readonly idDocument: {
    readonly type: string;
    readonly number: string | null;
    readonly name: string | null;
    readonly noneReason: string | null;
  } | null;
  readonly phone: { readonly phone: string; readonly noPhoneReason: string | null };
  readonly address: string;
  readonly note: string | null;
  readonly preferredLanguage: string;
  readonly needsInterpreter: boolean;
  readonly socialCreditCode: string | null;
  readonly legalRepName: string | null;
  readonly legalRepTitle: string | null;
  readonly ownScriptName: string | null;
  readonly ownScriptAddress: string | null;
  readonly representatives: readonly {
    readonly kind: string;
    readonly name: string;
    readonly relationship: string;
    readonly phone: { readonly phone: string };
  }[];
}

/** A party as the flat field → value map the history compares. */
export function partySnapshot(p: SnapshotParty): Record<string, unknown> {
  return {
    role: p.role,
    kind: p.kind,
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    occupation: p.occupation,
    idDocType: p.idDocument?.type ?? null,
    idNumber: p.idDocument?.number ?? null,
    idDocName: p.idDocument?.name ?? null,
    idNoneReason: p.idDocument?.noneReason ?? null,
    phone: p.phone.phone,
    noPhoneReason: p.phone.noPhoneReason,
    address: p.address,
    note: p.note,
    preferredLanguage: p.preferredLanguage,
    needsInterpreter: p.needsInterpreter,
    socialCreditCode: p.socialCreditCode,
    legalRepName: p.legalRepName,
    legalRepTitle: p.legalRepTitle,
    ownScriptName: p.ownScriptName,
    ownScriptAddress: p.ownScriptAddress,
    representatives: p.representatives.map(
      (r) => `${r.name}（${r.relationship}，${r.phone.phone}）`,
    ),
  };
}

interface SnapshotCase {
  readonly title: string;
  readonly source: string;
  readonly category: string;
  readonly subtype: string | null;
  readonly summary: string;
  readonly requests: readonly string[];
  readonly riskLevel: string;
  readonly riskFactors: readonly string[];
  readonly preventionFlags: readonly unknown[];
  readonly isDifficult: boolean;
  readonly amountClaimedFen: number | null;
  readonly mediatorIds: readonly number[];
  readonly remarks: string | null;
  readonly dueDate: string | null;
  readonly intakeDate: string;
  readonly acceptedDate: string | null;
  readonly caseNumber: string | null;
  readonly occurredOn: string | null;
  readonly occurredPlace: string | null;
  readonly personsInvolved: number | null;
  readonly warningLevel: string | null;
  readonly responsibleLeader: string | null;
  readonly courtKind: string | null;
  readonly courtName: string | null;
  readonly courtReference: string | null;
  readonly courtReceivedOn: string | null;
  readonly courtExtension: { readonly consentDate: string; readonly note: string } | null;
}

export function caseSnapshot(c: SnapshotCase): Record<string, unknown> {
  return {
    title: c.title,
    source: c.source,
    category: c.category,
    subtype: c.subtype,
    summary: c.summary,
    requests: c.requests,
    riskLevel: c.riskLevel,
    riskFactors: c.riskFactors,
    preventionFlags: c.preventionFlags,
    isDifficult: c.isDifficult,
    amountClaimedFen: c.amountClaimedFen,
    mediatorIds: c.mediatorIds,
    remarks: c.remarks,
    dueDate: c.dueDate,
    intakeDate: c.intakeDate,
    acceptedDate: c.acceptedDate,
    caseNumber: c.caseNumber,
    occurredOn: c.occurredOn,
    occurredPlace: c.occurredPlace,
    personsInvolved: c.personsInvolved,
    warningLevel: c.warningLevel,
    responsibleLeader: c.responsibleLeader,
    courtKind: c.courtKind,
    courtName: c.courtName,
    courtReference: c.courtReference,
    courtReceivedOn: c.courtReceivedOn,
    courtExtension:
      c.courtExtension === null
        ? null
        : `${c.courtExtension.consentDate} ${c.courtExtension.note}`.trim(),
  };
}
