import { countyRoomReports } from '../../db/county/county-room-reports.js';
import type { RoomReporting } from '../../domain/statistics/room-reporting.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openCountyDb } from '../../db/county/county-schema.js';
import {
  listCountyImports,
  mergePackage,
  type CountyImportRow,
  type MergeResult,
} from '../../db/county/county-merge.js';
import {
  listCountyExports,
  recordCountyExport,
  type CountyExportRow,
} from '../../db/county/county-exports.js';
import {
  countyFactGroups,
  countyPrevention,
  countyRooms,
  countyScreening,
} from '../../db/county/county-stats-query.js';
import { computeReport, type StatisticsReport } from '../../domain/statistics/compute-report.js';
import { parsePeriod } from '../../domain/statistics/period.js';
import { loadReportTemplate } from '../reports/report-template-loader.js';
import { safeFileName } from '../reports/safe-file-name.js';
import { PackageRefused, verifyPackage, type VerifiedPackage } from './package-reader.js';

export interface ImportOutcome {
  readonly refused: readonly { file: string; reason: string }[];
  readonly merged: readonly { file: string; result: MergeResult }[];
}

/** A package as the clerk handed it over: its name (for messages) and its bytes. */
export interface PackageInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Verifies every package first; if any is refused, nothing at all is merged (the clerk fixes
 * or removes that file and runs the same command again, which is safe because merging is
 * idempotent). Then each package is merged in its own transaction. The command line and the
 * app's county mode both come here.
 */
export function importPackageData(
  dbFile: string,
  packages: readonly PackageInput[],
  now: Date,
): ImportOutcome {
  const verified: VerifiedPackage[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const p of packages) {
    try {
      verified.push(verifyPackage(p.bytes, path.basename(p.name)));
    } catch (error) {
      if (error instanceof PackageRefused) refused.push({ file: p.name, reason: error.message });
      else throw error;
    }
  }
  if (refused.length > 0) return { refused, merged: [] };
  const db = openCountyDb(dbFile);
  try {
    const merged = verified.map((pkg, i) => ({
      file: packages[i]?.name ?? pkg.fileName,
      result: mergePackage(db, pkg, now.toISOString()),
    }));
    return { refused: [], merged };
  } finally {
    db.close();
  }
}

/** `npm run county -- import <files…>`: reads the files, then as above. */
export function importPackages(dbFile: string, files: readonly string[], now: Date): ImportOutcome {
  const packages: PackageInput[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const file of files) {
    try {
      packages.push({ name: file, bytes: new Uint8Array(readFileSync(file)) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        refused.push({ file, reason: '文件不存在' });
      } else throw error;
    }
  }
  if (refused.length > 0) return { refused, merged: [] };
  return importPackageData(dbFile, packages, now);
}

/** What the county database holds: one line per imported package, newest first. */
export function countyImports(dbFile: string): CountyImportRow[] {
  if (!existsSync(dbFile)) return [];
  const db = openCountyDb(dbFile);
  try {
    return listCountyImports(db);
  } finally {
    db.close();
  }
}

/** The county tables written so far, newest first. */
export function countyExports(dbFile: string): CountyExportRow[] {
  if (!existsSync(dbFile)) return [];
  const db = openCountyDb(dbFile);
  try {
    return listCountyExports(db);
  } finally {
    db.close();
  }
}

/** Records a county table just written (its bytes hashed as they are on disk). */
export function recordCountyReport(
  dbFile: string,
  written: { file: string; report: StatisticsReport; rooms: number },
  actor: string,
  now: Date,
): CountyExportRow {
  const bytes = readFileSync(written.file);
  const row: CountyExportRow = {
    period: written.report.period.key,
    fileName: path.basename(written.file),
    directory: path.dirname(written.file),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rooms: written.rooms,
    cases: written.report.totals.cases,
    actor,
    exportedAt: now.toISOString(),
  };
  const db = openCountyDb(dbFile);
  try {
    recordCountyExport(db, row);
  } finally {
    db.close();
  }
  return row;
}

export function countyReport(
  dbFile: string,
  periodKey: string,
  templatesDir: string,
): {
  report: StatisticsReport;
  rooms: number;
  /** Each room's reporting for the period: reported, 零报告, or nothing sent. */
  roomReports: RoomReporting[];
} {
  const period = parsePeriod(periodKey);
  if (!period)
    throw new PackageRefused('统计期间格式不正确（例如 2026-03、2026-Q1、2026-H1 或 2026）');
  const db = openCountyDb(dbFile);
  try {
    const report = db.transaction(() =>
      computeReport({
        template: loadReportTemplate(templatesDir),
        period,
        groups: countyFactGroups(db, period.start, period.end),
        prevention: countyPrevention(db, period.start, period.end),
        screening: countyScreening(db, period.start, period.end),
      }),
    )();
    return {
      report,
      rooms: countyRooms(db),
      roomReports: countyRoomReports(db, period.start, period.end),
    };
  } finally {
    db.close();
  }
}

/** The county table's file name and header, for the command line and the app alike. */
export function countyReportFile(
  countyName: string,
  report: StatisticsReport,
  rooms: number,
  today: string,
): {
  name: string;
  header: { committeeName: string; countyOfficeName: string; generatedOn: string };
} {
  return {
    name: safeFileName(`${countyName}_人民调解工作统计表_${report.period.key}.xlsx`),
    header: {
      committeeName: `${countyName}（汇总 ${rooms} 个调解组织）`,
      countyOfficeName: countyName,
      generatedOn: today,
    },
  };
}

/** Who wrote a county table from `npm run county` (the app records its own user). */
const COMMAND_LINE_ACTOR = '命令行';

export async function writeCountyReport(
  dbFile: string,
  periodKey: string,
  templatesDir: string,
  outDir: string,
  countyName: string,
  today: string,
): Promise<{
  file: string;
  report: StatisticsReport;
  rooms: number;
  roomReports: RoomReporting[];
}> {
  const { report, rooms, roomReports } = countyReport(dbFile, periodKey, templatesDir);
  const { name, header } = countyReportFile(countyName, report, rooms, today);
  const file = path.join(outDir, name);
  // exceljs on first use: the core worker loads this module at start for the county screens.
  const { writeStatisticsXlsx } = await import('../reports/statistics-xlsx.js');
  await writeStatisticsXlsx(file, report, header, roomReports);
  recordCountyReport(dbFile, { file, report, rooms }, COMMAND_LINE_ACTOR, new Date());
  return { file, report, rooms, roomReports };
}
