import type { CountyContract } from '../../domain/api/county-contract.js';
import type { ApiHandlers } from '../api/dispatch.js';
import type { CountyService } from './county-service.js';

type CountyHandlers = Pick<ApiHandlers, keyof CountyContract>;

/** The county part of the handler table (spread into electron/api/handlers.ts). */
export function countyHandlers(county: CountyService): CountyHandlers {
  return {
    'county.import': ({ packages }) => county.import(packages),
    'county.report': ({ period }) => county.report(period),
    'county.exportReport': ({ period, directory }) => county.exportReport(period, directory),
  };
}
