import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Db } from '../../../db/connection.js';
import { insertSession } from '../../../db/cases/case-writes.js';
import { insertPrintedDocument } from '../../../db/documents/print-register-queries.js';
import {
  CLAIM_SUMMARY_SOURCES,
  migration030,
} from '../../../db/migrations/030-claim-case-summary.js';
import {
  insertTierConfirmation,
  saveCaseSubsidyFacts,
} from '../../../db/subsidy/case-subsidy-queries.js';
import { insertAttachment } from '../../../db/volume/volume-queries.js';
import { rowsChangedSinceOpen, rowsWrittenSinceOpen } from '../../../db/wal-checkpoint.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import type { PartyValues } from '../../../domain/cases/party-input.js';
import { parsePeriod } from '../../../domain/statistics/period.js';
import type { SubsidyRules } from '../../../domain/subsidy/subsidy-rules.js';
import type { SubsidyClaimPack } from '../../../domain/subsidy/subsidy-views.js';
import { CLAIM_SUMMARY_LOGIC_VERSION } from '../../../electron/services/subsidy-claim-cases.js';
import { SubsidyService } from '../../../electron/services/subsidy-service.js';
import { AuditService } from '../../../electron/services/audit-service.js';
import { claimPackAsBefore } from '../support/claim-pack-as-before.js';
import {
  PNG_BYTES,
  settledWithInstalments,
  type SettledCase,
} from '../followups/followup-fixtures.js';
import { plainSession, printOf, settledCase } from './claim-case-seed.js';
import { activateExampleRules } from './subsidy-fixtures.js';

/**
 * The claim packs' per-case summary (migration 030) on a real ledger: the grassland case (settled
 * with instalments, mediated by 才让; every source table given a row of it) and a second
 * settlement of the same mediator. Each write to a source table must leave the case without a
 * current summary, and every pack — summary cold, warm or partly stale — must equal the pack
 * computed with the summary dropped and the pack read as before (`claimPackAsBefore`).
 */

const PERIOD = '2026-Q1';
const NOW = '2026-03-15T02:00:00.000Z';
let s: SettledCase;
let db: Db;
let service: SubsidyService;
let caseA: number;
let caseB: number;
let rulesId: string;
let rules: SubsidyRules;

const packs = () => service.claimPacks(PERIOD);
/** The chain's CLAIM_SUMMARY_DROPPED entries' details. */
const droppedEntries = () =>
  (
    db
      .prepare("SELECT detail FROM audit_log WHERE action = 'CLAIM_SUMMARY_DROPPED' ORDER BY seq")
      .pluck()
      .all() as string[]
  ).map((detail) => JSON.parse(detail) as unknown);
const summaryOf = (caseId: number) =>
  db.prepare('SELECT count(*) FROM claim_case_summary WHERE case_id = ?').pluck().get(caseId);
/** The packs as the full read computes them (no summary at all), and leaves it filled again. */
/** The one mediator's pack as it was read before the summary (the oracle). */
function asBefore(): SubsidyClaimPack[] {
  const period = parsePeriod(PERIOD);
  if (!period) throw new Error(PERIOD);
  return [claimPackAsBefore(db, rules, period, s.m.mediatorId)];
}

function coldPacks(): SubsidyClaimPack[] {
  db.exec('DELETE FROM claim_case_summary');
  const cold = packs();
  expect(service.lastComputedCases).toBe(2);
  return cold;
}

const VILLAGER: PartyValues = {
  kind: 'NATURAL',
  role: 'APPLICANT',
  name: '马福祥',
  gender: 'MALE',
  genderConfirmed: false,
  ethnicity: '01',
  birthDate: null,
  occupation: '牧民',
  phone: { kind: 'MOBILE', phone: '13800000001', noPhoneReason: null },
  address: '格尔木市唐古拉山镇长江源村',
  note: null,
  idDocument: null,
  representatives: [],
} as unknown as PartyValues;

/** A row of the grassland case in every source table that its settlement did not fill. */
function fillEverySource(): void {
  const partyId = s.m.partyIds[0] as number;
  insertSession(db, caseA, plainSession('2026-03-08', s.m.mediatorId), '调解', NOW);
  insertPrintedDocument(db, printOf(caseA, 'RIGHTS_NOTICE'), NOW);
  insertAttachment(
    db,
    {
      caseId: caseA,
      kind: 'IDENTITY_PROOF',
      partyId,
      fileName: '身份证.png',
      mediaType: 'image/png',
      bytes: PNG_BYTES,
      sha256: 'e'.repeat(64),
    },
    NOW,
  );
  saveCaseSubsidyFacts(
    db,
    {
      caseId: caseA,
      inCountyRegister: true,
      countyRegisterRef: null,
      crossArea: false,
      oralAttendanceProven: false,
    },
    0,
    NOW,
  );
  insertTierConfirmation(db, {
    caseId: caseA,
    rulesId,
    tierCode: 'GENERAL',
    suggestedTierCode: 'GENERAL',
    reason: null,
    confirmedBy: '本机用户',
    confirmedAt: NOW,
  });
  // Tables no service call of this fixture writes: plain SQL rows.
  const ms = Date.parse(NOW);
  db.prepare(
    `INSERT INTO investigation_record (case_id, at, place, investigated_json, participants_json,
       investigator_ids_json, recorder, content, created_at, updated_at)
     VALUES (?, '2026-03-06T10:00', '草场', '[]', '[]', '[]', '李明', '查看草场边界。', ?, ?)`,
  ).run(caseA, ms, ms);
  db.prepare(
    `INSERT INTO party_representative (party_id, sort, kind, name, relationship, phone,
       phone_kind, created_at, updated_at)
     VALUES (?, 0, 'AGENT', '韩学明', '朋友', '13700001111', 'MOBILE', ?, ?)`,
  ).run(partyId, ms, ms);
  const followupId = db
    .prepare('SELECT id FROM followup WHERE case_id = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(caseA) as number;
  db.prepare(
    `INSERT INTO followup_proof (followup_id, file_name, media_type, byte_length, sha256, bytes,
       created_at) VALUES (?, '转账凭证.png', 'image/png', ?, ?, ?, ?)`,
  ).run(followupId, PNG_BYTES.length, 'f'.repeat(64), PNG_BYTES, NOW);
  db.prepare(
    `INSERT INTO judicial_confirmation (case_id, agreement_id, applied_date, court, decision,
       applied_late, created_at, updated_at)
     VALUES (?, ?, '2026-03-22', '格尔木市人民法院', 'PENDING', 0, ?, ?)`,
  ).run(caseA, s.agreement.id, NOW, NOW);
  db.prepare(
    `INSERT INTO case_volume_note (case_id, note_date, text, created_by, created_at)
     VALUES (?, '2026-03-25', '卷内备考。', '本机用户', ?)`,
  ).run(caseA, NOW);
}

beforeAll(async () => {
  s = await settledWithInstalments();
  s.setClock('2026-04-10T02:00:00Z');
  const imported = await activateExampleRules(s.m.l);
  rulesId = imported.summary.rulesId;
  rules = (
    await s.m.l.call<{ rules: SubsidyRules }>('subsidy.getRules', { rowId: imported.summary.rowId })
  ).rules;
  db = s.m.l.core.ledger.db();
  service = new SubsidyService(s.m.l.core.ledger, 'templates');
  caseA = s.m.detail.id;
  caseB = settledCase(db, {
    lead: s.m.mediatorId,
    parties: [VILLAGER, { ...VILLAGER, name: '李永贵', role: 'RESPONDENT' } as PartyValues],
    accepted: '2026-03-02',
    settled: '2026-03-12',
  });
  fillEverySource();
}, 60_000);
afterAll(() => s.m.l.close());

/**
 * Every table the claim rows, the volume judge and the same-dispute identities of a pack read per
 * case (listed here, not taken from the migration, so a table dropped there fails here).
 */
const SOURCES = [
  'case_file',
  'case_outcome',
  'party',
  'case_mediator',
  'session_record',
  'status_history',
  'printed_document',
  'case_attachment',
  'party_representative',
  'investigation_record',
  'agreement',
  'followup',
  'followup_proof',
  'judicial_confirmation',
  'case_volume_note',
  'case_subsidy_facts',
  'case_subsidy_tier',
];

/** Which rows of a source table are the grassland case's (`?` is its id). */
function rowsOfCase(table: string): string {
  if (table === 'case_file') return 'id = ?';
  if (table === 'party_representative')
    return 'party_id IN (SELECT id FROM party WHERE case_id = ?)';
  if (table === 'followup_proof')
    return 'followup_id IN (SELECT id FROM followup WHERE case_id = ?)';
  return 'case_id = ?';
}

/** A column of the table that is no part of its key (set to itself: a write changing nothing). */
function plainColumn(table: string): string {
  const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as {
    name: string;
    pk: number;
  }[];
  const column = columns.find((c) => c.pk === 0 && c.name !== 'case_id') ?? columns[0];
  return (column as { name: string }).name;
}

/** Tables one row per case (or per agreement) cannot take a second copy of a row. */
const ONE_PER_CASE = new Set([
  'case_file',
  'case_outcome',
  'case_mediator',
  'case_subsidy_facts',
  'judicial_confirmation',
]);
/** Append-only tables (their own triggers refuse UPDATE and DELETE). */
const APPEND_ONLY = new Set([
  'status_history',
  'printed_document',
  'case_volume_note',
  'case_subsidy_tier',
]);

/** Columns a copy must change to be taken (unique within the case). */
const UNIQUE_IN_COPY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  session_record: { session_no: 'session_no + 100' },
  printed_document: { print_version: 'print_version + 100' },
};

type Write = 'insert' | 'update' | 'delete';

/** A plain SQL write to `table` touching the grassland case: a copy of its newest row, that row set to itself, or the copy removed again. */
function write(table: string, kind: Write): void {
  const newest = `(SELECT max(rowid) FROM ${table} WHERE ${rowsOfCase(table)})`;
  if (kind === 'update') {
    const column = plainColumn(table);
    db.prepare(`UPDATE ${table} SET ${column} = ${column} WHERE ${rowsOfCase(table)}`).run(caseA);
    return;
  }
  if (kind === 'delete') {
    db.prepare(`DELETE FROM ${table} WHERE rowid = ${newest}`).run(caseA);
    return;
  }
  const columns = (
    db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as {
      name: string;
      pk: number;
    }[]
  )
    .filter((c) => c.pk === 0)
    .map((c) => c.name);
  const unique = UNIQUE_IN_COPY[table] ?? {};
  db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT ${columns.map((c) => unique[c] ?? c).join(', ')} FROM ${table} WHERE rowid = ${newest}`,
  ).run(caseA);
}

function writesOf(table: string): Write[] {
  if (ONE_PER_CASE.has(table)) return ['update'];
  if (APPEND_ONLY.has(table)) return ['insert'];
  return ['insert', 'update', 'delete'];
}

describe('the claim summary', () => {
  it('has a row of the grassland case in every source table (else the test below proves nothing)', () => {
    for (const table of SOURCES) {
      expect([
        table,
        db
          .prepare(`SELECT count(*) FROM ${table} WHERE ${rowsOfCase(table)}`)
          .pluck()
          .get(caseA),
      ]).not.toEqual([table, 0]);
    }
  });

  it('every source table: a write leaves that case (only) stale, and the next pack is the pack computed afresh', () => {
    for (const table of SOURCES) {
      for (const kind of writesOf(table)) {
        packs();
        expect([table, kind, summaryOf(caseA), summaryOf(caseB)]).toEqual([table, kind, 1, 1]);
        write(table, kind);
        expect([table, kind, summaryOf(caseA), summaryOf(caseB)]).toEqual([table, kind, 0, 1]);
        const partlyStale = packs();
        expect([table, kind, service.lastComputedCases]).toEqual([table, kind, 1]);
        expect(coldPacks()).toEqual(partlyStale);
        expect(partlyStale).toEqual(asBefore());
      }
    }
  });

  it('every source table keeps its three stale triggers in the latest schema (a table rebuilt by a later migration loses its triggers)', () => {
    expect([...CLAIM_SUMMARY_SOURCES].sort()).toEqual([...SOURCES].sort());
    const triggers = db
      .prepare(
        "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claim_summary_stale_%'",
      )
      .all() as { tbl_name: string; name: string }[];
    for (const table of SOURCES) {
      expect(
        triggers
          .filter((t) => t.tbl_name === table)
          .map((t) => t.name)
          .sort(),
      ).toEqual(['delete', 'insert', 'update'].map((k) => `claim_summary_stale_${table}_${k}`));
    }
  });

  it('a party renamed outside the desk (plain SQL) is in the next pack', () => {
    packs();
    expect(summaryOf(caseB)).toBe(1);
    db.prepare("UPDATE party SET name = '祁学明' WHERE case_id = ? AND name = '李永贵'").run(caseB);
    const after = packs();
    expect(service.lastComputedCases).toBe(1);
    expect(JSON.stringify(after)).toContain('祁学明');
    expect(JSON.stringify(after)).not.toContain('李永贵');
    expect(after).toEqual(asBefore());
    expect(coldPacks()).toEqual(after);
  });

  it('migration 030 on a ledger with cases: every case stale, the first pack as before, the second from the summary', () => {
    // The migration run again on this ledger as a ledger of 029 would meet it: no table, no
    // triggers, the cases there.
    const names = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claim_summary_stale_%'",
      )
      .pluck()
      .all() as string[];
    db.transaction(() => {
      for (const name of names) db.exec(`DROP TRIGGER ${name}`);
      db.exec('DROP TABLE claim_case_summary');
      migration030.up(db);
    })();
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
    const first = packs();
    expect(service.lastComputedCases).toBe(2);
    expect(first).toEqual(asBefore());
    const second = packs();
    expect(service.lastComputedCases).toBe(0);
    expect(second).toEqual(first);
    // The second pack is the summary's: a row changed behind the triggers' back shows.
    db.prepare(
      "UPDATE claim_case_summary SET payload = replace(payload, '院墙纠纷', '院墙纠纷（摘要）') WHERE case_id = ?",
    ).run(caseB);
    expect(JSON.stringify(packs())).toContain('院墙纠纷（摘要）');
    db.exec('DELETE FROM claim_case_summary');
  });

  it('a connection that may not write (query_only): packs still right, nothing written; written back later, and never counted as a ledger change', () => {
    db.exec('DELETE FROM claim_case_summary');
    const changed = rowsChangedSinceOpen(db);
    const written = rowsWrittenSinceOpen(db);
    db.pragma('query_only = ON');
    try {
      for (let i = 0; i < 2; i += 1) {
        expect(packs()).toEqual(asBefore());
        expect(service.lastComputedCases).toBe(2);
      }
    } finally {
      db.pragma('query_only = OFF');
    }
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
    packs();
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(2);
    expect(rowsChangedSinceOpen(db)).toBe(changed);
    // …but they went through the WAL: the idle checkpoint and the conversion's "nothing written
    // since the start-up check" count them.
    expect(rowsWrittenSinceOpen(db)).toBe(written + 2);
  });

  it('rows of another logic version or another rule are recomputed', () => {
    packs();
    expect(service.lastComputedCases).toBe(0);
    db.prepare('UPDATE claim_case_summary SET logic_version = ?').run(
      CLAIM_SUMMARY_LOGIC_VERSION - 1,
    );
    expect(packs()).toEqual(asBefore());
    expect(service.lastComputedCases).toBe(2);
    expect(
      db.prepare('SELECT DISTINCT logic_version FROM claim_case_summary').pluck().all(),
    ).toEqual([CLAIM_SUMMARY_LOGIC_VERSION]);
    db.prepare("UPDATE claim_case_summary SET rules_id = 'another-rule'").run();
    expect(packs()).toEqual(asBefore());
    expect(service.lastComputedCases).toBe(2);
  });
  it('another connection holding the write lock: the pack is still right and simply writes nothing back', () => {
    db.exec('DELETE FROM claim_case_summary');
    const other = openConnection(db.name);
    // At the desk's own busy_timeout (5000): the write-back upgrades the pack's read transaction,
    // and SQLite answers that upgrade SQLITE_BUSY at once without calling the busy handler, so
    // the pack never stalls here. Do not move the write-back out of the read transaction (or
    // retry it): it would then wait up to 5 s behind the other writer.
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(packs()).toEqual(asBefore());
      expect(service.lastComputedCases).toBe(2);
      expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    packs();
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(2);
  });

  it('audit.verify recomputes every stored summary: untampered OK; one payload changed by plain SQL names that case and is not OK; a garbage payload is recomputed by the pack', async () => {
    const audit = new AuditService(s.m.l.core.ledger, async () => {});
    const earlier = droppedEntries().length;
    coldPacks();
    packs();
    expect(service.lastComputedCases).toBe(0);
    const clean = await audit.verify();
    expect(clean.rowFindings).toEqual([]);
    expect(clean.verdict).toBe('OK');

    // A tier nobody confirmed and a complete volume, written into the summary behind the desk.
    const payload = JSON.parse(
      db
        .prepare('SELECT payload FROM claim_case_summary WHERE case_id = ?')
        .pluck()
        .get(caseA) as string,
    ) as unknown[];
    payload[22] = 'DIFFICULT';
    payload[25] = true;
    payload[26] = [];
    db.prepare('UPDATE claim_case_summary SET payload = ? WHERE case_id = ?').run(
      JSON.stringify(payload),
      caseA,
    );
    const tampered = await audit.verify();
    expect(tampered.verdict).toBe('BROKEN');
    const caseNumberA = db
      .prepare('SELECT case_number FROM case_file WHERE id = ?')
      .pluck()
      .get(caseA) as string;
    expect(caseNumberA).toMatch(/\S/);
    expect(tampered.rowFindings).toEqual([
      expect.objectContaining({
        kind: 'CLAIM_SUMMARY_CHANGED',
        caseId: caseA,
        caseNumber: caseNumberA,
      }),
    ]);
    expect(tampered.details.join('\n')).toContain(`案件 ${caseNumberA} 的补贴申报汇总`);

    // The verify drops the flagged row on the writer: the next pack recomputes that case (and
    // only it) and equals the oracle, though the edit was well-formed ("current" to a pack).
    expect(summaryOf(caseA)).toBe(0);
    expect(packs()).toEqual(asBefore());
    expect(service.lastComputedCases).toBe(1);
    // The row is gone, so the next verify is OK: the edit stays on record in the chain.
    expect((await audit.verify()).verdict).toBe('OK');
    expect(droppedEntries().slice(earlier, earlier + 1)).toEqual([{ caseIds: [caseA] }]);

    // Bit-rot: not JSON, then JSON of the wrong shape. The pack recomputes (never throws) and
    // heals the row; the verify flags it meanwhile.
    for (const garbage of ['[1, 2', JSON.stringify({ caseId: caseB }), JSON.stringify([caseA])]) {
      db.prepare('UPDATE claim_case_summary SET payload = ? WHERE case_id = ?').run(garbage, caseB);
      expect((await audit.verify()).rowFindings).toEqual([
        expect.objectContaining({ kind: 'CLAIM_SUMMARY_CHANGED', caseId: caseB }),
      ]);
      expect(packs()).toEqual(asBefore());
      expect(service.lastComputedCases).toBe(1);
    }
    expect((await audit.verify()).verdict).toBe('OK');
  });

  it('audit.verify on a ledger that may not be written keeps the flagged row (and flags it again); the next writable verify drops it', async () => {
    const audit = new AuditService(s.m.l.core.ledger, async () => {});
    const earlier = droppedEntries().length;
    coldPacks();
    db.prepare(
      "UPDATE claim_case_summary SET payload = json_set(payload, '$[22]', 'DIFFICULT') WHERE case_id = ?",
    ).run(caseA);
    db.pragma('query_only = ON');
    try {
      expect((await audit.verify()).verdict).toBe('BROKEN');
      expect(summaryOf(caseA)).toBe(1);
      expect((await audit.verify()).rowFindings).toEqual([
        expect.objectContaining({ kind: 'CLAIM_SUMMARY_CHANGED', caseId: caseA }),
      ]);
    } finally {
      db.pragma('query_only = OFF');
    }
    expect(droppedEntries().length).toBe(earlier);
    expect((await audit.verify()).verdict).toBe('BROKEN');
    expect(summaryOf(caseA)).toBe(0);
    expect(summaryOf(caseB)).toBe(1);
    expect(droppedEntries().slice(earlier)).toEqual([{ caseIds: [caseA] }]);
    expect(packs()).toEqual(asBefore());
    expect(service.lastComputedCases).toBe(1);
  });

  it('before the start-up check has found the file intact, or while the audit baseline is recorded: packs right, nothing written', () => {
    const ledger = s.m.l.core.ledger as unknown as {
      healthState: unknown;
      baselineFill: unknown;
    };
    const health = ledger.healthState;
    db.exec('DELETE FROM claim_case_summary');
    ledger.healthState = { state: 'CHECKING' };
    try {
      expect(packs()).toEqual(asBefore());
      expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
    } finally {
      ledger.healthState = health;
    }
    const fill = ledger.baselineFill;
    ledger.baselineFill = { finished: false, progress: { done: 1, total: 2 } };
    try {
      expect(packs()).toEqual(asBefore());
      expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
    } finally {
      ledger.baselineFill = fill;
    }
    packs();
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(2);
  });

  it('a full disk: the pack is still answered (the write-back is skipped), and written once there is room', () => {
    // A title long enough that the case's payload needs pages the file may no longer grow by.
    db.prepare('UPDATE case_file SET title = ? WHERE id = ?').run('草场'.repeat(15_000), caseB);
    db.exec('DELETE FROM claim_case_summary');
    db.exec('VACUUM');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    try {
      expect(packs()).toEqual(asBefore());
      expect(service.lastComputedCases).toBe(2);
      expect(db.inTransaction).toBe(false);
      expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    expect(packs()).toEqual(asBefore());
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(2);
  });

  it('any later migration step empties the summary (a rebuilt source table fires no trigger)', async () => {
    packs();
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(2);
    const later = { version: MIGRATIONS.length + 1, name: 'later', up: () => {} };
    try {
      await migrate(db, {
        migrations: [...MIGRATIONS, later],
        backupDir: null,
        now: () => new Date(NOW),
      });
      expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
    } finally {
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    }
    expect(packs()).toEqual(asBefore());
    expect(service.lastComputedCases).toBe(2);
  });

  // Last: the ledger stays damaged.
  it('a damaged ledger: packs still right and nothing written, even if its connection could write', () => {
    db.exec('DELETE FROM claim_case_summary');
    s.m.l.core.ledger.markDamaged(['test']);
    db.pragma('query_only = OFF');
    expect(packs()).toEqual(asBefore());
    expect(service.lastComputedCases).toBe(2);
    expect(db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get()).toBe(0);
  });
});
