import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountyImportView } from '../../../domain/api/county-contract.js';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { openTestLedger, setUpRoom, type TestLedger } from '../services/case-fixtures.js';
import { ledgerFingerprint } from '../support/db-fingerprint.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';
import { readXlsx } from './xlsx-reader.js';

/** 县级汇总 in the app: the same import and report as `npm run county`, through the API. */
let room: ReportLedger;
let county: TestLedger;
let pkg: { fileName: string; dataBase64: string };
let roomReport: StatisticsReport;

beforeAll(async () => {
  room = await reportLedger(true);
  county = await openTestLedger(() => new Date('2026-04-02T02:00:00Z'));
  await setUpRoom(county);
  const dir = fs.mkdtempSync(path.join(path.dirname(room.l.dir), 'county-mode-'));
  const run = await room.l.call<ExportRunView>('exports.package', {
    period: '2026-03',
    directory: dir,
    delta: false,
  });
  const name = run.files[0]?.name ?? '';
  pkg = { fileName: name, dataBase64: fs.readFileSync(path.join(dir, name)).toString('base64') };
  fs.rmSync(dir, { recursive: true, force: true });
  roomReport = await room.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
}, 120_000);
afterAll(() => {
  room.l.close();
  county.close();
});

const countyDb = () => path.join(county.dir, 'county', 'county.sqlite');

describe('county mode (县级汇总) in the app', () => {
  it('refuses a tampered package and merges nothing, then imports, idempotently', async () => {
    const files = unzipSync(Buffer.from(pkg.dataBase64, 'base64'));
    const cases = new TextDecoder()
      .decode(files['cases.jsonl'])
      .replace('"difficult":false', '"difficult":true');
    const tampered = zipSync({ ...files, 'cases.jsonl': strToU8(cases) });
    const refused = await county.call<CountyImportView>('county.import', {
      packages: [
        pkg,
        { fileName: '篡改.zip', dataBase64: Buffer.from(tampered).toString('base64') },
      ],
    });
    expect(refused.merged).toEqual([]);
    expect(refused.refused).toEqual([
      { file: '篡改.zip', reason: expect.stringContaining('cases.jsonl') as unknown },
    ]);
    expect(
      (await county.call<{ rooms: number }>('county.report', { period: '2026-03' })).rooms,
    ).toBe(0);

    const first = await county.call<CountyImportView>('county.import', { packages: [pkg] });
    expect(first.refused).toEqual([]);
    expect(first.merged[0]).toMatchObject({ alreadyImported: false, added: 4, replaced: 0 });
    const before = ledgerFingerprint(countyDb());
    const again = await county.call<CountyImportView>('county.import', { packages: [pkg] });
    expect(again.merged[0]?.alreadyImported).toBe(true);
    expect(ledgerFingerprint(countyDb())).toBe(before);

    // the county's table is the room's table (one village committee)
    const rep = await county.call<{
      report: StatisticsReport;
      rooms: number;
      imports: readonly { committeeName: string; added: number }[];
    }>('county.report', { period: '2026-03' });
    expect(rep.rooms).toBe(1);
    expect(rep.report.organisationTotal.values).toEqual(roomReport.organisationTotal.values);
    expect(rep.report.totals).toEqual(roomReport.totals);
    expect(rep.imports).toEqual([
      expect.objectContaining({ committeeName: '金峰村人民调解委员会', added: 4 }),
    ]);
    // the county's own ledger has no cases: its room statistics are untouched
    const own = await county.call<StatisticsReport>('statistics.get', { period: '2026-03' });
    expect(own.totals.cases).toBe(0);
  });

  it('writes the county table that openpyxl reads back; refuses bad input clearly', async () => {
    const out = tempDir('county-out');
    const written = await county.call<{ file: string; directory: string }>('county.exportReport', {
      period: '2026-03',
      directory: out,
    });
    expect(written.directory).toBe(out);
    const sheets = readXlsx(path.join(out, written.file));
    const first = Object.values(sheets)[0];
    expect(JSON.stringify(first?.cells)).toContain('汇总 1 个调解组织');
    const listed = await county.call<{ exports: { fileName: string; sha256: string }[] }>(
      'county.report',
      { period: '2026-03' },
    );
    expect(listed.exports).toHaveLength(1);
    expect(listed.exports[0]?.fileName).toBe(written.file);
    expect(listed.exports[0]?.sha256).toBe(
      createHash('sha256')
        .update(fs.readFileSync(path.join(out, written.file)))
        .digest('hex'),
    );

    for (const input of [
      { packages: [] },
      { packages: [{ fileName: 'a.zip', dataBase64: '不是base64' }] },
      { packages: [{ fileName: '../../x\u0000.zip', dataBase64: 'AAAA' }] },
    ]) {
      const res = await county.raw('county.import', input);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('BAD_INPUT');
    }
    const garbage = await county.call<CountyImportView>('county.import', {
      packages: [{ fileName: '损坏.zip', dataBase64: 'AAAA' }],
    });
    expect(garbage.refused).toHaveLength(1);
    for (const period of ['2026-13', '2027']) {
      const res = await county.raw('county.report', { period });
      expect(res.ok ? '' : res.error.code).toBe('BAD_INPUT');
    }
    const unwritable = await county.raw('county.exportReport', {
      period: '2026-03',
      directory: '/proc/不存在的文件夹',
    });
    expect(unwritable.ok ? '' : unwritable.error.code).toBe('BAD_INPUT');
    // a table that was not written is not in the register
    const after = await county.call<{ exports: unknown[] }>('county.report', { period: '2026-03' });
    expect(after.exports).toHaveLength(1);
  });
});
