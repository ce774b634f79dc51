/**
 * The audit chain as the 审计员 screen shows it (§7.5): entries, the verification's findings and
 * the sentences that explain them. Pure: the ledger's side is `db/audit/`.
 */

export type AuditFindingKind =
  | 'ENTRY_MISSING'
  | 'ENTRY_CHANGED'
  | 'LINK_BROKEN'
  | 'ROW_CHANGED'
  | 'ROW_DELETED'
  | 'ROW_UNRECORDED'
  /** A case's stored claim summary differs from the summary recomputed from its sources. */
  | 'CLAIM_SUMMARY_CHANGED';

/** One thing verification found wrong, with what a person needs to find it. */
export interface AuditFinding {
  readonly kind: AuditFindingKind;
  /** The chain entry concerned (for a row: its last audited entry). */
  readonly seq: number | null;
  readonly at: string | null;
  readonly action: string | null;
  readonly table: string | null;
  readonly rowKey: string | null;
  readonly caseId: number | null;
  readonly caseNumber: string | null;
}

export interface AuditVerifyResult {
  readonly entries: number;
  readonly rowsChecked: number;
  /** Entries made with a key this computer does not hold: their MACs could not be checked. */
  readonly entriesWithoutKey: number;
  /** Rows whose last audited hash was made with a key this computer does not hold. */
  readonly rowsWithoutKey: number;
  readonly keyPresent: boolean;
  /** The first entry where the chain does not hold (a missing, changed or re-linked entry). */
  readonly firstBroken: AuditFinding | null;
  readonly brokenEntries: number;
  /** Rows that differ from their last audited state (the first 200). */
  readonly rowFindings: readonly AuditFinding[];
  readonly rowFindingCount: number;
  readonly head: { readonly seq: number; readonly mac: string } | null;
  /** Entries where the app found a table's audit triggers missing and put them back. */
  readonly triggersRestored: readonly {
    readonly seq: number;
    readonly at: string;
    readonly table: string;
  }[];
}

export type AuditVerdict = 'OK' | 'KEY_MISSING' | 'BROKEN';

/** What `audit.verify` answers: the result, the verdict and the sentences for the screen. */
export interface AuditVerification extends AuditVerifyResult {
  readonly verdict: AuditVerdict;
  readonly summary: string;
  readonly details: readonly string[];
  readonly finishedAt: string;
  readonly ms: number;
}

/** One entry of the log as listed (never the row's content: only which row, by whom, when). */
export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly table: string | null;
  readonly rowKey: string | null;
  readonly caseId: number | null;
  readonly caseNumber: string | null;
  readonly detail: string | null;
}

export interface AuditHeadView {
  readonly seq: number;
  readonly mac: string;
  readonly at: string;
}

const TABLE_LABELS: Readonly<Record<string, string>> = {
  case_file: '案件',
  party: '当事人',
  party_representative: '监护人或代理人',
  invited_participant: '邀请参加人员',
  mediator: '调解员',
  case_mediator: '案件调解员',
  session_record: '调解记录',
  investigation_record: '调查记录',
  referral: '移交记录',
  status_history: '办理经过',
  case_number: '案件编号',
  case_number_counter: '编号计数',
  agreement: '协议书',
  agreement_attachment: '协议书扫描件',
  agreement_seal: '协议书印记',
  case_outcome: '调解结果',
  printed_document: '打印存档',
  print_event: '打印记录',
  followup: '回访',
  followup_proof: '履行凭证',
  judicial_confirmation: '司法确认',
  case_due_extension: '延长期限',
  change_set: '更正记录',
  change_field: '更正明细',
  room_settings: '调解组织设置',
  case_settings: '案件设置',
  followup_settings: '回访设置',
  holiday_calendar: '节假日',
  code_table: '代码表',
  code_row: '代码表条目',
  subsidy_rules: '补贴规则',
  subsidy_settings: '补贴设置',
  case_subsidy_tier: '补贴档次',
  case_subsidy_facts: '补贴核实',
  case_volume: '卷宗',
  case_volume_note: '卷宗情况说明',
  case_attachment: '卷宗材料',
  screening_round: '排查',
  screening_issue: '排查问题',
  export_run: '导出记录',
  case_reported: '已上报版本',
  ledger_identity: '台账标识',
  printed_period_document: '期间文书存档',
  mediator_printed_document: '调解员文书存档',
  translation_wording: '译文固定用语',
  desk_account: '账号',
  desk_security: '登录与查看设置',
  mediator_print_event: '调解员文书打印记录',
  claim_case_summary: '补贴申报汇总',
};

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  INSERT: '新增',
  UPDATE: '修改',
  DELETE: '删除',
  BASELINE: '建立基线',
  TRIGGERS: '重装审计触发器',
  TRIGGERS_RETIRED: '改为按导出核对（不再逐行记录）',
  AUDIT_KEY_NEW: '新建审计密钥',
  SIGN_IN: '登录',
  SIGN_IN_FAILED: '登录失败',
  RESTORE_WITNESS_FAILED: '恢复备份时第二人密码错误',
  SIGN_OUT: '退出',
  LOCK: '锁定',
  REVEAL_ID: '查看完整证件号码',
  REVEAL_ID_REFUSED: '查看完整证件号码被拒绝',
  CASE_REFUSED: '打开非本人的案件被拒绝',
  PRINT: '打印',
  EXPORT: '导出',
  BACKUP: '备份',
  RESTORE: '恢复备份',
  AGREEMENT_SEALED: '协议书盖印记',
  CLAIM_SUMMARY_DROPPED: '核验发现补贴申报汇总被改动，已作废待重算',
};

export function auditTableLabel(table: string | null): string {
  if (table === null) return '';
  return TABLE_LABELS[table] ?? table;
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

function whereOf(f: AuditFinding): string {
  const table = f.table
    ? `${auditTableLabel(f.table)}（表 ${f.table}，第 ${f.rowKey ?? '?'} 行）`
    : '';
  const inCase = f.caseNumber
    ? `，案件 ${f.caseNumber}`
    : f.caseId !== null
      ? `，案件内部编号 ${f.caseId}`
      : '';
  return `${table}${inCase}`;
}

const china = (iso: string | null) =>
  iso === null ? '' : new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** One sentence per finding, in the words a director or auditor can act on. */
export function describeAuditFinding(f: AuditFinding): string {
  const entry =
    f.seq !== null
      ? `第 ${f.seq} 条审计记录（${china(f.at)}，${auditActionLabel(f.action ?? '')}${
          f.table ? ` ${auditTableLabel(f.table)}` : ''
        }）`
      : '';
  switch (f.kind) {
    case 'ENTRY_MISSING':
      return `审计日志在${entry}之前缺少记录：有记录被删除`;
    case 'ENTRY_CHANGED':
      return `${entry}已被改动，与记下时的密钥校验值不符`;
    case 'LINK_BROKEN':
      return `${entry}与前一条接不上：有记录被替换或插入`;
    case 'ROW_CHANGED':
      return `${whereOf(f)}的内容与最后一次记录${f.seq !== null ? `（第 ${f.seq} 条）` : ''}不符：是在本程序之外改动的`;
    case 'ROW_DELETED':
      return `${whereOf(f)}已不在台账中，审计日志里没有删除它的记录：是在本程序之外删除的`;
    case 'ROW_UNRECORDED':
      return `${whereOf(f)}不在审计日志中：是在本程序之外新增的`;
    case 'CLAIM_SUMMARY_CHANGED':
      return `案件 ${f.caseNumber ?? `内部编号 ${f.caseId ?? '?'}`} 的补贴申报汇总与按该案现有数据重新计算的结果不符：是在本程序之外改动的，此前据此生成的补贴申报材料可能有误；台账可以写入时本程序已作废这条汇总，下次生成申报材料时按该案现有数据重新计算`;
  }
}

/** The verdict, its one-line summary and the lines under it. */
export function describeAuditVerification(
  r: AuditVerifyResult,
): Pick<AuditVerification, 'verdict' | 'summary' | 'details'> {
  const details: string[] = [];
  if (r.firstBroken) {
    details.push(`第一处断开：${describeAuditFinding(r.firstBroken)}`);
    if (r.brokenEntries > 1) details.push(`共有 ${r.brokenEntries} 条审计记录不符`);
  }
  for (const f of r.rowFindings) details.push(describeAuditFinding(f));
  if (r.rowFindingCount > r.rowFindings.length) {
    details.push(`……另有 ${r.rowFindingCount - r.rowFindings.length} 行未列出`);
  }
  if (r.triggersRestored.length > 0) {
    const first = r.triggersRestored[0]!;
    details.push(
      `注意：有 ${r.triggersRestored.length} 张表的审计触发器曾不见了（在本程序之外被删除，或升级时重建），程序已重新装上（第一次：第 ${first.seq} 条，${china(first.at)}，${auditTableLabel(first.table)}）。触发器不在期间的改动已按上面逐行核对`,
    );
  }
  const withoutKey = r.entriesWithoutKey + r.rowsWithoutKey;
  if (withoutKey > 0) {
    details.push(
      `密钥缺失：${r.entriesWithoutKey} 条审计记录和 ${r.rowsWithoutKey} 行数据是用本机没有的审计密钥记下的，无法核验。请把原来那台电脑数据文件夹中 keys/audit.key 复制到本机数据文件夹的 keys 文件夹（或第二备份位置里的 audit-key-*.key），再核验一次`,
    );
  }
  if (r.firstBroken || r.rowFindingCount > 0) {
    const parts = [
      r.firstBroken ? '审计日志被改动' : '',
      r.rowFindingCount > 0 ? `${r.rowFindingCount} 行台账数据在本程序之外被改动` : '',
    ].filter(Boolean);
    return {
      verdict: 'BROKEN',
      summary: `核验未通过：${parts.join('，')}。请不要继续修改这些案件，立即报告调委会主任，并以纸质原件和备份为准核对`,
      details,
    };
  }
  if (withoutKey > 0 || !r.keyPresent) {
    return {
      verdict: 'KEY_MISSING',
      summary: `密钥缺失：审计日志前后相接，未发现断链，但有 ${withoutKey} 项无法用本机的审计密钥核验`,
      details,
    };
  }
  return {
    verdict: 'OK',
    summary: `核验通过：审计日志 ${r.entries} 条记录前后相接、未被改动，${r.rowsChecked} 行台账数据与最后一次记录一致`,
    details,
  };
}
