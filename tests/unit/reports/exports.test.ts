import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRunView } from '../../../domain/api/reports-contract.js';
import { IDENTIFIED_EXPORT_CONFIRMATION } from '../../../domain/statistics/export-inputs.js';
import { tempDir } from '../support/temp-dir.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';
import { readXlsx } from './xlsx-reader.js';

let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger();
}, 60_000);
afterAll(() => r.l.close());

function partiesOfSeed(): { name: string; phone: string; idNumber: string | null }[] {
  const db = r.l.core.ledger.db();
  return db.prepare('SELECT name, phone, id_number AS idNumber FROM party').all() as {
    name: string;
    phone: string;
    idNumber: string | null;
  }[];
}

describe('exports: statistics table, case ledger, county package', () => {
  it('writes the table as xlsx and PDF and records both with their hashes', async () => {
    const dir = tempDir('exp');
    const run = await r.l.call<ExportRunView>('exports.statistics', {
      period: '2026-03',
      directory: dir,
    });
    expect(run.kind).toBe('STATISTICS');
    expect(run.files.map((f) => f.name)).toEqual([
      '金峰村人民调解委员会_人民调解工作统计表_2026-03.xlsx',
      '金峰村人民调解委员会_人民调解工作统计表_2026-03.pdf',
    ]);
    const pdf = fs.readFileSync(path.join(dir, run.files[1]?.name ?? ''));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync(
      'pdftotext',
      ['-layout', path.join(dir, run.files[1]?.name ?? ''), '-'],
      {
        encoding: 'utf8',
      },
    );
    expect(text).toContain('人民调解工作统计表');
    expect(text).toContain('村调委会');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([]);
    const list = await r.l.call<{ runs: ExportRunView[] }>('exports.list', {});
    expect(list.runs[0]?.id).toBe(run.id);
  });

  it('the de-identified ledger holds no full name, phone or ID number of the seed', async () => {
    const dir = tempDir('exp');
    const run = await r.l.call<ExportRunView>('exports.ledger', {
      period: '2026-03',
      directory: dir,
      identifiedConfirmation: null,
    });
    const book = readXlsx(path.join(dir, run.files[0]?.name ?? ''));
    const sheet = book['案件台账'];
    if (!sheet) throw new Error('no sheet');
    const all = sheet.cells
      .flat()
      .map((v) => String(v ?? ''))
      .join('\n');
    for (const p of partiesOfSeed()) {
      expect(all).not.toContain(p.name);
      expect(all).not.toContain(p.phone);
      if (p.idNumber) expect(all).not.toContain(p.idNumber);
      if (p.idNumber) expect(all).not.toContain(p.idNumber.slice(6, 14)); // birth date part
    }
    expect(all).toContain('王某');
    expect(all).toContain('138****1234');
    // four cases in March: written, oral, failed, open (the intake is registered in March too)
    expect(sheet.cells[1]?.[0]).toBe('序号');
    const rows = sheet.cells.slice(2);
    expect(rows).toHaveLength(5);
    // 长江源村 has 5 or more persons in this export and is shown; 红柳村 has 2 and is raised
    // to its township (small-cell rule)
    expect(all).toContain('长江源村');
    expect(all).not.toContain('红柳村');
    expect(all).toContain('郭勒木德镇');
    // narratives reduced to the category
    expect(all).not.toContain('越界放牧');
    // the responsible unit and mediator of every case
    for (const row of rows) expect(row[10]).toBe('金峰村人民调解委员会/才让');
    expect(rows.map((row) => row[12])).toContain('已化解');
    for (const v of sheet.cells.flat()) {
      if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('the identified ledger needs the typed confirmation and is recorded as such', async () => {
    const dir = tempDir('exp');
    const refused = await r.l.raw('exports.ledger', {
      period: '2026-03',
      directory: dir,
      identifiedConfirmation: '确认',
    });
    expect(refused.ok ? '' : refused.error.code).toBe('BAD_INPUT');
    expect(fs.readdirSync(dir)).toEqual([]);
    const run = await r.l.call<ExportRunView>('exports.ledger', {
      period: '2026-03',
      directory: dir,
      identifiedConfirmation: IDENTIFIED_EXPORT_CONFIRMATION,
    });
    expect(run.kind).toBe('LEDGER_IDENTIFIED');
    expect(run.confirmation).toBe(IDENTIFIED_EXPORT_CONFIRMATION);
    const all = JSON.stringify(readXlsx(path.join(dir, run.files[0]?.name ?? '')));
    expect(all).toContain('王芳');
    // the identified ledger keeps the narrative and the ID numbers the de-identified one drops
    expect(all).toContain('越界放牧');
    const withId = partiesOfSeed().find((p) => p.idNumber);
    expect(withId && all.includes(withId.idNumber ?? '')).toBe(true);
  });

  it('the package: manifest with hashes, HMAC keys, same content twice, delta', async () => {
    const dir = tempDir('exp');
    const a = await r.l.call<ExportRunView>('exports.package', {
      period: '2026-03',
      directory: dir,
    });
    const first = fs.readFileSync(path.join(dir, a.files[0]?.name ?? ''));
    const b = await r.l.call<ExportRunView>('exports.package', {
      period: '2026-03',
      directory: tempDir('exp'),
    });
    expect(b.files[0]?.sha256).toBe(a.files[0]?.sha256);
    const files = unzipSync(new Uint8Array(first));
    expect(Object.keys(files).sort()).toEqual([
      'cases.jsonl',
      'manifest.json',
      'parties.jsonl',
      'screening.jsonl',
    ]);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as {
      counts: { cases: number };
      files: { name: string; sha256: string }[];
      auditChainHead: string | null;
    };
    expect(manifest.counts.cases).toBe(4);
    // The audit chain's head as the package was read: `seq:mac`, an anchor kept by the county.
    expect(manifest.auditChainHead).toMatch(/^\d+:[0-9a-f]{64}$/);
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const p of partiesOfSeed()) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.phone);
      if (p.idNumber) expect(text).not.toContain(p.idNumber);
    }
    // nothing changed since: the delta is empty
    const d = await r.l.call<ExportRunView>('exports.package', {
      period: '2026-03',
      directory: dir,
      delta: true,
    });
    expect(d.sinceExportId).toBe(b.id);
    const delta = unzipSync(
      new Uint8Array(fs.readFileSync(path.join(dir, d.files[0]?.name ?? ''))),
    );
    expect(strFromU8(delta['cases.jsonl'] ?? new Uint8Array())).toBe('');
  });

  it('refuses bad folders and periods, and keeps hostile names inside the folder', async () => {
    const ro = tempDir('ro');
    fs.chmodSync(ro, 0o500);
    // root ignores permission bits: sysfs refuses new files to everyone
    const unwritable = process.getuid?.() === 0 ? '/sys' : ro;
    const bad = [
      { period: '2026-03', directory: unwritable },
      {
        period: '2026-03',
        directory: fs.mkdtempSync(path.join(ro, '..', 'f-')) + '/../' + path.basename(ro) + '/x',
      },
      { period: '2026-03', directory: 'relative/dir' },
      { period: '2026-03', directory: path.join(ro, 'missing') },
      { period: '', directory: null },
      { period: '2099', directory: null },
    ];
    for (const input of bad) {
      const res = await r.l.raw('exports.statistics', input);
      expect(res.ok, JSON.stringify(input)).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('BAD_INPUT');
    }
    fs.chmodSync(ro, 0o700);
    expect(fs.readdirSync(ro)).toEqual([]);
    const room = await r.l.call<{ version: number }>('settings.get', {});
    await r.l.call('settings.save', {
      expectedVersion: room.version,
      settings: {
        committeeName: 'CON',
        roomName: '调解室',
        organisationType: 'VILLAGE',
        divisionCode: null,
        numberAbbreviation: '金峰',
        caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
        documentDateStyle: 'ARABIC',
        countyOfficeName: '格尔木市司法局',
      },
    });
    const dir = tempDir('exp');
    const run = await r.l.call<ExportRunView>('exports.ledger', {
      period: '2026-03',
      directory: dir,
    });
    expect(run.files[0]?.name).toBe('CON_案件台账_2026-03.xlsx');
    const room2 = await r.l.call<{ version: number }>('settings.get', {});
    await r.l.call('settings.save', {
      expectedVersion: room2.version,
      settings: {
        committeeName: '../..\\金峰/村:委',
        roomName: '调解室',
        organisationType: 'VILLAGE',
        divisionCode: null,
        numberAbbreviation: '金峰',
        caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
        documentDateStyle: 'ARABIC',
        countyOfficeName: '格尔木市司法局',
      },
    });
    const run2 = await r.l.call<ExportRunView>('exports.ledger', {
      period: '2026-03',
      directory: dir,
    });
    expect(run2.files[0]?.name).not.toMatch(/[\\/:]/);
    expect(fs.existsSync(path.join(dir, run2.files[0]?.name ?? ''))).toBe(true);
  });
});
