import { roomReportingSummary } from '../../domain/statistics/room-reporting.js';
import path from 'node:path';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { defaultTemplatesDir } from '../documents/template-loader.js';
import { PackageRefused } from './package-reader.js';
import { importPackages, writeCountyReport } from './county-commands.js';

/**
 * 县级汇总 (the county side of issue 10), run by the county clerk:
 *   npm run county -- import <package.zip…> [--db county.sqlite]
 *   npm run county -- report <period> [--db county.sqlite] [--out folder] [--name 县司法局]
 */
const USAGE = `用法：
  npm run county -- import <数据包.zip> [更多数据包…] [--db 汇总库.sqlite]
  npm run county -- report <期间，如 2026-03、2026-Q1、2026> [--db 汇总库.sqlite] [--out 输出文件夹] [--name 单位名称]`;

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  if (value === undefined) throw new PackageRefused(`${name} 后面缺少值`);
  args.splice(i, 2);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  const db = path.resolve(option(args, '--db', 'county.sqlite'));
  if (command === 'import') {
    if (args.length === 0) throw new PackageRefused('请给出要导入的数据包文件');
    const outcome = importPackages(db, args, new Date());
    for (const r of outcome.refused) console.error(`拒绝：${r.file}：${r.reason}`);
    if (outcome.refused.length > 0) {
      console.error('有数据包未通过校验，本次没有导入任何数据。');
      return 2;
    }
    for (const m of outcome.merged) {
      const r = m.result;
      console.log(
        r.alreadyImported
          ? `已导入过：${m.file}（无变化）`
          : `已导入：${m.file}：新增 ${r.added} 件，更新 ${r.replaced} 件（其中更正 ${r.corrected} 件），保持 ${r.kept} 件`,
      );
    }
    return 0;
  }
  if (command === 'report') {
    const out = path.resolve(option(args, '--out', '.'));
    const name = option(args, '--name', '县司法局');
    const templates = option(args, '--templates', defaultTemplatesDir());
    const period = args.shift();
    if (!period) throw new PackageRefused('请给出统计期间');
    const { file, report, rooms, roomReports } = await writeCountyReport(
      db,
      period,
      templates,
      out,
      name,
      chinaToday(),
    );
    console.log(
      `${report.period.label}：${rooms} 个调解组织，调解 ${report.totals.cases} 件，成功 ${report.totals.success} 件，在调 ${report.totals.open} 件`,
    );
    console.log(roomReportingSummary(roomReports));
    console.log(`已写出：${file}`);
    return 0;
  }
  console.error(USAGE);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PackageRefused || error instanceof Error) {
      console.error(`错误：${error.message}`);
    }
    process.exit(1);
  },
);
