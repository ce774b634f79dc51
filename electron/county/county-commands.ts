import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openCountyDb } from '../../db/county/county-schema.js';
import { mergePackage, type MergeResult } from '../../db/county/county-merge.js';
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
import { writeStatisticsXlsx } from '../reports/statistics-xlsx.js';
import { PackageRefused, verifyPackage, type VerifiedPackage } from './package-reader.js';

export interface ImportOutcome {
  readonly refused: readonly { file: string; reason: string }[];
  readonly merged: readonly { file: string; result: MergeResult }[];
}

/**
 * Verifies every package first; if any is refused, nothing at all is merged (the clerk fixes
 * or removes that file and runs the same command again, which is safe because merging is
 * idempotent). Then each package is merged in its own transaction.
 */
export function importPackages(dbFile: string, files: readonly string[], now: Date): ImportOutcome {
  const verified: VerifiedPackage[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const file of files) {
    try {
      verified.push(verifyPackage(new Uint8Array(readFileSync(file)), path.basename(file)));
    } catch (error) {
      if (error instanceof PackageRefused) refused.push({ file, reason: error.message });
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        refused.push({ file, reason: '文件不存在' });
      } else throw error;
    }
  }
  if (refused.length > 0) return { refused, merged: [] };
  const db = openCountyDb(dbFile);
  try {
    const merged = verified.map((pkg, i) => ({
      file: files[i] ?? pkg.fileName,
      result: mergePackage(db, pkg, now.toISOString()),
    }));
    return { refused: [], merged };
  } finally {
    db.close();
  }
}

export function countyReport(
  dbFile: string,
  periodKey: string,
  templatesDir: string,
): {
  report: StatisticsReport;
  rooms: number;
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
    return { report, rooms: countyRooms(db) };
  } finally {
    db.close();
  }
}

export async function writeCountyReport(
  dbFile: string,
  periodKey: string,
  templatesDir: string,
  outDir: string,
  countyName: string,
  today: string,
): Promise<{ file: string; report: StatisticsReport; rooms: number }> {
  const { report, rooms } = countyReport(dbFile, periodKey, templatesDir);
  const file = path.join(
    outDir,
    safeFileName(`${countyName}_人民调解工作统计表_${report.period.key}.xlsx`),
  );
  await writeStatisticsXlsx(file, report, {
    committeeName: `${countyName}（汇总 ${rooms} 个调解组织）`,
    countyOfficeName: countyName,
    generatedOn: today,
  });
  return { file, report, rooms };
}
