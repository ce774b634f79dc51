import { deskSecurity } from '../../db/accounts/account-queries.js';
import { readCodeTables } from '../../db/code-tables.js';
import { loadDashboard } from '../../db/cases/dashboard-query.js';
import { findOpenCasesOfParties } from '../../db/cases/duplicate-query.js';
import { getCaseSettings, saveCaseSettings } from '../../db/cases/case-settings-queries.js';
import { ethnicExtensionCodesInUse } from '../../db/code-tables.js';
import { badInput } from './case-guards.js';
import { countLedgerSlice, lastCaseId, searchLedger } from '../../db/cases/ledger-query.js';
import { getMediators, listMediators, saveMediator } from '../../db/cases/mediator-queries.js';
import { diffFields, recordChangeSet } from '../../db/history/change-history.js';
import { ApiError } from '../../domain/api/errors.js';
import { LEDGER_PAGE_SIZE } from '../../domain/cases/ledger-inputs.js';
import { accountMessagesZhCN } from '../../domain/messages/accounts-zh-CN.js';
import type {
  CaseSettings,
  CodeTableView,
  Dashboard,
  DuplicateMatch,
  LedgerPage,
  Mediator,
} from '../../domain/cases/case-views.js';
import type {
  CaseSettingsValues,
  DuplicateProbe,
  LedgerQuery,
  MediatorValues,
} from '../../domain/cases/ledger-inputs.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { normaliseIdNumber } from '../../domain/validation/id-number.js';
import { isUnresolved } from '../../domain/case-lifecycle.js';
import { normalisePersonName } from '../../domain/validation/person-name.js';
import { checkPhone } from '../../domain/validation/phone.js';
import { callerCaseScope, caseListFilterOf } from './case-list-scope.js';
import { caseScopeRefusal } from './case-scope.js';
import { admittedCaller, currentActor } from './desk-actor.js';
import type { LedgerSession } from './ledger-session.js';

const notLinked = accountMessagesZhCN.mediatorNotLinked;

/** Ids per slice of an exact count: at 100,000 cases the longest slice (139) took ~35 ms. */
const COUNT_SLICE_IDS = 5000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const emptyLedgerPage = (page: number): LedgerPage => ({
  rows: [],
  page,
  pageSize: LEDGER_PAGE_SIZE,
  total: 0,
  totalIsExact: true,
});

interface ScopedQuery {
  readonly query: LedgerQuery;
  readonly registrar: number | null;
  readonly contactsOf: number | null;
}

/** Read side of the ledger (search, duplicates, dashboard, code tables) and its settings. */
export class CaseLedgerService {
  constructor(private readonly ledger: LedgerSession) {}

  private today(): string {
    return chinaToday(this.ledger.now());
  }

  /**
   * A 调解员's ledger holds their own cases (case-scope.ts): the mediator filter is theirs, so
   * the page, its total and the text search all use the indexed mediator path; asking for
   * another mediator's cases finds none.
   */
  search(query: LedgerQuery): LedgerPage {
    const scoped = this.scoped(query);
    if (scoped === null) return emptyLedgerPage(query.page);
    return searchLedger(
      this.ledger.db(),
      scoped.query,
      this.today(),
      scoped.registrar,
      scoped.contactsOf,
    );
  }

  /**
   * A page with the exact total (exactTotal): counted in slices of ids, giving the thread to
   * other requests between two, so the search typed next does not wait for the whole count.
   * Cases written meanwhile may be counted or not, as with any count read a moment earlier.
   */
  async searchCounted(query: LedgerQuery, slice = COUNT_SLICE_IDS): Promise<LedgerPage> {
    // Its first query (the page with a capped count) is as long as a search: a search that came
    // with the count, or just after it, is answered before it, not after.
    await nextTurn();
    const scoped = this.scoped(query);
    if (scoped === null) return emptyLedgerPage(query.page);
    const today = this.today();
    const capped = { ...scoped.query, exactTotal: false };
    const db = this.ledger.db();
    const { registrar, contactsOf } = scoped;
    const page = searchLedger(db, capped, today, registrar, contactsOf);
    if (page.totalIsExact) return page;
    let total = 0;
    for (let lo = 1; lo <= lastCaseId(db); lo += slice) {
      await nextTurn();
      // Locked (throws) or another ledger opened (a restore) between two slices: a total of
      // two ledgers would be no ledger's, so the page keeps its capped count.
      if (this.ledger.db() !== db) return page;
      total += countLedgerSlice(db, capped, today, registrar, lo, lo + slice - 1, contactsOf);
    }
    return { ...page, total, totalIsExact: true };
  }

  /**
   * The query as the caller may ask it, whose intakes it is limited to, and whose cases' contacts
   * it may match (searchLedger's `contactsOf`; null: every case's); null: none.
   */
  private scoped(query: LedgerQuery): ScopedQuery | null {
    const db = this.ledger.db();
    const scope = callerCaseScope(db);
    const all = { registrar: null, contactsOf: null };
    if (scope.kind === 'ROOM') return { query, ...all };
    if (scope.kind === 'REGISTERED') return { query, ...all, registrar: scope.accountId };
    if (scope.mediatorId === null) throw new ApiError('MEDIATOR_NOT_LINKED', notLinked);
    // 全部案件（只读）: the room's rows, masked like any list; opening one is the door's read-only
    // rule, and another's case is not found by the phone its page masks (review SC2)
    if (query.allCases && deskSecurity(db).mediatorsReadRoom) {
      return { query, ...all, contactsOf: scope.mediatorId };
    }
    if (query.mediatorId !== null && query.mediatorId !== scope.mediatorId) return null;
    return { query: { ...query, mediatorId: scope.mediatorId }, ...all };
  }

  /** Normalised the way intake stores them, so "１３８ 0000 1234" finds 13800001234. */
  findDuplicateParties(probe: DuplicateProbe): DuplicateMatch[] {
    const found = findOpenCasesOfParties(
      this.ledger.db(),
      probe.parties.map((p) => {
        const phone = p.phone === null ? null : checkPhone(p.phone);
        return {
          idNumber: p.idNumber === null ? null : normaliseIdNumber(p.idNumber),
          name: p.name === null ? null : normalisePersonName(p.name),
          phone: phone === null ? null : phone.ok ? phone.normalised : p.phone,
        };
      }),
      probe.excludeCaseId,
    );
    const db = this.ledger.db();
    const caller = admittedCaller()?.user ?? null;
    return found.map((cases, index) => {
      // the cases themselves, with the party's name, a 调解员's own only (§7.3) ...
      const listed = cases.filter((c) => caseScopeRefusal(db, caller, c.caseId) === null);
      return {
        index,
        // ... while the counts are the room's: the warning is the probe's point, and a count
        // names nobody. Only cases without an outcome are 未结.
        openCaseCount: cases.filter((c) => isUnresolved(c.status)).length,
        cases: listed,
        unlistedCaseCount: cases.length - listed.length,
      };
    });
  }

  /**
   * A 调解员's lists name their own cases only (an unlinked one's are empty), a 登记员's the
   * cases they registered.
   */
  dashboard(today: string | null): Dashboard {
    const db = this.ledger.db();
    return loadDashboard(db, today ?? this.today(), caseListFilterOf(callerCaseScope(db)));
  }

  codeTables(names: readonly string[]): CodeTableView[] {
    return readCodeTables(this.ledger.db(), names);
  }

  settings(): CaseSettings {
    return getCaseSettings(this.ledger.db());
  }

  saveSettings(values: CaseSettingsValues): CaseSettings {
    const db = this.ledger.db();
    const saved = db
      .transaction(() => {
        // A code still on a party's record must keep its row, or that party can no longer be
        // saved and loses its label.
        const kept = new Set(values.ethnicExtensions.map((e) => e.code));
        const stranded = ethnicExtensionCodesInUse(db).filter((code) => !kept.has(code));
        if (stranded.length > 0) {
          throw badInput(`民族代码 ${stranded.join('、')} 仍有当事人在使用，不能删除`, [
            'ethnicExtensions',
          ]);
        }
        return saveCaseSettings(db, values, this.ledger.now().toISOString());
      })
      .immediate();
    if (!saved) {
      throw new ApiError('CONFLICT', '案件设置已被他人修改并保存。请刷新后重新修改');
    }
    return saved;
  }

  mediators(includeInactive: boolean): Mediator[] {
    return listMediators(this.ledger.db(), includeInactive);
  }

  saveMediator(values: MediatorValues): Mediator {
    const db = this.ledger.db();
    const now = this.ledger.now();
    const outcome = db
      .transaction(() => {
        const before = values.id === null ? undefined : getMediators(db, [values.id])[0];
        const saved = saveMediator(db, values, now.toISOString());
        if (saved.ok) {
          // Grade and 备案 decide what a county pays, so their changes keep a history too.
          recordChangeSet(db, {
            caseId: null,
            entity: 'MEDIATOR',
            entityId: saved.mediator.id,
            action: before ? 'UPDATE' : 'ADD',
            reason: null,
            actor: currentActor(),
            at: now.getTime(),
            fields: diffFields(
              before ? mediatorFields(before) : {},
              mediatorFields(saved.mediator),
            ),
          });
        }
        return saved;
      })
      .immediate();
    if (outcome.ok) return outcome.mediator;
    if (outcome.reason === 'NOT_FOUND')
      throw new ApiError('NOT_FOUND', '找不到该调解员，请刷新后重试');
    throw new ApiError('CONFLICT', '该调解员的信息已被他人修改并保存。请刷新后重新修改');
  }
}

function mediatorFields(m: Mediator): Record<string, unknown> {
  const { trainings, ...profile } = m.profile;
  return {
    name: m.name,
    isPeopleMediator: m.isPeopleMediator,
    languages: m.languages,
    active: m.active,
    ...profile,
    trainings: trainings.length,
  };
}
