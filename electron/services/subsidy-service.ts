import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMediators, listMediators } from '../../db/cases/mediator-queries.js';
import { recordChangeSet, diffFields, type FieldChange } from '../../db/history/change-history.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import {
  claimCaseRow,
  disputeIdentitiesAround,
  identityOfClaimRow,
  type DisputeIdentityRow,
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
import type { Mediator } from '../../domain/cases/case-views.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import {
  buildClaimPack,
  CLAIM_DISCLAIMER,
  type ClaimCase,
  type ClaimLine,
} from '../../domain/subsidy/claim-pack.js';
import { packDuplicates } from '../../domain/subsidy/dispute-scope.js';
import { claimSummaryWritable } from './claim-summary-writable.js';
import type { DuplicateOf } from '../../domain/subsidy/duplicate-disputes.js';
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
import type { Db } from '../../db/connection.js';
import { currentActor } from './desk-actor.js';
import type { LedgerSession } from './ledger-session.js';
import {
  caseFactsOf,
  claimVolumes,
  disputeIdentityOf,
  duplicatesAmong,
  periodClaimCases,
  toClaimCase,
  windowStart,
} from './subsidy-claim-cases.js';

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
  noOutcome: '案件尚未调解结束或已移交处理，没有可认定的调解结果',
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

  /** Cases the last pack computed rather than took from the claim summary (tests, benches). */
  lastComputedCases = 0;

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
      rules: rows.map((row) => summaryOf(row, parseStored(row), settings.activeRowId, rows)),
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
    const rules = parseStored(row);
    return { summary: summaryOf(row, rules, settings.activeRowId, listStoredRules(db)), rules };
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
        currentActor(),
        this.nowIso(),
      ),
    )();
    const settings = getSubsidySettings(db);
    return {
      summary: summaryOf(row, rules, settings.activeRowId, listStoredRules(db)),
      added,
    };
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
    return this.caseView(caseId, this.activeRules());
  }

  /**
   * What the 调解案件认定表 prints: the panel's view, the case's claim line (as the lead
   * mediator's claim pack would show it) and the rule it was judged by. Refused while no rule
   * is active or the case has no outcome yet.
   */
  recognition(caseId: number): {
    readonly view: CaseSubsidyView;
    readonly line: ClaimLine;
    readonly rules: SubsidyRules;
  } {
    const active = this.activeRules();
    if (!active) throw new ApiError('INVALID_STATE', messages.noActiveRules);
    const found: { line: ClaimLine | null } = { line: null };
    const view = this.caseView(caseId, active, found);
    if (!found.line) {
      throw new ApiError('INVALID_STATE', view.claim.reasons[0] ?? messages.noOutcome);
    }
    return { view, line: found.line, rules: active.rules };
  }

  /** The panel's view; `active` is the rule the request already parsed (parsed once per call). */
  private caseView(
    caseId: number,
    active: { row: StoredRulesRow; rules: SubsidyRules } | null,
    found: { line: ClaimLine | null } = { line: null },
  ): CaseSubsidyView {
    const db = this.db();
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
    const storedRows = listStoredRules(db);
    const history = tierHistory(listTierConfirmations(db, caseId), storedRows, active);
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
    const [volume] = claimVolumes(db, [row]) as [ClaimCase['volume']];
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
        duplicates: duplicatesAmong(
          disputeIdentitiesAround(db, [identityOfClaimRow(row)], {
            start: windowStart(rules, row.outcomeDate),
            end: row.outcomeDate,
          }),
          rules,
        ),
      });
      const line = pack.lines[0];
      if (line) {
        claimable = line.claimable;
        reasons = [...line.notClaimableReasons];
        found.line = line;
      }
    }
    const present = volume.present;
    const required = new Set(tier?.requiredDocuments ?? []);
    return {
      caseId,
      rules: summaryOf(active.row, rules, active.row.rowId, storedRows),
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
        confirmedBy: currentActor(),
        confirmedAt: at.toISOString(),
      });
      recordCaseChange(db, values.caseId, at, values.reason, [
        {
          field: 'subsidyTier',
          oldValue: previous ? tierLabelOf(rules, previous.tierCode) : null,
          newValue: tier.label,
        },
      ]);
    })();
    return this.caseView(values.caseId, active);
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
      const { caseId: _id, ...afterFacts } = after;
      recordCaseChange(
        db,
        values.caseId,
        this.ledger.now(),
        values.reason,
        diffFields(
          {
            inCountyRegister: before.inCountyRegister,
            countyRegisterRef: before.countyRegisterRef,
            crossArea: before.crossArea,
            oralAttendanceProven: before.oralAttendanceProven,
          },
          afterFacts,
        ),
      );
    })();
    return this.ofCase(values.caseId);
  }

  // ---- claim packs --------------------------------------------------------------------------

  claimPack(mediatorId: number, periodKey: string): SubsidyClaimPack {
    return this.claimPackWithRules(mediatorId, periodKey).pack;
  }

  /** The pack and the rule it was computed with (the printed papers word the oral share). */
  claimPackWithRules(
    mediatorId: number,
    periodKey: string,
  ): { readonly pack: SubsidyClaimPack; readonly rules: SubsidyRules } {
    const scope = this.packScope(periodKey);
    const mediator = getMediators(this.db(), [mediatorId])[0];
    if (!mediator) throw badField(messages.mediatorNotFound, 'mediatorId');
    const [pack] = this.packsOf(scope, mediator);
    // packsOf answers one pack for the one mediator asked, even an empty one.
    if (!pack) throw new Error('no pack for the mediator asked');
    return { pack, rules: scope.rules };
  }

  /**
   * Every mediator's pack for a period, as a county clerk asks for a room's claims: the period
   * is read once for all of them (one statement per table), not once per mediator. One pack per
   * mediator named on a case with an outcome in the period, in the mediator list's order.
   */
  claimPacks(periodKey: string): SubsidyClaimPack[] {
    return this.packsOf(this.packScope(periodKey), null);
  }

  private packScope(periodKey: string) {
    const active = this.activeRules();
    if (!active) throw new ApiError('INVALID_STATE', messages.noActiveRules);
    const checked = reportablePeriod(periodKey, chinaToday(this.ledger.now()));
    if (!checked.ok) throw badField(checked.message, 'period');
    const room = getRoomSettings(this.db());
    if (!room) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
    return { rules: active.rules, period: checked.period, room };
  }

  /**
   * The packs of `only` (its cases alone are read) or of every mediator of the period's cases.
   * Each pack is what the mediator's own reading would give: its cases, and the same-dispute
   * check over the cases its own parties' look-up finds (`packDuplicates`).
   */
  private packsOf(
    { rules, period, room }: ReturnType<SubsidyService['packScope']>,
    only: Mediator | null,
  ): SubsidyClaimPack[] {
    const db = this.db();
    const window = { start: windowStart(rules, period.start), end: period.end };
    const { rows, volumes, given, around } = db.transaction(() => {
      // In line order once, so each mediator's pack takes its cases as they come.
      const read = periodClaimCases(
        db,
        period,
        rules.id,
        only?.id ?? null,
        claimSummaryWritable(this.ledger),
      );
      this.lastComputedCases = read.computed;
      const identities = read.rows.map(identityOfClaimRow);
      return {
        rows: read.rows,
        volumes: read.volumes,
        given: identities,
        around: disputeIdentitiesAround(db, identities, window),
      };
    })();
    // A look-up finds only cases accepted within the window and not refused: the others in
    // `around` were read on those terms, the period's own cases are checked here. Only the few
    // that fail are kept aside (not a map of the year's rows by id).
    const unreachable = new Set<number>();
    rows.forEach((row, i) => {
      const acceptedDate = (given[i] as DisputeIdentityRow).acceptedDate;
      if (row.status === 'REJECTED' || acceptedDate < window.start || acceptedDate > window.end) {
        unreachable.add(row.caseId);
      }
    });
    const byMediator = new Map<number, ClaimCase[]>();
    // The claimed cases' identities and mediators side by side, not an object per case (a
    // year's 22k of them lived through the comparison only to be split into two lists again).
    const claimedIdentities: DisputeIdentityRow[] = [];
    const claimedMediators: (readonly number[])[] = [];
    rows.forEach((row, i) => {
      const claimCase = toClaimCase(row, volumes[i] as ClaimCase['volume']);
      if (!claimCase) return;
      claimedIdentities.push(given[i] as DisputeIdentityRow);
      claimedMediators.push(row.mediatorIds);
      for (const id of row.mediatorIds) {
        const cases = byMediator.get(id);
        if (cases) cases.push(claimCase);
        else byMediator.set(id, [claimCase]);
      }
    });
    const mediators = only ? [only] : listMediators(db, true).filter((m) => byMediator.has(m.id));
    const packOf = new Map(mediators.map((m, at) => [m.id, at]));
    // One list per set of mediators, not one per case: a year's cases name a few dozen sets, and
    // each list lives through the whole comparison (the anchor index also skips a list it holds).
    // Most cases name one mediator: their lists are found by the id, with no key string made.
    const packLists = new Map<string | number, readonly number[]>();
    const packsOfCase = (mediatorIds: readonly number[]) => {
      const key = mediatorIds.length === 1 ? (mediatorIds[0] as number) : mediatorIds.join(',');
      let packs = packLists.get(key);
      if (packs === undefined) {
        packs = mediatorIds.flatMap((id) => packOf.get(id) ?? []);
        packLists.set(key, packs);
      }
      return packs;
    };
    const duplicates = packDuplicates(
      unreachable.size === 0 ? around : around.filter((c) => !unreachable.has(c.caseId)),
      claimedIdentities,
      claimedMediators.map((ids) => packsOfCase(ids)),
      mediators.length,
      disputeIdentityOf,
      rules.duplicateWindowDays,
    );
    return mediators.map((mediator, m) => {
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
        cases: byMediator.get(mediator.id) ?? [],
        duplicates: duplicates[m] as ReadonlyMap<number, DuplicateOf>,
      });
      return {
        ...pack,
        periodKey: period.key,
        periodLabel: period.label,
        committeeName: room.committeeName,
      };
    });
  }

  private committeeLevel() {
    const room = getRoomSettings(this.db());
    if (!room) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
    return room.organisationType;
  }
}

/** The CASE change set both subsidy edits leave on the case's timeline. */
function recordCaseChange(
  db: Db,
  caseId: number,
  at: Date,
  reason: string | null,
  fields: readonly FieldChange[],
): void {
  recordChangeSet(db, {
    caseId,
    entity: 'CASE',
    entityId: caseId,
    action: 'UPDATE',
    reason,
    actor: currentActor(),
    at: at.getTime(),
    fields,
  });
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

/**
 * Stored rows are never changed (a changed rule is a new row), so each row's text is parsed and
 * checked once per process, keyed by its hash, not once per request.
 */
const parsedRules = new Map<string, SubsidyRules>();

/** Stored rows passed the schema when stored; a row that no longer does is reported, not used. */
function parseStored(row: StoredRulesRow): SubsidyRules {
  const cached = parsedRules.get(row.sha256);
  if (cached) return cached;
  const parsed = subsidyRulesSchema.safeParse(JSON.parse(row.rulesJson));
  if (!parsed.success) {
    throw new ApiError('INVALID_STATE', `补贴规则“${row.title}”已无法读取，请重新导入规则文件`);
  }
  if (parsedRules.size > 100) parsedRules.clear();
  parsedRules.set(row.sha256, parsed.data);
  return parsed.data;
}

function summaryOf(
  row: StoredRulesRow,
  rules: SubsidyRules,
  activeRowId: number | null,
  all: readonly StoredRulesRow[],
): SubsidyRulesSummary {
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

/**
 * The decision history with tier labels: each rule file named in it is parsed once (the active
 * one is already parsed); a file that no longer parses shows the bare tier code.
 */
function tierHistory(
  confirmations: readonly TierConfirmationRow[],
  storedRows: readonly StoredRulesRow[],
  active: { row: StoredRulesRow; rules: SubsidyRules } | null,
): TierConfirmation[] {
  const byRulesId = new Map<string, SubsidyRules | null>();
  if (active) byRulesId.set(active.rules.id, active.rules);
  const newestRow = new Map(storedRows.map((r) => [r.rulesId, r]));
  const rulesOf = (rulesId: string): SubsidyRules | null => {
    if (!byRulesId.has(rulesId)) {
      const row = newestRow.get(rulesId);
      const parsed = row ? subsidyRulesSchema.safeParse(JSON.parse(row.rulesJson)) : null;
      byRulesId.set(rulesId, parsed?.success ? parsed.data : null);
    }
    return byRulesId.get(rulesId) ?? null;
  };
  return confirmations.map((t) => confirmationView(t, rulesOf(t.rulesId)));
}

function confirmationView(t: TierConfirmationRow, rules: SubsidyRules | null): TierConfirmation {
  return {
    id: t.id,
    rulesId: t.rulesId,
    tierCode: t.tierCode,
    tierLabel: rules ? tierLabelOf(rules, t.tierCode) : t.tierCode,
    suggestedTierCode: t.suggestedTierCode,
    reason: t.reason,
    confirmedBy: t.confirmedBy,
    confirmedAt: t.confirmedAt,
  };
}
