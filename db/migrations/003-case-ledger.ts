import type { Migration } from './migration.js';

/**
 * The case ledger. Every editable row carries `version` for optimistic concurrency and
 * created/updated timestamps as INTEGER Unix milliseconds (db/cases/case-rows.ts maps them
 * back to ISO); civil dates are `YYYY-MM-DD` text, session times `YYYY-MM-DDTHH:mm` (China
 * wall clock), money integer fen. Lists that are only ever read with their row (requests,
 * session participants) are JSON; anything the ledger filters on has its own column or table.
 */
export const migration003: Migration = {
  version: 3,
  name: 'case ledger: cases, parties, records, numbering, search index',
  up(db) {
    db.exec(`
      CREATE TABLE mediator (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        is_people_mediator INTEGER NOT NULL CHECK (is_people_mediator IN (0, 1)),
        languages_json TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        due_days_json TEXT NOT NULL,
        ethnic_extensions_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_file (
        id INTEGER PRIMARY KEY,
        case_number TEXT,
        status TEXT NOT NULL,
        title TEXT NOT NULL,
        intake_date TEXT NOT NULL,
        accepted_date TEXT,
        due_date TEXT,
        closed_date TEXT,
        source TEXT NOT NULL,
        category TEXT NOT NULL,
        subtype TEXT,
        summary TEXT NOT NULL,
        requests_json TEXT NOT NULL DEFAULT '[]',
        risk_level TEXT NOT NULL,
        risk_factors_json TEXT NOT NULL DEFAULT '[]',
        prevention_flags_json TEXT NOT NULL DEFAULT '[]',
        is_difficult INTEGER NOT NULL DEFAULT 0 CHECK (is_difficult IN (0, 1)),
        amount_claimed_fen INTEGER CHECK (amount_claimed_fen >= 0),
        remarks TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- A case is accepted on or after its intake (the lifecycle service checks it too); the
        -- ledger relies on it to start an intake-date walk at an accepted-date range's end.
        CHECK (accepted_date >= intake_date)
      ) STRICT;
      -- One index per ledger sort (the rowid is in every index, so each is also in id order
      -- for ties), not partial: a partial index cannot serve ORDER BY of the whole ledger.
      -- (status, due_date) serves status filters (db/cases/ledger-query.ts counts and sorts a
      -- status's cases from it) and the dashboard's due and overdue lists.
      CREATE UNIQUE INDEX case_file_number ON case_file (case_number);
      CREATE INDEX case_file_accepted ON case_file (accepted_date);
      CREATE INDEX case_file_intake ON case_file (intake_date);
      CREATE INDEX case_file_due ON case_file (due_date);
      CREATE INDEX case_file_status_due ON case_file (status, due_date);
      CREATE INDEX case_file_category ON case_file (category, accepted_date);

      CREATE TABLE case_mediator (
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        mediator_id INTEGER NOT NULL REFERENCES mediator(id),
        PRIMARY KEY (case_id, mediator_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_mediator_by_mediator ON case_mediator (mediator_id, case_id);

      CREATE TABLE party (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        sort INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('NATURAL', 'LEGAL', 'OTHER_ORG')),
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        phone TEXT NOT NULL,
        phone_kind TEXT NOT NULL,
        no_phone_reason TEXT,
        address TEXT NOT NULL,
        note TEXT,
        gender TEXT,
        ethnicity TEXT,
        birth_date TEXT,
        occupation TEXT,
        id_doc_type TEXT,
        id_doc_name TEXT,
        id_number TEXT,
        id_none_reason TEXT,
        preferred_language TEXT NOT NULL DEFAULT 'zh',
        needs_interpreter INTEGER NOT NULL DEFAULT 0 CHECK (needs_interpreter IN (0, 1)),
        social_credit_code TEXT,
        legal_rep_name TEXT,
        legal_rep_title TEXT,
        -- Computed on write (pinyin-pro): SQLite has no ICU and no pinyin of its own.
        name_initials TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX party_by_case ON party (case_id, sort);
      CREATE INDEX party_by_id_number ON party (id_number) WHERE id_number IS NOT NULL;
      -- Duplicate check by name and phone (db/cases/duplicate-query.ts): the phone alone
      -- finds the one or two parties to compare names with, in half the index of both.
      CREATE INDEX party_by_phone ON party (phone);

      CREATE TABLE party_representative (
        id INTEGER PRIMARY KEY,
        party_id INTEGER NOT NULL REFERENCES party(id),
        sort INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('GUARDIAN', 'AGENT')),
        name TEXT NOT NULL,
        relationship TEXT NOT NULL,
        phone TEXT NOT NULL,
        phone_kind TEXT NOT NULL,
        no_phone_reason TEXT,
        id_doc_json TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX party_representative_by_party ON party_representative (party_id, sort);

      CREATE TABLE invited_participant (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        affiliation TEXT,
        consent_given INTEGER NOT NULL CHECK (consent_given IN (0, 1)),
        consent_note TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX invited_participant_by_case ON invited_participant (case_id);

      CREATE TABLE session_record (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        session_no INTEGER NOT NULL,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        place TEXT NOT NULL,
        subject TEXT NOT NULL,
        party_ids_json TEXT NOT NULL,
        mediator_ids_json TEXT NOT NULL,
        recorder TEXT NOT NULL,
        participants_json TEXT NOT NULL,
        interpreter_name TEXT,
        interpreter_language TEXT,
        is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
        record_mode TEXT NOT NULL CHECK (record_mode IN ('FULL', 'SIMPLE')),
        content TEXT NOT NULL,
        result TEXT NOT NULL,
        read_back_confirmed INTEGER NOT NULL CHECK (read_back_confirmed IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (case_id, session_no)
      ) STRICT;
      CREATE INDEX session_record_by_start ON session_record (start_at);

      CREATE TABLE investigation_record (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        at TEXT NOT NULL,
        place TEXT NOT NULL,
        investigated_json TEXT NOT NULL,
        participants_json TEXT NOT NULL,
        investigator_ids_json TEXT NOT NULL,
        recorder TEXT NOT NULL,
        content TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX investigation_record_by_case ON investigation_record (case_id);

      CREATE TABLE referral (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        target TEXT NOT NULL,
        referred_date TEXT NOT NULL,
        reason TEXT NOT NULL,
        receiver TEXT,
        feedback TEXT,
        feedback_date TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX referral_by_case ON referral (case_id);

      CREATE TABLE status_history (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        from_state TEXT,
        to_state TEXT NOT NULL,
        action TEXT NOT NULL,
        data_json TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX status_history_by_case ON status_history (case_id, id);
      -- Only settlements are looked up by action and time (the dashboard's month figure,
      -- db/cases/dashboard-query.ts, with this same IN list); the rest are read by case.
      CREATE INDEX status_history_settled ON status_history (action, at)
        WHERE action IN ('SETTLE_WRITTEN', 'SETTLE_ORAL');

      -- One counter per committee per year (§4.9); numbers only ever go up.
      CREATE TABLE case_number_counter (
        committee TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_sequence INTEGER NOT NULL,
        PRIMARY KEY (committee, year)
      ) STRICT, WITHOUT ROWID;

      -- Every number ever issued, so a voided number stays on file and is never issued again.
      -- Keyed by the number itself (WITHOUT ROWID: no second copy of it in a separate key
      -- index); the per-committee counter above already keeps sequences from repeating.
      CREATE TABLE case_number (
        number TEXT PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES case_file(id),
        committee TEXT NOT NULL,
        year INTEGER NOT NULL,
        sequence INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_number_by_case ON case_number (case_id);

      -- Search index over every searchable text of a case, fed with bigram tokens, pinyin keys
      -- and whole identifiers made in JS (db/search/search-tokens.ts). Contentless (the text
      -- already lives in the tables above) and detail=none (rowids only, no positions): a
      -- quarter of the size of a positional index; longer queries are checked against the
      -- stored text instead (db/cases/ledger-query.ts).
      CREATE VIRTUAL TABLE case_search USING fts5(
        tokens,
        content = '', contentless_delete = 1, detail = none,
        tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
  },
};
