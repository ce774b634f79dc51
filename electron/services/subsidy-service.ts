import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMediators } from '../../db/cases/mediator-queries.js';
import { recordChangeSet, diffFields } from '../../db/history/change-history.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import {
  claimCaseRow,
  claimCaseRows,
  disputeIdentities,
  type ClaimCaseRow,
} from '../../db/subsidy/claim-case-query.js';
import {
  getCaseSubsidyFacts,
  insertTierConfirmation,
  listTierConfirmations,
  saveCaseSubsidyFacts,
  type TierConfirmationRow,
} from '../../db/subsidy/case-subsidy-queries.js';
import {
  getStoredRules,
  getSubsidySettings,
  listStoredRules,
  setActiveRules,
  storeRules,
  type StoredRulesRow,
} from '../../db/subsidy/subsidy-rules-queries.js';
import { ApiError, type FieldIssue } from '../../domain/api/errors.js';
import { canonicalJson } from '../../domain/agreements/canonical-json.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { reportablePeriod } from '../../domain/statistics/period.js';
import type * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import type * as caseSources from '../../domain/taxonomy/case-sources.js';
import type * as riskLevels from '../../domain/taxonomy/risk-levels.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import {
  buildClaimPack,
  CLAIM_DISCLAIMER,
  type ClaimCase,
} from '../../domain/subsidy/claim-pack.js';
import { findDuplicateDisputes, partyKeyOf } from '../../domain/subsidy/duplicate-disputes.js';
import {
  SHIPPED_EXAMPLE_FILES,
  type CaseSubsidyFactsValues,
  type ConfirmTierValues,
  type ImportRulesValues,
} from '../../domain/subsidy/subsidy-input.js';
import {
  subsidyRulesSchema,
  tierAmountFen,
  VOLUME_DOCUMENT_LABELS,
  VOLUME_DOCUMENTS,
  type SubsidyRules,
} from '../../domain/subsidy/subsidy-rules.js';
import type {
  CaseSubsidyView,
  ImportRulesResult,
  SubsidyClaimPack,
  SubsidyRulesDetail,
  SubsidyRulesList,
  SubsidyRulesSummary,
  TierConfirmation,
} from '../../domain/subsidy/subsidy-views.js';
import { suggestTier } from '../../domain/subsidy/tier-suggestion.js';
import { claimVolumeOf, subsidyFactsOf } from '../../domain/subsidy/volume-evidence.js';
import { volumeChecklist } from '../../domain/volume/volume-checklist.js';
import type { Db } from '../../db/connection.js';
import { volumeFacts } from '../../db/volume/volume-queries.js';
import { LOCAL_ACTOR } from './case-service.js';
import type { LedgerSession } from './ledger-session.js';

const messages = {
  rulesNotFound: '没有找到这份补贴规则，请刷新后重试',
  rulesConflict: '补贴规则设置已被修改，请刷新后重试',
  noActiveRules: '还没有选择补贴规则：请先在“设置 → 以案定补规则”中导入本县的规则文件并启用',
  caseNotFound: '案件不存在，请刷新后重试',
  tierNotInRules: '所选档次不在当前补贴规则中',
  reasonRequired: '所选档次与建议不同，请填写调整理由',
  factsConflict: '该案件的补贴信息已被修改，请刷新后重试',
  notJson: '规则文件不是有效的 JSON 文本，请确认选对了文件（应为 .json）',
  notUtf8: '规则文件不是 UTF-8 编码的文本，请确认选对了文件（应为本软件或县司法局导出的 .json）',
  mediatorNotFound: '所选调解员不存在，请刷新后重新选择',
} as const;

/**
 * 以案定补 (issue 15): stores county rule files, proposes a tier per case with reasons, records
 * the mediator's decision (append-only, with the timeline's change history), and assembles the
 * claim pack of a mediator for a period. It estimates; the county decides.
 */
export class SubsidyService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly templatesDir: string,
  ) {}

  private db() {
    return this.ledger.db();
  }

  private nowIso(): string {
    return this.ledger.now().toISOString();
  }

  // ---- rule files -----------------------------------------------------------------------

  listRules(): SubsidyRulesList {
    const db = this.db();
    const settings = getSubsidySettings(db);
    const rows = listStoredRules(db);
    return {
      activeRowId: settings.activeRowId,
      version: settings.version,
      rules: rows.map((row) => summaryOf(row, settings.activeRowId, rows)),
      examples: SHIPPED_EXAMPLE_FILES.map((fileName) => ({
        fileName,
        title: this.readExample(fileName).title,
      })),
    };
  }

  getRules(rowId: number): SubsidyRulesDetail {
    const db = this.db();
    const row = getStoredRules(db, rowId);
    if (!row) throw new ApiError('NOT_FOUND', messages.rulesNotFound);
    const settings = getSubsidySettings(db);
    return {
      summary: summaryOf(row, settings.activeRowId, listStoredRules(db)),
      rules: parseStored(row),
    };
  }

  importRules(input: ImportRulesValues): ImportRulesResult {
    const rules =
      input.source === 'EXAMPLE'
        ? this.readExample(input.fileName)
        : parseFile(Buffer.from(input.dataBase64, 'base64'));
    return this.store(rules);
  }

  saveRules(rules: SubsidyRules): ImportRulesResult {
    return this.store(rules);
  }

  activateRules(rowId: number | null, expectedVersion: number): SubsidyRulesList {
    const db = this.db();
    db.transaction(() => {
      if (rowId !== null && !getStoredRules(db, rowId)) {
        throw new ApiError('NOT_FOUND', messages.rulesNotFound);
      }
      if (!setActiveRules(db, rowId, expectedVersion, this.nowIso())) {
        throw new ApiError('CONFLICT', messages.rulesConflict);
      }
    })();
    return this.listRules();
  }

  private store(rules: SubsidyRules): ImportRulesResult {
    const rulesJson = canonicalJson(rules);
    const sha256 = createHash('sha256').update(rulesJson, 'utf8').digest('hex');
    const db = this.db();
    const { row, added } = db.transaction(() =>
      storeRules(
        db,
        { rulesId: rules.id, title: rules.title, rulesJson, sha256, isExample: rules.isExample },
        LOCAL_ACTOR,
        this.nowIso(),
      ),
    )();
    const settings = getSubsidySettings(db);
    return { summary: summaryOf(row, settings.activeRowId, listStoredRules(db)), added };
  }

  private readExample(fileName: (typeof SHIPPED_EXAMPLE_FILES)[number]): SubsidyRules {
    const text = readFileSync(path.join(this.templatesDir, path.basename(fileName)), 'utf8');
    // A shipped file that fails its own schema is a build error, not the user's.
    return subsidyRulesSchema.parse(JSON.parse(text));
  }

  private activeRules(): { row: StoredRulesRow; rules: SubsidyRules } | null {
    const db = this.db();
    const { activeRowId } = getSubsidySettings(db);
    if (activeRowId === null) return null;
    const row = getStoredRules(db, activeRowId);
    return row ? { row, rules: parseStored(row) } : null;
  }

  // ---- one case ---------------------------------------------------------------------------

  ofCase(caseId: number): CaseSubsidyView {
    const db = this.db();
    const active = this.activeRules();
    const row = claimCaseRow(db, caseId, active?.rules.id ?? '');
    if (!row) throw new ApiError('NOT_FOUND', messages.caseNotFound);
    const stored = getCaseSubsidyFacts(db, caseId);
    const facts = {
      inCountyRegister: stored.inCountyRegister,
      countyRegisterRef: stored.countyRegisterRef,
      crossArea: stored.crossArea,
      oralAttendanceProven: stored.oralAttendanceProven,
      version: stored.version,
    };
    const allRules = new Map(listStoredRules(db).map((r) => [r.rulesId, r]));
    const history = listTierConfirmations(db, caseId).map((t) =>
      confirmationView(t, allRules.get(t.rulesId)),
    );
    if (!active) {
      return {
        caseId,
        rules: null,
        suggestion: null,
        confirmed: null,
        history,
        facts,
        claim: {
          claimable: null,
          reasons: [messages.noActiveRules],
          documents: [],
          tierAmountFen: null,
        },
        disclaimer: CLAIM_DISCLAIMER,
      };
    }
    const { rules } = active;
    const suggestion = suggestTier(rules, caseFactsOf(row));
    const confirmed = history.find((h) => h.rulesId === rules.id) ?? null;
    const level = this.committeeLevel();
    const volume = claimVolume(db, row);
    const claimCase = toClaimCase(row, volume);
    let claimable: boolean | null = null;
    let reasons: string[] = [];
    let tierAmount: number | null = null;
    const tierCode = confirmed?.tierCode ?? suggestion.tier?.code ?? null;
    const tier = rules.tiers.find((t) => t.code === tierCode) ?? null;
    if (tier) tierAmount = tierAmountFen(tier, level);
    const lead = claimCase?.mediatorIds[0];
    if (row.outcome === null || row.outcomeDate === null) {
      reasons = ['案件尚未调解结束，结案后才能申报'];
    } else if (claimCase && lead === undefined) {
      claimable = false;
      reasons = ['案件没有登记承办调解员'];
    } else if (claimCase && lead !== undefined) {
      const mediator = getMediators(db, [lead])[0];
      const pack = buildClaimPack({
        rules,
        committeeLevel: level,
        periodStart: row.outcomeDate,
        periodEnd: row.outcomeDate,
        mediator: {
          id: lead,
          name: mediator?.name ?? '',
          filed: mediator?.profile.filingStatus === 'FILED',
        },
        cases: [claimCase],
        duplicates: this.duplicatesAround(rules, row.outcomeDate, row.outcomeDate),
      });
      const line = pack.lines[0];
      if (line) {
        claimable = line.claimable;
        reasons = [...line.notClaimableReasons];
      }
    }
    const present = volume.present;
    const required = new Set(tier?.requiredDocuments ?? []);
    return {
      caseId,
      rules: summaryOf(active.row, active.row.rowId, [...allRules.values()]),
      suggestion: {
        tierCode: suggestion.tier?.code ?? null,
        tierLabel: suggestion.tier?.label ?? '—',
        reasons: suggestion.reasons,
      },
      confirmed,
      history,
      facts,
      claim: {
        claimable,
        reasons,
        documents: VOLUME_DOCUMENTS.filter((d) => required.has(d)).map((d) => ({
          document: d,
          label: VOLUME_DOCUMENT_LABELS[d],
          present: present.includes(d),
        })),
        tierAmountFen: tierAmount,
      },
      disclaimer: CLAIM_DISCLAIMER,
    };
  }

  confirmTier(values: ConfirmTierValues): CaseSubsidyView {
    const active = this.activeRules();
    if (!active) throw new ApiError('INVALID_STATE', messages.noActiveRules);
    const { rules } = active;
    const db = this.db();
    const tier = rules.tiers.find((t) => t.code === values.tierCode);
    if (!tier) throw badField(messages.tierNotInRules, 'tierCode');
    db.transaction(() => {
      const row = claimCaseRow(db, values.caseId, rules.id);
      if (!row) throw new ApiError('NOT_FOUND', messages.caseNotFound);
      const suggested = suggestTier(rules, caseFactsOf(row)).tier?.code ?? null;
      if (suggested !== values.tierCode && values.reason === null) {
        throw badField(messages.reasonRequired, 'reason');
      }
      const previous = listTierConfirmations(db, values.caseId).find((t) => t.rulesId === rules.id);
      const at = this.ledger.now();
      insertTierConfirmation(db, {
        caseId: values.caseId,
        rulesId: rules.id,
        tierCode: values.tierCode,
        suggestedTierCode: suggested,
        reason: values.reason,
        confirmedBy: LOCAL_ACTOR,
        confirmedAt: at.toISOString(),
      });
      recordChangeSet(db, {
        caseId: values.caseId,
        entity: 'CASE',
        entityId: values.caseId,
        action: 'UPDATE',
        reason: values.reason,
        actor: LOCAL_ACTOR,
        at: at.getTime(),
        fields: [
          {
            field: 'subsidyTier',
            oldValue: previous ? tierLabelOf(rules, previous.tierCode) : null,
            newValue: tier.label,
          },
        ],
      });
    })();
    return this.ofCase(values.caseId);
  }

  saveCaseFacts(values: CaseSubsidyFactsValues): CaseSubsidyView {
    const db = this.db();
    db.transaction(() => {
      if (!db.prepare('SELECT 1 FROM case_file WHERE id = ?').get(values.caseId)) {
        throw new ApiError('NOT_FOUND', messages.caseNotFound);
      }
      const before = getCaseSubsidyFacts(db, values.caseId);
      const after = {
        caseId: values.caseId,
        inCountyRegister: values.inCountyRegister,
        countyRegisterRef: values.countyRegisterRef,
        crossArea: values.crossArea,
        oralAttendanceProven: values.oralAttendanceProven,
      };
      if (!saveCaseSubsidyFacts(db, after, values.expectedVersion, this.nowIso())) {
        throw new ApiError('CONFLICT', messages.factsConflict);
      }
      const at = this.ledger.now();
      recordChangeSet(db, {
        caseId: values.caseId,
        entity: 'CASE',
        entityId: values.caseId,
        action: 'UPDATE',
        reason: values.reason,
        actor: LOCAL_ACTOR,
        at: at.getTime(),
        fields: diffFields(
          {
            inCountyRegister: before.inCountyRegister,
            countyRegisterRef: before.countyRegisterRef,
            crossArea: before.crossArea,
            oralAttendanceProven: before.oralAttendanceProven,
          },
          {
            inCountyRegister: after.inCountyRegister,
            countyRegisterRef: after.countyRegisterRef,
            crossArea: after.crossArea,
            oralAttendanceProven: after.oralAttendanceProven,
          },
        ),
      });
    })();
    return this.ofCase(values.caseId);
  }

  // ---- claim pack ---------------------------------------------------------------------------

  claimPack(mediatorId: number, periodKey: string): SubsidyClaimPack {
    const active = this.activeRules();
    if (!active) throw new ApiError('INVALID_STATE', messages.noActiveRules);
    const checked = reportablePeriod(periodKey, chinaToday(this.ledger.now()));
    if (!checked.ok) throw badField(checked.message, 'period');
    const { period } = checked;
    const { rules } = active;
    const db = this.db();
    const room = getRoomSettings(db);
    if (!room) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
    const mediator = getMediators(db, [mediatorId])[0];
    if (!mediator) throw badField(messages.mediatorNotFound, 'mediatorId');
    const { cases, duplicates } = db.transaction(() => ({
      cases: claimCaseRows(db, period, rules.id, mediatorId)
        .map((row) => toClaimCase(row, claimVolume(db, row)))
        .filter((c): c is ClaimCase => c !== null),
      duplicates: this.duplicatesAround(rules, period.start, period.end),
    }))();
    const pack = buildClaimPack({
      rules,
      committeeLevel: room.organisationType,
      periodStart: period.start,
      periodEnd: period.end,
      mediator: {
        id: mediator.id,
        name: mediator.name,
        filed: mediator.profile.filingStatus === 'FILED',
      },
      cases,
      duplicates,
    });
    return {
      ...pack,
      periodKey: period.key,
      periodLabel: period.label,
      committeeName: room.committeeName,
    };
  }

  /**
   * Same-dispute detection needs the cases accepted in the window before the period too: the
   * first registration of a repeated dispute may lie in an earlier quarter.
   */
  private duplicatesAround(rules: SubsidyRules, start: string, end: string) {
    const from = shiftDays(start, -rules.duplicateWindowDays - 366);
    const identities = disputeIdentities(this.db(), { start: from, end }).map((c) => ({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      category: c.category as disputeCategories.Code,
      subtype: c.subtype as disputeCategories.SubtypeCode | null,
      acceptedDate: c.acceptedDate,
      partyKeys: c.parties.map((p) =>
        partyKeyOf({ idNumber: p.idNumber, name: p.name, phone: p.phone }),
      ),
    }));
    return findDuplicateDisputes(identities, rules.duplicateWindowDays);
  }

  private committeeLevel() {
    const room = getRoomSettings(this.db());
    if (!room) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
    return room.organisationType;
  }
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function badField(message: string, field: string): ApiError {
  const issues: FieldIssue[] = [{ path: [field], message }];
  return new ApiError('BAD_INPUT', message, issues);
}

function parseFile(bytes: Buffer): SubsidyRules {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badField(messages.notUtf8, 'dataBase64');
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw badField(messages.notJson, 'dataBase64');
  }
  const parsed = subsidyRulesSchema.safeParse(data);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.slice(0, 20).map((i) => ({
      path: ['rules', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: i.message,
    }));
    const first = issues[0]?.message ?? '格式不正确';
    throw new ApiError('BAD_INPUT', `规则文件有误：${first}`, issues);
  }
  return parsed.data;
}

/** Stored rows passed the schema when stored; a row that no longer does is reported, not used. */
function parseStored(row: StoredRulesRow): SubsidyRules {
  const parsed = subsidyRulesSchema.safeParse(JSON.parse(row.rulesJson));
  if (!parsed.success) {
    throw new ApiError('INVALID_STATE', `补贴规则“${row.title}”已无法读取，请重新导入规则文件`);
  }
  return parsed.data;
}

function summaryOf(
  row: StoredRulesRow,
  activeRowId: number | null,
  all: readonly StoredRulesRow[],
): SubsidyRulesSummary {
  const rules = parseStored(row);
  return {
    rowId: row.rowId,
    rulesId: row.rulesId,
    title: row.title,
    issuer: rules.issuer,
    isExample: row.isExample,
    validFrom: rules.validFrom,
    validTo: rules.validTo,
    sha256: row.sha256,
    importedAt: row.importedAt,
    importedBy: row.importedBy,
    tiers: [...rules.tiers]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => ({
        code: t.code,
        label: t.label,
        amountFen: t.amountFen,
        paidElsewhereNote: t.paidElsewhereNote,
      })),
    active: row.rowId === activeRowId,
    superseded: all.some((r) => r.rulesId === row.rulesId && r.rowId > row.rowId),
  };
}

function tierLabelOf(rules: SubsidyRules, code: string): string {
  return rules.tiers.find((t) => t.code === code)?.label ?? code;
}

function confirmationView(
  t: TierConfirmationRow,
  row: StoredRulesRow | undefined,
): TierConfirmation {
  let label = t.tierCode;
  if (row) {
    const parsed = subsidyRulesSchema.safeParse(JSON.parse(row.rulesJson));
    if (parsed.success) label = tierLabelOf(parsed.data, t.tierCode);
  }
  return {
    id: t.id,
    rulesId: t.rulesId,
    tierCode: t.tierCode,
    tierLabel: label,
    suggestedTierCode: t.suggestedTierCode,
    reason: t.reason,
    confirmedBy: t.confirmedBy,
    confirmedAt: t.confirmedAt,
  };
}

function caseFactsOf(row: ClaimCaseRow) {
  return subsidyFactsOf({
    category: row.category as disputeCategories.Code,
    subtype: row.subtype as disputeCategories.SubtypeCode | null,
    source: row.source as caseSources.Code,
    riskLevel: row.riskLevel as riskLevels.Code,
    riskFactors: row.riskFactors,
    isDifficult: row.isDifficult,
    persons: row.persons,
    agreementAmountFen: row.agreementAmountFen,
    amountClaimedFen: row.amountClaimedFen,
    sessions: row.sessions,
    crossArea: row.crossArea,
  });
}

/** The claim's view of the case's volume, judged by the one volume checklist. */
function claimVolume(db: Db, row: ClaimCaseRow): ClaimCase['volume'] {
  return claimVolumeOf(volumeChecklist(volumeFacts(db, row.caseId)), row.printedKinds);
}

function toClaimCase(row: ClaimCaseRow, volume: ClaimCase['volume']): ClaimCase | null {
  if (row.outcome === null) return null;
  return {
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    title: row.title,
    facts: caseFactsOf(row),
    outcome: row.outcome,
    outcomeDate: row.outcomeDate,
    mediatorIds: row.mediatorIds,
    volume,
    inCountyRegister: row.inCountyRegister,
    oralAttendanceProven: row.oralAttendanceProven,
    confirmedTier: row.confirmedTierCode
      ? { code: row.confirmedTierCode, reason: row.confirmedReason }
      : null,
  };
}
