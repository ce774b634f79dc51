import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOutside } from '../support/outside-connection.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations/index';
import { refreshCaseSearch } from '../../../db/search/case-search-index';
import { ledgerPaths } from '../../../db/ledger-files';
import { nameInitials } from '../../../db/search/name-pinyin';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views';
import type { ChangeSetView } from '../../../domain/cases/change-history';
import { openSignedInCore } from '../support/signed-in-core';
import { intake, openTestLedger, person, setUpRoom, type TestLedger } from './case-fixtures';
import { dropAuditTriggers, verifyLedgerFile } from '../support/audit-outside';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index';

/** Issue 12, must-have 2: a herder's name and address in traditional Mongolian, end to end. */
const NNBSP = '\u202F';
const FVS1 = '\u180B';
const NAME = 'ᠪᠠᠭᠠᠲᠤᠷ';
const ADDRESS = `ᠰᠢᠯᠢ${NNBSP}ᠶᠢᠨ ᠭᠣᠣᠯ ᠠᠶᠢᠮᠠᠭ`;

const herder = (overrides: Record<string, unknown> = {}) =>
  person({
    role: 'RESPONDENT',
    name: '包某',
    gender: 'MALE',
    ethnicity: '02',
    phone: { phone: '13900005678' },
    address: '锡林郭勒盟某嘎查',
    idDocument: null,
    preferredLanguage: 'mn',
    needsInterpreter: true,
    ownScriptName: NAME,
    ownScriptAddress: ADDRESS,
    ...overrides,
  });

const asInput = (p: CaseDetail['parties'][number], overrides: Record<string, unknown> = {}) =>
  herder({
    name: p.name,
    address: p.address,
    ownScriptName: p.ownScriptName,
    ownScriptAddress: p.ownScriptAddress,
    ...overrides,
  });

describe('own-script names through the API', () => {
  let l: TestLedger;
  beforeEach(async () => {
    l = await openTestLedger();
    // The start-up check runs beside the first writes; wait for it, so no test races it.
    await l.core.ledger.whenChecked();
    await setUpRoom(l);
  });
  afterEach(() => l.close());

  const create = () => l.call<SavedCase>('cases.create', intake({ parties: [person(), herder()] }));

  it('stores the name and address as typed (NNBSP and FVS kept)', async () => {
    const withFvs = `ᠪᠠᠭ${FVS1}ᠠᠲᠤᠷ`;
    const saved = await l.call<SavedCase>(
      'cases.create',
      intake({ parties: [person(), herder({ ownScriptName: withFvs })] }),
    );
    const stored = saved.case.parties[1]!;
    expect(stored.ownScriptName).toBe(withFvs);
    expect(stored.ownScriptAddress).toBe(ADDRESS);
    expect(saved.case.parties[0]!.ownScriptName).toBeNull();
  });

  it('refuses Chinese in the Mongolian box: BAD_INPUT, the field, SCRIPT_MISMATCH', async () => {
    const res = await l.raw(
      'cases.create',
      intake({ parties: [person(), herder({ ownScriptName: '包某' })] }),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('BAD_INPUT');
    expect(res.error.message).toContain('蒙古文姓名只能填写蒙古文，含有汉字“包”');
    expect(res.error.issues).toEqual([
      {
        path: ['parties', 1, 'ownScriptName'],
        message: expect.stringContaining('汉字“包”') as unknown as string,
        code: 'SCRIPT_MISMATCH',
      },
    ]);
  });

  it('a correction writes field-level history; the search follows', async () => {
    const c = (await create()).case;
    const p = c.parties[1]!;
    const corrected = `ᠪᠠᠲᠤ`;
    const fixed = await l.call<SavedCase>('parties.update', {
      caseId: c.id,
      partyId: p.id,
      expectedVersion: p.version,
      party: asInput(p, { ownScriptName: corrected }),
    });
    expect(fixed.case.parties[1]!.ownScriptName).toBe(corrected);
    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: c.id });
    const set = history.find((h) => h.entity === 'PARTY' && h.action === 'UPDATE')!;
    expect(set.fields.map((f) => [f.field, f.label, f.oldText, f.newText])).toEqual([
      ['ownScriptName', '本民族文字姓名', NAME, corrected],
    ]);

    const search = async (text: string) =>
      (await l.call<{ rows: { id: number }[] }>('cases.search', { text })).rows.map((r) => r.id);
    expect(await search(corrected)).toEqual([c.id]);
    expect(await search(NAME)).toEqual([]);
  });

  it('finds the case by the exact own-script name and address; no pinyin key of it', async () => {
    const c = (await create()).case;
    const search = async (text: string) =>
      (await l.call<{ rows: { id: number }[] }>('cases.search', { text })).rows.map((r) => r.id);
    expect(await search(NAME)).toEqual([c.id]);
    expect(await search('ᠭᠣᠣᠯ ᠠᠶᠢᠮᠠᠭ')).toEqual([c.id]);
    // Letters present in the name but not in this order find nothing.
    expect(await search('ᠲᠤᠷᠪᠠ')).toEqual([]);
    // The index holds the Chinese name's pinyin keys, and of the Mongolian name only its
    // letter pairs: no whole-name key as a romanisation or key of it would be.
    const hits = (match: string) =>
      l.core.ledger
        .db()
        .prepare('SELECT rowid FROM case_search WHERE case_search MATCH ?')
        .pluck()
        .all(match);
    expect(hits('"bm"')).toEqual([c.id]);
    expect(hits(`"${NAME}"`)).toEqual([]);
    expect(hits(`"${NAME}"*`)).toEqual([]);
    expect(hits('"ᠪᠠ" AND "ᠲᠤ"')).toEqual([c.id]);
    const stored = l.core.ledger
      .db()
      .prepare("SELECT name_initials FROM party WHERE name = '包某'")
      .pluck()
      .get();
    expect(stored).toBe(nameInitials('包某'));
  });

  it('the audit chain covers the new columns: an outside edit is found', async () => {
    const c = (await create()).case;
    const file = ledgerPaths(l.dir).ledgerFile;
    const triggers = l.core.ledger
      .db()
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_after_update_party'")
      .pluck()
      .get() as string;
    expect(triggers).toContain('own_script_name');
    expect(triggers).toContain('own_script_address');
    l.core.close();
    expect(verifyLedgerFile(file).rowFindings).toEqual([]);
    const outside = openOutside(file);
    dropAuditTriggers(outside);
    outside.prepare("UPDATE party SET own_script_address = 'ᠠᠷᠠᠳ' WHERE name = '包某'").run();
    outside.close();
    expect(verifyLedgerFile(file).rowFindings).toEqual([
      expect.objectContaining({ kind: 'ROW_CHANGED', table: 'party', caseId: c.id }),
    ]);
  });
});

describe('migration 024', () => {
  it('upgrades a ledger of version 23 with parties: columns added empty, triggers cover them', async () => {
    const l = await openTestLedger();
    try {
      await l.core.ledger.whenChecked();
      await setUpRoom(l);
      const c = (await l.call<SavedCase>('cases.create', intake())).case;
      l.core.close();
      // Back to version 23 as an older app left it: no own-script columns, their triggers gone.
      const file = ledgerPaths(l.dir).ledgerFile;
      const old = openOutside(file);
      dropAuditTriggers(old, 'row');
      old.exec('ALTER TABLE party DROP COLUMN own_script_address');
      old.exec('ALTER TABLE party DROP COLUMN own_script_name');
      // nor the accounts of migration 025 and the translation wording of 026
      old.exec('DROP TABLE desk_account; DROP TABLE desk_security;');
      old.exec('DROP TABLE translation_wording;');
      // nor the registering account of migration 028
      old.exec('DROP INDEX case_file_registrar');
      old.exec('ALTER TABLE case_file DROP COLUMN registrar_account_id');
      // nor the claim summary of migration 030 and the triggers that empty it
      const summaryTriggers = old
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claim_summary_stale_%'",
        )
        .pluck()
        .all() as string[];
      for (const name of summaryTriggers) old.exec(`DROP TRIGGER ${name}`);
      old.exec('DROP TABLE claim_case_summary');
      // nor the search index rebuild's row of migration 031
      old.exec('DROP TABLE case_search_upgrade');
      old.pragma('user_version = 23');
      old.close();

      const core = await openSignedInCore({ dataDir: l.dir, appVersion: 'test' });
      try {
        await core.ledger.whenChecked();
        expect(core.ledger.damaged).toBe(false);
        const db = core.ledger.db();
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        const rows = db
          .prepare('SELECT name, own_script_name, own_script_address FROM party WHERE case_id = ?')
          .all(c.id);
        expect(rows).toEqual([
          { name: '王芳', own_script_name: null, own_script_address: null },
          { name: '扎西多杰', own_script_name: null, own_script_address: null },
        ]);
        const trigger = db
          .prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_after_insert_party'")
          .pluck()
          .get() as string;
        expect(trigger).toContain('own_script_name');
      } finally {
        core.close();
      }
    } finally {
      l.close();
    }
  });
});

describe('the search index across the migrations', () => {
  it('re-indexes a pre-024 ledger in migration 008 and indexes own-script names after 024', async () => {
    // Migration 008 re-indexes every case with today's code on a ledger without the columns;
    // the same connection then goes on past 024 and must index the new columns.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-own-script-'));
    const db = openConnection(path.join(dir, 'l.sqlite'));
    try {
      const now = () => new Date('2026-03-01T00:00:00Z');
      const before008 = MIGRATIONS.findIndex((m) => m.name.startsWith('change history'));
      await migrate(db, { migrations: MIGRATIONS.slice(0, before008), backupDir: null, now });
      const at = now().getTime();
      db.prepare(
        `INSERT INTO case_file (id, status, title, intake_date, source, category, summary,
           requests_json, risk_level, created_at, updated_at)
         VALUES (1, 'INTAKE', '包某与王某草场纠纷', '2026-03-01', 'ON_APPLICATION', 'NEIGHBOUR',
           '草场边界', '[]', 'LOW', ?, ?)`,
      ).run(at, at);
      db.prepare(
        `INSERT INTO party (id, case_id, sort, kind, role, name, phone, phone_kind, address,
           preferred_language, created_at, updated_at)
         VALUES (1, 1, 0, 'NATURAL', 'APPLICANT', '包某', '13800001234', 'MOBILE', '某嘎查',
           'mn', ?, ?)`,
      ).run(at, at);
      await migrate(db, { migrations: MIGRATIONS, backupDir: null, now });
      db.prepare('UPDATE party SET own_script_name = ? WHERE id = 1').run(NAME);
      refreshCaseSearch(db, 1);
      const hits = (match: string) =>
        db.prepare('SELECT rowid FROM case_search WHERE case_search MATCH ?').pluck().all(match);
      expect(hits('"草场"')).toEqual([1]);
      expect(hits('"ᠪᠠ" AND "ᠲᠤ"')).toEqual([1]);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
