import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { COUNTY_PACKAGE_SCHEMA_VERSION } from '../../../domain/statistics/county-package.js';
import { openCountyDb } from '../../../db/county/county-schema.js';
import {
  countyExports,
  countyImports,
  countyReport,
  importPackages,
} from '../../../electron/county/county-commands.js';
import { ledgerFingerprint } from '../support/db-fingerprint.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';
import { readXlsx } from './xlsx-reader.js';

let a: ReportLedger;
let b: ReportLedger;
let pkgA: string;
let pkgB: string;
let packages: string;
const templates = path.resolve('templates');
const openCountyDbReadOnly = (file: string) => new Database(file, { readonly: true });
const now = new Date('2026-04-02T02:00:00Z');

async function exportPackage(r: ReportLedger, dir: string, delta = false): Promise<string> {
  const run = await r.l.call<ExportRunView>('exports.package', {
    period: '2026-03',
    directory: dir,
    delta,
  });
  return path.join(dir, run.files[0]?.name ?? '');
}

beforeAll(async () => {
  a = await reportLedger(true);
  b = await reportLedger(true);
  // room B is a street committee and has one more screening round
  const s = await b.l.call<{ version: number }>('settings.get', {});
  await b.l.call('settings.save', {
    expectedVersion: s.version,
    settings: {
      committeeName: '金峰路街道人民调解委员会',
      roomName: '街道调解室',
      organisationType: 'STREET',
      divisionCode: null,
      numberAbbreviation: '金街',
      caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
      documentDateStyle: 'ARABIC',
      countyOfficeName: '格尔木市司法局',
    },
  });
  await b.l.call('screening.save', {
    roundId: null,
    expectedVersion: 0,
    round: {
      roundDate: '2026-03-11',
      area: '金峰路社区',
      grid: null,
      participants: [{ role: 'GRID_WORKER', name: '马建华' }],
      householdsVisited: 30,
      note: null,
      issues: [
        {
          description: '邻里噪音',
          category: 'NEIGHBOUR',
          disposition: 'PREVENTED',
          prevention: { code: 'CRIMINAL', persons: 2 },
        },
      ],
    },
  });
  // kept for the whole file (tempDir() is emptied after each test)
  packages = fs.mkdtempSync(path.join(os.tmpdir(), 'county-pkg-'));
  pkgA = await exportPackage(a, packages);
  pkgB = await exportPackage(b, packages);
}, 120_000);
afterAll(() => {
  fs.rmSync(packages, { recursive: true, force: true });
  a.l.close();
  b.l.close();
});

describe('county merge (县级汇总)', () => {
  it('two rooms add up, cell by cell; a re-import changes nothing', async () => {
    const db = path.join(tempDir('county'), 'county.sqlite');
    const first = importPackages(db, [pkgA, pkgB], now);
    expect(first.refused).toEqual([]);
    expect(first.merged.map((m) => m.result.added)).toEqual([4, 4]);
    const ra = await a.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
    const rb = await b.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
    const { report, rooms } = countyReport(db, '2026-03', templates);
    expect(rooms).toBe(2);
    const sum = (x: readonly (number | null)[], y: readonly (number | null)[]) =>
      x.map((v, i) => (v === null && y[i] === null ? null : (v ?? 0) + (y[i] ?? 0)));
    const rate = report.columns.findIndex((c) => c.unit === '%');
    expect(rate).toBe(-1);
    expect(report.organisationTotal.values).toEqual(
      sum(ra.organisationTotal.values, rb.organisationTotal.values),
    );
    const village = report.organisationRows.find((r) => r.label === '村调委会');
    const street = report.organisationRows.find((r) => r.label === '街道调委会');
    expect(village?.values).toEqual(ra.organisationTotal.values);
    expect(street?.values).toEqual(rb.organisationTotal.values);
    expect(report.totals.successRate).toBe(ra.totals.successRate);
    const v = (rep: StatisticsReport, id: string) => rep.indicators.find((i) => i.id === id)?.value;
    for (const id of [
      'disputes_found',
      'households_visited',
      'prevented_criminal_persons',
      'open_cases',
    ]) {
      expect(v(report, id), id).toBe((v(ra, id) ?? 0) + (v(rb, id) ?? 0));
    }

    const before = ledgerFingerprint(db);
    const again = importPackages(db, [pkgA, pkgB], now);
    expect(again.merged.every((m) => m.result.alreadyImported)).toBe(true);
    expect(ledgerFingerprint(db)).toBe(before);
  }, 60_000);

  it('a newer version of a case replaces the older one (delta package)', async () => {
    const db = path.join(tempDir('county'), 'county.sqlite');
    importPackages(db, [pkgA], now);
    const detail = await a.l.call<{ version: number }>('cases.get', { caseId: a.caseIds.open });
    await a.l.call('cases.update', {
      caseId: a.caseIds.open,
      expectedVersion: detail.version,
      changes: { isDifficult: true },
    });
    const delta = await exportPackage(a, tempDir('pkg'), true);
    const res = importPackages(db, [delta], now);
    // the open case went to the county in pkgA: its change comes back flagged 更正
    expect(res.merged[0]?.result).toMatchObject({ added: 0, replaced: 1, kept: 0, corrected: 1 });
    expect(countyReport(db, '2026-03', templates).report.totals.open).toBe(1);
  }, 60_000);

  it('refuses a tampered package, a newer schema, an extra file; nothing is merged', () => {
    const dir = tempDir('bad');
    const files = unzipSync(new Uint8Array(fs.readFileSync(pkgA)));
    const cases = strFromU8(files['cases.jsonl'] ?? new Uint8Array()).replace(
      '"persons":2',
      '"persons":9',
    );
    const tampered = path.join(dir, 'tampered.zip');
    fs.writeFileSync(tampered, zipSync({ ...files, 'cases.jsonl': strToU8(cases) }));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as Record<
      string,
      unknown
    >;
    const newer = path.join(dir, 'newer.zip');
    fs.writeFileSync(
      newer,
      zipSync({
        ...files,
        'manifest.json': strToU8(
          JSON.stringify({ ...manifest, schemaVersion: COUNTY_PACKAGE_SCHEMA_VERSION + 1 }),
        ),
      }),
    );
    const extra = path.join(dir, '..\\CON.zip');
    fs.writeFileSync(extra, zipSync({ ...files, '../evil.txt': strToU8('x') }));
    const garbage = path.join(dir, 'garbage.zip');
    fs.writeFileSync(garbage, 'not a zip');
    const db = path.join(tempDir('county'), 'county.sqlite');
    const res = importPackages(db, [pkgB, tampered, newer, extra, garbage], now);
    expect(res.merged).toEqual([]);
    expect(res.refused.map((r) => r.reason)).toEqual([
      expect.stringContaining('校验值与清单不符'),
      expect.stringContaining('请升级县级汇总程序'),
      expect.stringContaining('多余的文件'),
      expect.stringContaining('无法解压'),
    ]);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('the command line tool imports and writes the county table that openpyxl reads', () => {
    execFileSync(process.execPath, ['build/build-county.mjs']);
    const dir = tempDir('cli');
    const db = path.join(dir, 'county.sqlite');
    const cli = path.resolve('dist/county/county.cjs');
    const imp = spawnSync(process.execPath, [cli, 'import', pkgA, pkgB, '--db', db], {
      encoding: 'utf8',
    });
    expect(imp.status, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('新增 4 件');
    const rep = spawnSync(
      process.execPath,
      [
        cli,
        'report',
        '2026-03',
        '--db',
        db,
        '--out',
        dir,
        '--name',
        '格尔木市司法局',
        '--templates',
        templates,
      ],
      { encoding: 'utf8' },
    );
    expect(rep.status, rep.stderr).toBe(0);
    const book = readXlsx(path.join(dir, '格尔木市司法局_人民调解工作统计表_2026-03.xlsx'));
    const total = book['统计表']?.cells.find((row) => row[0] === '合计');
    expect(total?.[1]).toBe(6); // 3 mediated cases in each room
    // the table written from the command line is in the county's export register
    const [written] = countyExports(db);
    const bytes = fs.readFileSync(path.join(dir, '格尔木市司法局_人民调解工作统计表_2026-03.xlsx'));
    expect(written).toMatchObject({ period: '2026-03', rooms: 2, cases: 6, actor: '命令行' });
    expect(written?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const bad = spawnSync(
      process.execPath,
      [cli, 'import', path.join(dir, 'missing.zip'), '--db', db],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('文件不存在');
  }, 60_000);

  it('upgrades a version-1 county database: copied first, imports kept, the export register added', () => {
    const dir = tempDir('county-v1');
    const file = path.join(dir, 'county.sqlite');
    importPackages(file, [pkgA], now);
    // a version-1 file is today's schema without the export register
    const v1 = openCountyDb(file);
    v1.exec('DROP TABLE county_export');
    v1.pragma('user_version = 1');
    v1.close();
    expect(countyExports(file)).toEqual([]);
    const db = openCountyDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
    expect(countyImports(file)).toHaveLength(1);
    const copies = fs.readdirSync(dir).filter((n) => n.includes('.before-v2-'));
    expect(copies).toHaveLength(1);
    const copy = openCountyDbReadOnly(path.join(dir, copies[0] ?? ''));
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('upgrades a real version-1 file written by the old import (tests/fixtures)', () => {
    const dir = tempDir('county-v1-real');
    const file = path.join(dir, 'county.sqlite');
    fs.copyFileSync(path.join(import.meta.dirname, '../../fixtures/county-v1.sqlite'), file);
    const db = openCountyDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) FROM county_case').pluck().get()).toBe(24);
    expect(db.prepare('SELECT count(*) FROM room').pluck().get()).toBe(2);
    db.close();
    expect(countyImports(file)).toHaveLength(2);
    expect(countyExports(file)).toEqual([]);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.before-v2-'))).toHaveLength(1);
    // and it takes a new import and a new export register row like a fresh one
    const merged = importPackages(file, [pkgA], now);
    expect(merged.refused).toEqual([]);
    expect(countyImports(file)).toHaveLength(3);
  });
});
