import type { ApiHandlers } from '../api/dispatch.js';
import type { ReportsContract } from '../../domain/api/reports-contract.js';
import type { ScreeningService } from './screening-service.js';
import type { StatisticsService } from './statistics-service.js';

export interface ReportServices {
  readonly statistics: StatisticsService;
  readonly screening: ScreeningService;
}

type ReportHandlers = Pick<ApiHandlers, keyof ReportsContract>;

/** The reporting part of the handler table (spread into electron/api/handlers.ts). */
export function reportHandlers(r: ReportServices): ReportHandlers {
  return {
    'statistics.get': ({ period }) => r.statistics.report(period),
    'screening.list': ({ period }) => r.screening.list(period),
    'screening.get': ({ roundId }) => r.screening.get(roundId),
    'screening.save': ({ roundId, expectedVersion, round }) =>
      r.screening.save(roundId, expectedVersion, round),
    'screening.linkableCases': () => r.screening.linkableCases(),
  };
}
