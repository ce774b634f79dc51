import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type {
  CountyExportRowView,
  CountyImportRowView,
  CountyImportView,
} from '../../domain/api/county-contract.js';
import { ApiError } from '../../domain/api/errors.js';
import type { StatisticsReport } from '../../domain/statistics/compute-report.js';
import type { RoomReporting } from '../../domain/statistics/room-reporting.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import {
  countyExports,
  countyImports,
  countyReport,
  countyReportFile,
  importPackageData,
  recordCountyReport,
} from '../county/county-commands.js';
import { currentActor } from './desk-actor.js';
import { PackageRefused } from '../county/package-reader.js';
import type { ExportService } from './export-service.js';
import type { LedgerSession } from './ledger-session.js';
import type { StatisticsService } from './statistics-service.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';

const DEFAULT_COUNTY_NAME = '县司法局';

/**
 * 县级汇总 in the app: the county clerk receives the rooms' packages, merges them and writes
 * the county table. The work is `electron/county/county-commands.ts`, the same code as
 * `npm run county`; the county database lives beside the ledger (`<dataDir>/county/`), never
 * in it, so the room's own figures are not touched.
 */
export class CountyService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly statistics: StatisticsService,
    private readonly exports: ExportService,
    private readonly templatesDir: string,
  ) {}

  private dbFile(): string {
    const dir = path.join(this.ledger.paths.dataDir, 'county');
    mkdirSync(dir, { recursive: true });
    return path.join(dir, 'county.sqlite');
  }

  import(packages: readonly { fileName: string; dataBase64: string }[]): CountyImportView {
    const outcome = refusedAsBadInput(() =>
      importPackageData(
        this.dbFile(),
        packages.map((p) => ({
          name: p.fileName,
          bytes: new Uint8Array(Buffer.from(p.dataBase64, 'base64')),
        })),
        this.ledger.now(),
      ),
    );
    return {
      refused: outcome.refused,
      merged: outcome.merged.map((m) => ({ file: m.file, ...m.result })),
    };
  }

  report(periodKey: string): {
    report: StatisticsReport;
    rooms: number;
    roomReports: readonly RoomReporting[];
    imports: readonly CountyImportRowView[];
    exports: readonly CountyExportRowView[];
  } {
    const period = this.statistics.period(periodKey);
    const file = this.dbFile();
    const { report, rooms, roomReports } = refusedAsBadInput(() =>
      countyReport(file, period.key, this.templatesDir),
    );
    return {
      report,
      rooms,
      roomReports,
      imports: countyImports(file),
      exports: countyExports(file),
    };
  }

  async exportReport(
    periodKey: string,
    directory: string | null,
  ): Promise<{ file: string; directory: string }> {
    const period = this.statistics.period(periodKey);
    const dir = this.exports.outputDir(directory);
    const { report, rooms, roomReports } = refusedAsBadInput(() =>
      countyReport(this.dbFile(), period.key, this.templatesDir),
    );
    const countyName =
      getRoomSettings(this.ledger.db())?.countyOfficeName.trim() || DEFAULT_COUNTY_NAME;
    const { name, header } = countyReportFile(
      countyName,
      report,
      rooms,
      chinaToday(this.ledger.now()),
    );
    const written = await this.exports.writeVia(dir, name, (file) =>
      this.exports.render({ kind: 'statisticsXlsx', file, report, header, rooms: roomReports }),
    );
    recordCountyReport(
      this.dbFile(),
      { file: path.join(dir, written.name), report, rooms },
      currentActor(),
      this.ledger.now(),
    );
    return { file: written.name, directory: dir };
  }
}

/** The county code says why it refuses in Chinese; the API turns that into BAD_INPUT. */
function refusedAsBadInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PackageRefused) throw new ApiError('BAD_INPUT', error.message);
    if (error instanceof Error && /县级汇总数据库/.test(error.message)) {
      throw new ApiError('INVALID_STATE', error.message);
    }
    throw error;
  }
}
