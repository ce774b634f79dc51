import { pendingCorrections } from '../../db/reports/corrections-query.js';
import {
  caseFactGroups,
  preventionFigures,
  screeningFigures,
} from '../../db/reports/statistics-query.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { computeReport, type StatisticsReport } from '../../domain/statistics/compute-report.js';
import { reportablePeriod, type Period } from '../../domain/statistics/period.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import type { ReportTemplate } from '../../domain/statistics/report-template.js';
import { loadReportTemplate } from '../reports/report-template-loader.js';
import type { LedgerSession } from './ledger-session.js';

/** 统计上报: the room's figures for a period, laid out by the county template. */
export class StatisticsService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly templatesDir: string,
  ) {}

  template(): ReportTemplate {
    return loadReportTemplate(this.templatesDir);
  }

  report(periodKey: string): StatisticsReport {
    const period = this.period(periodKey);
    const db = this.ledger.db();
    const settings = getRoomSettings(db);
    if (!settings) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
    return db.transaction(() => this.compute(period, settings.organisationType))();
  }

  /** A period that has started by the ledger's today (BAD_INPUT otherwise). */
  period(periodKey: string): Period {
    const checked = reportablePeriod(periodKey, chinaToday(this.ledger.now()));
    if (!checked.ok)
      throw new ApiError('BAD_INPUT', checked.message, [
        { path: ['period'], message: checked.message },
      ]);
    return checked.period;
  }

  /** One read transaction: every figure of the table comes from the same snapshot. */
  private compute(period: Period, orgType: string): StatisticsReport {
    const db = this.ledger.db();
    return computeReport({
      template: this.template(),
      period,
      groups: caseFactGroups(db, period.start, period.end, orgType),
      prevention: preventionFigures(db, period.start, period.end),
      screening: screeningFigures(db, period.start, period.end),
      corrections: pendingCorrections(db),
    });
  }
}
