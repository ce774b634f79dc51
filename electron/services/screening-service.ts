import {
  casesForScreening,
  getScreeningRound,
  listScreeningRounds,
  screeningRoundVersion,
  unlinkedProactiveCases,
  writeScreeningRound,
} from '../../db/reports/screening-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import type {
  ScreeningRound,
  ScreeningRoundSummary,
  ScreeningRoundValues,
} from '../../domain/screening.js';
import { parsePeriod } from '../../domain/statistics/period.js';
import { badInput } from './case-guards.js';
import { callerCaseScope, mediatorFilterOf } from './case-list-scope.js';
import type { LedgerSession } from './ledger-session.js';

/** 矛盾纠纷排查 rounds (domain §4.4); their figures feed the statistics. */
export class ScreeningService {
  constructor(private readonly ledger: LedgerSession) {}

  list(periodKey: string): readonly ScreeningRoundSummary[] {
    const period = parsePeriod(periodKey);
    if (!period) throw new ApiError('BAD_INPUT', '统计期间格式不正确');
    return listScreeningRounds(this.ledger.db(), period.start, period.end);
  }

  get(id: number): ScreeningRound {
    const round = getScreeningRound(this.ledger.db(), id);
    if (!round) throw new ApiError('NOT_FOUND', '该排查记录不存在或已被删除');
    return round;
  }

  /** A 调解员 links their own cases only (§7.3; the door refuses saving another's). */
  linkableCases() {
    const db = this.ledger.db();
    return unlinkedProactiveCases(db, mediatorFilterOf(callerCaseScope(db)));
  }

  /** Adds (roundId null, expectedVersion 0) or replaces a round with its issues. */
  save(
    roundId: number | null,
    expectedVersion: number,
    round: ScreeningRoundValues,
  ): ScreeningRound {
    const db = this.ledger.db();
    const id = db
      .transaction(() => {
        if (roundId !== null) {
          const version = screeningRoundVersion(db, roundId);
          if (version === null) throw new ApiError('NOT_FOUND', '该排查记录不存在或已被删除');
          if (version !== expectedVersion) {
            throw new ApiError('CONFLICT', '该排查记录已被修改，请刷新后重试');
          }
        }
        this.checkLinkedCases(roundId, round);
        return writeScreeningRound(db, roundId, round, this.ledger.now().getTime());
      })
      .immediate();
    return this.get(id);
  }

  /** A case found by screening is a 主动调解 case, and one issue claims it. */
  private checkLinkedCases(roundId: number | null, round: ScreeningRoundValues): void {
    const ids = round.issues.flatMap((i) => (i.caseId === null ? [] : [i.caseId]));
    if (new Set(ids).size !== ids.length) {
      throw badInput('同一案件不能关联到两个问题', ['round', 'issues']);
    }
    const found = casesForScreening(this.ledger.db(), ids);
    round.issues.forEach((issue, i) => {
      if (issue.caseId === null) return;
      const path = ['round', 'issues', i, 'caseId'];
      const c = found.get(issue.caseId);
      if (!c) throw badInput('关联的案件不存在', path);
      if (c.source !== 'PROACTIVE') {
        throw badInput('排查发现的问题只能关联来源为“主动调解”的案件', path);
      }
      if (c.claimedByRound !== null && c.claimedByRound !== roundId) {
        throw badInput('该案件已关联到其他排查记录', path);
      }
    });
  }
}
