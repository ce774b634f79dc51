import type {
  PackageCase,
  PackageManifest,
  PackageParty,
  PackageScreening,
} from '../../domain/statistics/county-package.js';
import type { Db } from '../connection.js';

export interface MergeResult {
  readonly alreadyImported: boolean;
  readonly added: number;
  readonly replaced: number;
  readonly kept: number;
  /** Of `replaced`: cases the room flagged as 更正 of an earlier report. */
  readonly corrected: number;
}

/**
 * Merges one verified package in one transaction. Idempotent: a package already imported (same
 * SHA-256) changes nothing; a case is replaced only by a strictly newer version of itself, with
 * its parties; older or equal versions are kept as they are.
 */
export function mergePackage(
  db: Db,
  pkg: {
    sha256: string;
    fileName: string;
    manifest: PackageManifest;
    cases: readonly PackageCase[];
    parties: readonly PackageParty[];
    screening: readonly PackageScreening[];
  },
  importedAt: string,
): MergeResult {
  return db
    .transaction((): MergeResult => {
      const seen = db
        .prepare('SELECT 1 FROM county_import WHERE package_sha256 = ?')
        .get(pkg.sha256);
      if (seen) return { alreadyImported: true, added: 0, replaced: 0, kept: 0, corrected: 0 };
      const room = pkg.manifest.room;
      db.prepare(
        `INSERT INTO room (room_key, committee_name, room_name, organisation_type, division_code)
         VALUES (@roomKey, @committeeName, @roomName, @organisationType, @divisionCode)
         ON CONFLICT (room_key) DO UPDATE SET committee_name = excluded.committee_name,
           room_name = excluded.room_name, organisation_type = excluded.organisation_type,
           division_code = excluded.division_code`,
      ).run(room);
      const existing = db.prepare(
        'SELECT version FROM county_case WHERE room_key = ? AND case_key = ?',
      );
      const upsert = db.prepare(
        `INSERT OR REPLACE INTO county_case (room_key, case_key, version, category, subtype,
           source, status, accepted_date, outcome, outcome_date, difficult, persons, amount_fen,
           performed, confirmed, prevention_json, data_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const dropParties = db.prepare(
        'DELETE FROM county_party WHERE room_key = ? AND case_key = ?',
      );
      const addParty = db.prepare(
        `INSERT INTO county_party (room_key, case_key, party_key, kind, role, gender, ethnicity)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const partiesByCase = new Map<string, PackageParty[]>();
      for (const p of pkg.parties) {
        const list = partiesByCase.get(p.caseKey) ?? [];
        list.push(p);
        partiesByCase.set(p.caseKey, list);
      }
      let added = 0;
      let replaced = 0;
      let kept = 0;
      let corrected = 0;
      for (const c of pkg.cases) {
        const old = existing.get(room.roomKey, c.caseKey) as { version: number } | undefined;
        if (old && old.version >= c.version) {
          kept += 1;
          continue;
        }
        if (old) replaced += 1;
        else added += 1;
        if (old && c.correction) corrected += 1;
        upsert.run(
          room.roomKey,
          c.caseKey,
          c.version,
          c.category,
          c.subtype,
          c.source,
          c.status,
          c.acceptedDate,
          c.outcome,
          c.outcomeDate,
          c.difficult ? 1 : 0,
          c.persons,
          c.amountFen,
          c.performed ? 1 : 0,
          c.confirmed ? 1 : 0,
          JSON.stringify(c.prevention),
          JSON.stringify(c),
        );
        dropParties.run(room.roomKey, c.caseKey);
        for (const p of partiesByCase.get(c.caseKey) ?? []) {
          addParty.run(room.roomKey, c.caseKey, p.partyKey, p.kind, p.role, p.gender, p.ethnicity);
        }
      }
      const round = db.prepare(
        `INSERT INTO county_round (room_key, round_key, version, round_date, households_visited,
           issues_json, data_json) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (room_key, round_key) DO UPDATE SET version = excluded.version,
           round_date = excluded.round_date, households_visited = excluded.households_visited,
           issues_json = excluded.issues_json, data_json = excluded.data_json
         WHERE excluded.version > county_round.version`,
      );
      for (const s of pkg.screening) {
        round.run(
          room.roomKey,
          s.roundKey,
          s.version,
          s.roundDate,
          s.householdsVisited,
          JSON.stringify(s.issues),
          JSON.stringify(s),
        );
      }
      db.prepare(
        `INSERT INTO county_import (package_sha256, file_name, room_key, period, kind, cases_added,
           cases_replaced, cases_kept, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        pkg.sha256,
        pkg.fileName,
        room.roomKey,
        pkg.manifest.period.key,
        pkg.manifest.kind,
        added,
        replaced,
        kept,
        importedAt,
      );
      return { alreadyImported: false, added, replaced, kept, corrected };
    })
    .immediate();
}

/** One imported package as the county database recorded it. */
export interface CountyImportRow {
  readonly fileName: string;
  readonly committeeName: string;
  readonly period: string;
  readonly kind: string;
  readonly added: number;
  readonly replaced: number;
  readonly kept: number;
  readonly importedAt: string;
}

export function listCountyImports(db: Db, limit = 500): CountyImportRow[] {
  return db
    .prepare(
      `SELECT i.file_name AS fileName, r.committee_name AS committeeName, i.period, i.kind,
              i.cases_added AS added, i.cases_replaced AS replaced, i.cases_kept AS kept,
              i.imported_at AS importedAt
         FROM county_import AS i JOIN room AS r ON r.room_key = i.room_key
        ORDER BY i.id DESC LIMIT ?`,
    )
    .all(limit) as CountyImportRow[];
}
