import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCase, insertParty, updateParty } from '../../../db/cases/case-writes.js';
import { openConnection, type Db } from '../../../db/connection.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { caseIntakeSchema } from '../../../domain/cases/case-input.js';
import type { PartyValues } from '../../../domain/cases/party-input.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A party correction commits only the b-trees it changes: a new name rewrites the party row (and
 * its history elsewhere), not a leaf of the phone or ID-number index. Read from the WAL itself:
 * after a checkpoint it holds exactly the pages the update wrote.
 */
const NOW = '2026-03-10T02:00:00.000Z';

function intake() {
  return caseIntakeSchema.parse({
    intakeDate: '2026-03-10',
    source: 'ON_APPLICATION',
    category: 'FOREST_LAND',
    subtype: 'GRASSLAND',
    summary: '双方因冬季草场网围栏位置发生争议。',
    parties: [
      {
        kind: 'NATURAL',
        role: 'APPLICANT',
        name: '王芳',
        gender: 'FEMALE',
        ethnicity: '01',
        phone: { phone: '13708854495' },
        address: '格尔木市唐古拉山镇',
        idDocument: { type: 'RESIDENT_ID', number: '11010519491231002X' },
      },
    ],
  });
}

let db: Db;
let file = '';

beforeEach(async () => {
  file = path.join(tempDir('md-party-update'), 'l.sqlite');
  db = openConnection(file);
  await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date(NOW) });
});

afterEach(() => db.close());

/** The root page of each named b-tree: in a ledger this small, its only page. */
function rootPages(names: readonly string[]): Map<string, number> {
  const rows = db
    .prepare(`SELECT name, rootpage FROM sqlite_schema WHERE name IN (${names.map(() => '?')})`)
    .all(...names) as { name: string; rootpage: number }[];
  return new Map(rows.map((r) => [r.name, r.rootpage]));
}

/** Runs `write` on an empty WAL and returns the page numbers of the frames it wrote. */
function pagesWrittenBy(write: () => void): Set<number> {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  write();
  const wal = fs.readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const pages = new Set<number>();
  for (let at = 32; at + 24 <= wal.length; at += pageSize + 24) pages.add(wal.readUInt32BE(at));
  return pages;
}

function savedParty(): { caseId: number; partyId: number; party: PartyValues } {
  const values = intake();
  const party = values.parties[0]!;
  return db.transaction(() => {
    const caseId = insertCase(db, { ...values, title: '王芳草场纠纷' }, 'INTAKE', NOW);
    return { caseId, partyId: insertParty(db, caseId, party, NOW), party };
  })();
}

describe('updateParty', () => {
  it('a new name leaves the phone and ID-number indexes unwritten', () => {
    const { caseId, partyId, party } = savedParty();
    const roots = rootPages(['party', 'party_by_phone', 'party_by_id_number']);
    const written = pagesWrittenBy(() => {
      expect(
        db.transaction(() =>
          updateParty(db, caseId, partyId, 1, { ...party, name: '王方' }, NOW),
        )(),
      ).toBe(true);
    });
    expect(written.has(roots.get('party')!)).toBe(true);
    expect(written.has(roots.get('party_by_phone')!)).toBe(false);
    expect(written.has(roots.get('party_by_id_number')!)).toBe(false);
  });

  it('a new phone writes its index, and every column reads back as typed', () => {
    const { caseId, partyId, party } = savedParty();
    const roots = rootPages(['party_by_phone', 'party_by_id_number']);
    const corrected = { ...party, phone: { ...party.phone, phone: '13912345678' } } as PartyValues;
    const written = pagesWrittenBy(() => {
      expect(db.transaction(() => updateParty(db, caseId, partyId, 1, corrected, NOW))()).toBe(
        true,
      );
    });
    expect(written.has(roots.get('party_by_phone')!)).toBe(true);
    expect(written.has(roots.get('party_by_id_number')!)).toBe(false);
    const row = db
      .prepare('SELECT name, phone, id_number, version FROM party WHERE id = ?')
      .get(partyId);
    expect(row).toEqual({
      name: '王芳',
      phone: '13912345678',
      id_number: '11010519491231002X',
      version: 2,
    });
  });

  it('refuses a stale version and changes nothing', () => {
    const { caseId, partyId, party } = savedParty();
    expect(updateParty(db, caseId, partyId, 7, { ...party, name: '王方' }, NOW)).toBe(false);
    expect(updateParty(db, caseId + 1, partyId, 1, { ...party, name: '王方' }, NOW)).toBe(false);
    expect(db.prepare('SELECT name, version FROM party WHERE id = ?').get(partyId)).toEqual({
      name: '王芳',
      version: 1,
    });
  });
});
