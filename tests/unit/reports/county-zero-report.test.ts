import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import { roomReportingSummary } from '../../../domain/statistics/room-reporting.js';
import {
  countyReport,
  importPackages,
  writeCountyReport,
} from '../../../electron/county/county-commands.js';
import { openTestLedger, ROOM_SETTINGS, type TestLedger } from '../services/case-fixtures.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';
import { readXlsx } from './xlsx-reader.js';

/**
 * Issue 15, must-have 6 at county level: the county summary says which rooms sent a 零报告 (a
 * package for the period with nothing in it) and tells them from rooms that sent nothing.
 */
let busy: ReportLedger;
let quiet: TestLedger;
let late: TestLedger;
const packages: string[] = [];
const templates = path.resolve('templates');

async function room(committeeName: string, roomName: string, abbr: string) {
  const l = await openTestLedger(() => new Date('2026-04-02T02:00:00Z'));
  await l.call('settings.save', {
    settings: { ...ROOM_SETTINGS, committeeName, roomName, numberAbbreviation: abbr },
    expectedVersion: 0,
  });
  return l;
}

async function packageOf(l: TestLedger, period: string, dir: string): Promise<string> {
  const run = await l.call<ExportRunView>('exports.package', {
    period,
    directory: dir,
    delta: false,
  });
  return path.join(dir, run.files[0]?.name ?? '');
}

beforeAll(async () => {
  busy = await reportLedger();
  quiet = await room('红柳村人民调解委员会', '红柳村调解室', '红柳');
  late = await room('长江源村人民调解委员会', '长江源村调解室', '长江');
  const dir = tempDir('zero-pkgs');
  packages.push(await packageOf(busy.l, '2026-03', dir));
  packages.push(await packageOf(quiet, '2026-03', dir)); // nothing happened in March
  packages.push(await packageOf(late, '2026-02', dir)); // February sent, March not yet
}, 120_000);
afterAll(() => {
  busy.l.close();
  quiet.close();
  late.close();
});

describe('county 零报告', () => {
  it('marks each room reported, 零报告 or 未上报, and writes them into the county table', async () => {
    const dir = tempDir('zero-county');
    const db = path.join(dir, 'county.sqlite');
    const imported = importPackages(db, packages, new Date('2026-04-03T02:00:00Z'));
    expect(imported.refused).toEqual([]);

    const march = countyReport(db, '2026-03', templates);
    expect(march.rooms).toBe(3);
    const byName = new Map(march.roomReports.map((r) => [r.committeeName, r]));
    expect(byName.get('金峰村人民调解委员会')).toMatchObject({ status: 'REPORTED', packages: 1 });
    expect(byName.get('金峰村人民调解委员会')?.cases).toBeGreaterThan(0);
    expect(byName.get('红柳村人民调解委员会')).toMatchObject({
      status: 'ZERO',
      packages: 1,
      cases: 0,
      issuesFound: 0,
    });
    expect(byName.get('长江源村人民调解委员会')).toMatchObject({ status: 'MISSING', packages: 0 });
    expect(roomReportingSummary(march.roomReports)).toBe(
      '共 3 个调解组织：已上报 1 个，零报告 1 个（红柳村人民调解委员会），未上报 1 个（长江源村人民调解委员会）。',
    );
    // The county as a whole had disputes: its own table is not a 零报告.
    expect(march.report.zeroReport).toBe(false);

    // Over the quarter the February package counts: that room sent a 零报告 for its part.
    const quarter = countyReport(db, '2026-Q1', templates);
    expect(quarter.roomReports.find((r) => r.roomName === '长江源村调解室')?.status).toBe('ZERO');
    // Nobody sent anything for April.
    const april = countyReport(db, '2026-04', templates);
    expect(april.roomReports.map((r) => r.status)).toEqual(['MISSING', 'MISSING', 'MISSING']);

    const written = await writeCountyReport(
      db,
      '2026-03',
      templates,
      dir,
      '格尔木市司法局',
      '2026-04-03',
    );
    const sheet = readXlsx(written.file)['上报情况'];
    if (!sheet) throw new Error('no 上报情况 sheet');
    const rows = sheet.cells.filter((row) => typeof row[0] === 'number');
    expect(rows.map((row) => [row[1], row[3], row[4]])).toEqual([
      ['长江源村人民调解委员会', '未上报', 0],
      ['红柳村人民调解委员会', '零报告', 1],
      ['金峰村人民调解委员会', '已上报', 1],
    ]);
    expect(JSON.stringify(sheet.cells)).toContain('零报告 1 个（红柳村人民调解委员会）');
  }, 120_000);
});
