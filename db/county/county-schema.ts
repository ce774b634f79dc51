import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../connection.js';

/**
 * The county office's own database (not a room ledger): every room's packages merged, keyed by
 * the room's and the cases' pseudonymous keys. `application_id` marks it so a room ledger is
 * never opened as a county file or the other way round.
 */
export const COUNTY_APPLICATION_ID = 0x4d44_4359; // 'MDCY'
export const COUNTY_SCHEMA_VERSION = 2;

const SCHEMA = `
  CREATE TABLE room (
    room_key TEXT PRIMARY KEY,
    committee_name TEXT NOT NULL,
    room_name TEXT NOT NULL,
    organisation_type TEXT NOT NULL,
    division_code TEXT
  ) STRICT;
  CREATE TABLE county_case (
    room_key TEXT NOT NULL REFERENCES room(room_key),
    case_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    category TEXT NOT NULL,
    subtype TEXT,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    accepted_date TEXT,
    outcome TEXT,
    outcome_date TEXT,
    difficult INTEGER NOT NULL,
    persons INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    performed INTEGER NOT NULL,
    confirmed INTEGER NOT NULL,
    prevention_json TEXT NOT NULL,
    data_json TEXT NOT NULL,
    PRIMARY KEY (room_key, case_key)
  ) STRICT;
  CREATE INDEX county_case_outcome ON county_case (outcome_date);
  CREATE INDEX county_case_accepted ON county_case (accepted_date);
  CREATE TABLE county_party (
    room_key TEXT NOT NULL,
    case_key TEXT NOT NULL,
    party_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    gender TEXT,
    ethnicity TEXT
  ) STRICT;
  CREATE INDEX county_party_case ON county_party (room_key, case_key);
  CREATE TABLE county_round (
    room_key TEXT NOT NULL REFERENCES room(room_key),
    round_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    round_date TEXT NOT NULL,
    households_visited INTEGER NOT NULL,
    issues_json TEXT NOT NULL,
    data_json TEXT NOT NULL,
    PRIMARY KEY (room_key, round_key)
  ) STRICT;
  CREATE INDEX county_round_date ON county_round (round_date);
  CREATE TABLE county_import (
    id INTEGER PRIMARY KEY,
    package_sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    room_key TEXT NOT NULL,
    period TEXT NOT NULL,
    kind TEXT NOT NULL,
    cases_added INTEGER NOT NULL,
    cases_replaced INTEGER NOT NULL,
    cases_kept INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  ) STRICT;
`;

/** Version 2: every county table written is recorded, as the rooms record their exports. */
const COUNTY_EXPORTS = `
  CREATE TABLE county_export (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    file_name TEXT NOT NULL,
    directory TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    rooms INTEGER NOT NULL,
    cases INTEGER NOT NULL,
    actor TEXT NOT NULL,
    exported_at TEXT NOT NULL
  ) STRICT;
`;

/** Forward-only upgrades of a county database, by the version they bring it to. */
const UPGRADES: Readonly<Record<number, string>> = { 2: COUNTY_EXPORTS };

/**
 * Brings an older county database up to this program's version. The file is copied first
 * (`VACUUM INTO`, beside it), and each step runs in its own transaction with its version.
 */
function upgrade(db: Db, file: string, from: number): void {
  db.prepare('VACUUM INTO ?').run(
    `${file}.before-v${COUNTY_SCHEMA_VERSION}-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`,
  );
  for (let v = from + 1; v <= COUNTY_SCHEMA_VERSION; v += 1) {
    db.transaction(() => {
      db.exec(UPGRADES[v] ?? '');
      db.pragma(`user_version = ${v}`);
    })();
  }
}

/** Opens (creating if new) a county database; refuses files that are not one. */
export function openCountyDb(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId === 0 && version === 0) {
      const tables = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
      if (tables.n > 0) throw new Error('该文件不是县级汇总数据库');
      db.transaction(() => {
        db.exec(SCHEMA + COUNTY_EXPORTS);
        db.pragma(`application_id = ${COUNTY_APPLICATION_ID}`);
        db.pragma(`user_version = ${COUNTY_SCHEMA_VERSION}`);
      })();
    } else if (appId !== COUNTY_APPLICATION_ID) {
      throw new Error('该文件不是县级汇总数据库');
    } else if (version > COUNTY_SCHEMA_VERSION) {
      throw new Error('县级汇总数据库的版本比本程序新，请升级后再使用');
    } else if (version < COUNTY_SCHEMA_VERSION) {
      upgrade(db, file, version);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
