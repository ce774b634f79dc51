import type { Migration } from './migration.js';

/**
 * Case-based subsidy claims (以案定补, issue 15) and mediator profiles.
 *
 * - Mediator profile: grade (首席, 一级–四级), 备案 number and status, full- or part-time,
 *   training and the few personal lines the 人民调解员登记表 prints. Counties check grade and
 *   备案 before they pay.
 * - `case_mediator.position`: the order mediators were named in, so "the lead (承办) mediator"
 *   is the first named one and not whichever has the lowest id. Existing rows keep NULL and
 *   sort by id, which is what they showed before.
 * - County rule files are stored whole and never edited in place: a changed file is a new row,
 *   so a claim pack printed last quarter can still name the exact rule it used (SHA-256).
 * - The mediator's tier confirmation is append-only; the newest row counts. Facts a reviewer
 *   checks that the ledger cannot derive (in the county register, cross-area, attendance of an
 *   oral case proven) are one row per case with a version, edits logged in change_set.
 */
export const migration012: Migration = {
  version: 12,
  name: 'subsidy claims and mediator profiles',
  up(db) {
    db.exec(`
      ALTER TABLE mediator ADD COLUMN grade TEXT
        CHECK (grade IN ('CHIEF', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4'));
      ALTER TABLE mediator ADD COLUMN filing_number TEXT;
      ALTER TABLE mediator ADD COLUMN filing_status TEXT NOT NULL DEFAULT 'NOT_FILED'
        CHECK (filing_status IN ('NOT_FILED', 'FILED', 'SUSPENDED', 'REVOKED'));
      ALTER TABLE mediator ADD COLUMN employment TEXT NOT NULL DEFAULT 'PART_TIME'
        CHECK (employment IN ('FULL_TIME', 'PART_TIME'));
      ALTER TABLE mediator ADD COLUMN profile_json TEXT NOT NULL DEFAULT '{}';

      ALTER TABLE case_mediator ADD COLUMN position INTEGER;

      CREATE TABLE subsidy_rules (
        row_id INTEGER PRIMARY KEY,
        rules_id TEXT NOT NULL,
        title TEXT NOT NULL,
        rules_json TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        is_example INTEGER NOT NULL CHECK (is_example IN (0, 1)),
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (rules_id, sha256)
      ) STRICT;
      CREATE TRIGGER subsidy_rules_no_update BEFORE UPDATE ON subsidy_rules
        BEGIN SELECT RAISE(ABORT, 'subsidy_rules rows are immutable'); END;

      CREATE TABLE subsidy_settings (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        active_row_id INTEGER REFERENCES subsidy_rules(row_id),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_subsidy_tier (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        rules_id TEXT NOT NULL,
        tier_code TEXT NOT NULL,
        suggested_tier_code TEXT,
        reason TEXT,
        confirmed_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_subsidy_tier_by_case ON case_subsidy_tier (case_id, id);
      CREATE TRIGGER case_subsidy_tier_no_update BEFORE UPDATE ON case_subsidy_tier
        BEGIN SELECT RAISE(ABORT, 'case_subsidy_tier is append-only'); END;
      CREATE TRIGGER case_subsidy_tier_no_delete BEFORE DELETE ON case_subsidy_tier
        BEGIN SELECT RAISE(ABORT, 'case_subsidy_tier is append-only'); END;

      CREATE TABLE case_subsidy_facts (
        case_id INTEGER PRIMARY KEY REFERENCES case_file(id),
        in_county_register INTEGER CHECK (in_county_register IN (0, 1)),
        county_register_ref TEXT,
        cross_area INTEGER NOT NULL DEFAULT 0 CHECK (cross_area IN (0, 1)),
        oral_attendance_proven INTEGER NOT NULL DEFAULT 0 CHECK (oral_attendance_proven IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
