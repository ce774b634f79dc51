import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/** One confirmation of a case's tier (append-only; the newest counts). */
export interface TierConfirmationRow {
  readonly id: number;
  readonly caseId: number;
  readonly rulesId: string;
  readonly tierCode: string;
  readonly suggestedTierCode: string | null;
  readonly reason: string | null;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

interface TierSqlRow {
  id: number;
  case_id: number;
  rules_id: string;
  tier_code: string;
  suggested_tier_code: string | null;
  reason: string | null;
  confirmed_by: string;
  confirmed_at: string;
}

const tierFromRow = (r: TierSqlRow): TierConfirmationRow => ({
  id: r.id,
  caseId: r.case_id,
  rulesId: r.rules_id,
  tierCode: r.tier_code,
  suggestedTierCode: r.suggested_tier_code,
  reason: r.reason,
  confirmedBy: r.confirmed_by,
  confirmedAt: r.confirmed_at,
});

/** A case's confirmations under one rule, newest first. */
export function listTierConfirmations(db: Db, caseId: number): TierConfirmationRow[] {
  return (
    statement(db, 'SELECT * FROM case_subsidy_tier WHERE case_id = ? ORDER BY id DESC').all(
      caseId,
    ) as TierSqlRow[]
  ).map(tierFromRow);
}

export function insertTierConfirmation(
  db: Db,
  row: Omit<TierConfirmationRow, 'id'>,
): TierConfirmationRow {
  const id = Number(
    statement(
      db,
      `INSERT INTO case_subsidy_tier (case_id, rules_id, tier_code, suggested_tier_code, reason,
         confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.caseId,
      row.rulesId,
      row.tierCode,
      row.suggestedTierCode,
      row.reason,
      row.confirmedBy,
      row.confirmedAt,
    ).lastInsertRowid,
  );
  return { id, ...row };
}

/** The reviewer-checked facts the ledger cannot derive. */
export interface CaseSubsidyFactsRow {
  readonly caseId: number;
  readonly inCountyRegister: boolean | null;
  readonly countyRegisterRef: string | null;
  readonly crossArea: boolean;
  readonly oralAttendanceProven: boolean;
  /** 0 while nothing was ever recorded. */
  readonly version: number;
}

interface FactsSqlRow {
  case_id: number;
  in_county_register: number | null;
  county_register_ref: string | null;
  cross_area: number;
  oral_attendance_proven: number;
  version: number;
}

export function getCaseSubsidyFacts(db: Db, caseId: number): CaseSubsidyFactsRow {
  const r = statement(db, 'SELECT * FROM case_subsidy_facts WHERE case_id = ?').get(caseId) as
    FactsSqlRow | undefined;
  if (!r) {
    return {
      caseId,
      inCountyRegister: null,
      countyRegisterRef: null,
      crossArea: false,
      oralAttendanceProven: false,
      version: 0,
    };
  }
  return {
    caseId,
    inCountyRegister: r.in_county_register === null ? null : r.in_county_register === 1,
    countyRegisterRef: r.county_register_ref,
    crossArea: r.cross_area === 1,
    oralAttendanceProven: r.oral_attendance_proven === 1,
    version: r.version,
  };
}

/** Writes the facts if still at `expectedVersion` (0 = never recorded); false on a stale save. */
export function saveCaseSubsidyFacts(
  db: Db,
  facts: Omit<CaseSubsidyFactsRow, 'version'>,
  expectedVersion: number,
  nowIso: string,
): boolean {
  const params = {
    caseId: facts.caseId,
    reg: facts.inCountyRegister === null ? null : facts.inCountyRegister ? 1 : 0,
    ref: facts.countyRegisterRef,
    cross: facts.crossArea ? 1 : 0,
    oral: facts.oralAttendanceProven ? 1 : 0,
    now: nowIso,
    expected: expectedVersion,
  };
  if (expectedVersion === 0) {
    return (
      statement(
        db,
        `INSERT INTO case_subsidy_facts (case_id, in_county_register, county_register_ref,
           cross_area, oral_attendance_proven, version, updated_at)
         VALUES (@caseId, @reg, @ref, @cross, @oral, 1, @now) ON CONFLICT (case_id) DO NOTHING`,
      ).run(params).changes === 1
    );
  }
  return (
    statement(
      db,
      `UPDATE case_subsidy_facts SET in_county_register = @reg, county_register_ref = @ref,
         cross_area = @cross, oral_attendance_proven = @oral, version = version + 1,
         updated_at = @now
       WHERE case_id = @caseId AND version = @expected`,
    ).run(params).changes === 1
  );
}
