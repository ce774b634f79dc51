import type { Migration } from './migration.js';

/**
 * County reporting (domain §3, §4.4, §7.6).
 *
 * `case_outcome` holds each case's reportable outcome and its date (§3.7: a case is counted in
 * the period of its outcome). It is kept by triggers on the two places outcomes are written
 * (status_history for transitions, agreement for amended or re-signed agreements), so the
 * statistics of a year at 100,000 cases are one indexed range scan and no service has to
 * remember to update it. Written agreements count from their effective date, oral ones from the
 * agreed date; other outcomes from the China-time day of the transition.
 *
 * `screening_round` / `screening_issue` are the 排查 records; `export_run` is the register of
 * every file that left the ledger (what, period, hashes, who, whether it was identified).
 */
const AGREEMENT_AMOUNT = `
  CASE WHEN a.kind = 'ORAL' THEN coalesce(json_extract(a.content_json, '$.amountFen'), 0)
  ELSE coalesce(
    json_extract(a.content_json, '$.amountFen'),
    (SELECT sum(json_extract(t.value, '$.obligation.amountFen'))
       FROM json_each(a.content_json, '$.terms') AS t
      WHERE json_extract(t.value, '$.kind') = 'OBLIGATION'),
    0)
  END`;
/** §3.7: each person once per case (an ID number, else name and phone); an organisation is one. */
const persons = (caseId: string) => `
  (SELECT count(DISTINCT CASE WHEN p.kind = 'NATURAL'
            THEN 'P|' || coalesce(nullif(p.id_number, ''), p.name || '|' || p.phone)
            ELSE 'O|' || coalesce(nullif(p.social_credit_code, ''), p.name) END)
     FROM party AS p WHERE p.case_id = ${caseId})`;
const AGREEMENT_DATE = `coalesce(a.effective_date, json_extract(a.content_json, '$.agreedDate'))`;
/** Terminations and referrals carry their own civil date in the transition's data. */
const ACTION_DATE = (h: string) => `coalesce(
  json_extract(${h}.data_json, '$.terminatedDate'),
  json_extract(${h}.data_json, '$.referredDate'),
  date(${h}.at, '+8 hours'))`;

export const migration005: Migration = {
  version: 5,
  name: 'reports: case outcomes, screening rounds, export register',
  up(db) {
    db.exec(`
      CREATE TABLE case_outcome (
        case_id INTEGER PRIMARY KEY REFERENCES case_file(id),
        outcome TEXT NOT NULL
          CHECK (outcome IN ('SUCCESS_WRITTEN', 'SUCCESS_ORAL', 'FAILED', 'REFERRED')),
        outcome_date TEXT NOT NULL,
        agreement_id INTEGER REFERENCES agreement(id),
        amount_fen INTEGER NOT NULL DEFAULT 0,
        persons INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX case_outcome_by_date ON case_outcome (outcome_date);

      CREATE TRIGGER case_outcome_on_settle AFTER INSERT ON status_history
      WHEN NEW.action IN ('SETTLE_WRITTEN', 'SETTLE_ORAL')
      BEGIN
        INSERT OR REPLACE INTO case_outcome
          (case_id, outcome, outcome_date, agreement_id, amount_fen, persons)
        SELECT NEW.case_id,
               CASE NEW.action WHEN 'SETTLE_WRITTEN' THEN 'SUCCESS_WRITTEN' ELSE 'SUCCESS_ORAL' END,
               coalesce(${AGREEMENT_DATE}, date(NEW.at, '+8 hours')),
               a.id,
               coalesce(${AGREEMENT_AMOUNT}, 0),
               ${persons('NEW.case_id')}
          FROM (SELECT 1) LEFT JOIN agreement AS a
            ON a.id = CAST(json_extract(NEW.data_json, '$.agreementId') AS INTEGER);
      END;

      CREATE TRIGGER case_outcome_on_end AFTER INSERT ON status_history
      WHEN NEW.action IN ('TERMINATE_FAILED', 'TERMINATE_REFUSED', 'REFER')
      BEGIN
        INSERT OR REPLACE INTO case_outcome
          (case_id, outcome, outcome_date, agreement_id, amount_fen, persons)
        VALUES (NEW.case_id,
                CASE NEW.action WHEN 'REFER' THEN 'REFERRED' ELSE 'FAILED' END,
                ${ACTION_DATE('NEW')}, NULL, 0, ${persons('NEW.case_id')});
      END;

      -- Back from a referral the case is open again (在调) until its next outcome.
      CREATE TRIGGER case_outcome_on_return AFTER INSERT ON status_history
      WHEN NEW.action = 'RETURN_FROM_REFERRAL'
      BEGIN
        DELETE FROM case_outcome WHERE case_id = NEW.case_id AND outcome = 'REFERRED';
      END;

      -- An amendment is signed without a new transition: it replaces the amount and date.
      CREATE TRIGGER case_outcome_on_amend AFTER UPDATE OF status ON agreement
      WHEN NEW.status = 'SIGNED' AND NEW.supersedes_id IS NOT NULL
      BEGIN
        UPDATE case_outcome
           SET agreement_id = NEW.id,
               amount_fen = (SELECT coalesce(${AGREEMENT_AMOUNT}, 0) FROM agreement AS a WHERE a.id = NEW.id),
               outcome_date = coalesce(
                 (SELECT ${AGREEMENT_DATE} FROM agreement AS a WHERE a.id = NEW.id), outcome_date)
         WHERE case_id = NEW.case_id AND outcome LIKE 'SUCCESS_%';
      END;

      -- Parties added or corrected after the outcome still count (§3.7 persons rule).
      CREATE TRIGGER case_outcome_party_insert AFTER INSERT ON party
      BEGIN
        UPDATE case_outcome SET persons = ${persons('NEW.case_id')} WHERE case_id = NEW.case_id;
      END;
      CREATE TRIGGER case_outcome_party_update
      AFTER UPDATE OF kind, name, phone, id_number, social_credit_code ON party
      BEGIN
        UPDATE case_outcome SET persons = ${persons('NEW.case_id')} WHERE case_id = NEW.case_id;
      END;
      CREATE TRIGGER case_outcome_party_delete AFTER DELETE ON party
      BEGIN
        UPDATE case_outcome SET persons = ${persons('OLD.case_id')} WHERE case_id = OLD.case_id;
      END;

      CREATE TABLE screening_round (
        id INTEGER PRIMARY KEY,
        round_date TEXT NOT NULL,
        area TEXT NOT NULL,
        grid TEXT,
        participants_json TEXT NOT NULL,
        households_visited INTEGER NOT NULL CHECK (households_visited >= 0),
        note TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX screening_round_by_date ON screening_round (round_date);

      CREATE TABLE screening_issue (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES screening_round(id),
        sort INTEGER NOT NULL,
        description TEXT NOT NULL,
        category TEXT NOT NULL,
        disposition TEXT NOT NULL CHECK (disposition IN ('OPEN', 'CASE', 'PREVENTED')),
        case_id INTEGER REFERENCES case_file(id),
        prevention_code TEXT,
        prevention_persons INTEGER CHECK (prevention_persons >= 1),
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (disposition <> 'CASE' OR case_id IS NOT NULL),
        CHECK ((prevention_code IS NULL) = (prevention_persons IS NULL))
      ) STRICT;
      CREATE INDEX screening_issue_by_round ON screening_issue (round_id, sort);
      CREATE UNIQUE INDEX screening_issue_by_case ON screening_issue (case_id)
        WHERE case_id IS NOT NULL;

      CREATE TABLE export_run (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL
          CHECK (kind IN ('STATISTICS', 'LEDGER', 'LEDGER_IDENTIFIED', 'PACKAGE')),
        period TEXT NOT NULL,
        since_export_id INTEGER REFERENCES export_run(id),
        files_json TEXT NOT NULL,
        directory TEXT NOT NULL,
        actor TEXT NOT NULL,
        confirmation TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX export_run_by_kind ON export_run (kind, id);

      -- Cases settled before this step get their outcome from history once.
      INSERT OR REPLACE INTO case_outcome
        (case_id, outcome, outcome_date, agreement_id, amount_fen, persons)
      SELECT h.case_id,
             CASE h.action WHEN 'SETTLE_WRITTEN' THEN 'SUCCESS_WRITTEN'
                           WHEN 'SETTLE_ORAL' THEN 'SUCCESS_ORAL'
                           WHEN 'REFER' THEN 'REFERRED' ELSE 'FAILED' END,
             coalesce(CASE WHEN h.action LIKE 'SETTLE_%' THEN ${AGREEMENT_DATE} END,
                      ${ACTION_DATE('h')}),
             a.id,
             CASE WHEN h.action LIKE 'SETTLE_%' THEN coalesce(${AGREEMENT_AMOUNT}, 0) ELSE 0 END,
             ${persons('h.case_id')}
        FROM status_history AS h
        LEFT JOIN agreement AS a
          ON a.id = coalesce(
               (SELECT max(x.id) FROM agreement AS x
                 WHERE x.case_id = h.case_id AND x.status = 'SIGNED'),
               CAST(json_extract(h.data_json, '$.agreementId') AS INTEGER))
       WHERE h.id = (SELECT max(y.id) FROM status_history AS y
                      WHERE y.case_id = h.case_id
                        AND y.action IN ('SETTLE_WRITTEN', 'SETTLE_ORAL', 'TERMINATE_FAILED',
                                         'TERMINATE_REFUSED', 'REFER', 'RETURN_FROM_REFERRAL'))
         AND h.action <> 'RETURN_FROM_REFERRAL';
    `);
  },
};
