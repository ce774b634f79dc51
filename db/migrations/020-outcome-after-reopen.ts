import type { Migration } from './migration.js';

/**
 * A reopened mediation does not undo the agreement that was counted (domain §3.7).
 *
 * A case settled, was counted as 调解成功 in the period of its agreement, and a visit then found
 * the agreement unperformed (回访未履行，重新调解). If the renewed talks end in 调解不成, a refusal
 * or a referral, the dispute was still settled by mediation once: what failed is performance,
 * which the county sees through 履行数 (the last visit did not find it performed). Turning the
 * counted success into a failure would change a figure the county may already hold, silently,
 * which §3.7 forbids, and would drop the agreement amount from the totals. So the success stays,
 * and the renewed mediation's end is kept beside it (`reopened_result`, `reopened_result_date`)
 * for the case's own record and the ledger export. An amendment signed in the renewed talks
 * still replaces the agreement, as before (case_outcome_on_settle / _on_amend).
 *
 * Ledgers where the old trigger already turned such a success into a failure are repaired from
 * their history: the last settlement before the reopening, with the agreement now in force.
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
const AGREEMENT_DATE = `coalesce(a.effective_date, json_extract(a.content_json, '$.agreedDate'))`;
const ACTION_DATE = (h: string) => `coalesce(
  json_extract(${h}.data_json, '$.terminatedDate'),
  json_extract(${h}.data_json, '$.referredDate'),
  date(${h}.at, '+8 hours'))`;
const persons = (caseId: string) => `
  (SELECT count(DISTINCT CASE WHEN p.kind = 'NATURAL'
            THEN 'P|' || coalesce(nullif(p.id_number, ''), p.name || '|' || p.phone)
            ELSE 'O|' || coalesce(nullif(p.social_credit_code, ''), p.name) END)
     FROM party AS p WHERE p.case_id = ${caseId})`;
const SUCCEEDED = (caseId: string) =>
  `EXISTS (SELECT 1 FROM case_outcome AS s WHERE s.case_id = ${caseId} AND s.outcome LIKE 'SUCCESS_%')`;
const ENDS = `('TERMINATE_FAILED', 'TERMINATE_REFUSED', 'REFER')`;

export const migration020: Migration = {
  version: 20,
  name: 'a failed reopened mediation keeps the counted success',
  up(db) {
    db.exec(`
      ALTER TABLE case_outcome ADD COLUMN reopened_result TEXT
        CHECK (reopened_result IN ('FAILED', 'REFERRED'));
      ALTER TABLE case_outcome ADD COLUMN reopened_result_date TEXT;

      -- Repair first, while the history still reads as the old trigger left it.
      UPDATE case_outcome AS o
         SET reopened_result = o.outcome,
             reopened_result_date = o.outcome_date,
             outcome = (SELECT CASE h.action WHEN 'SETTLE_WRITTEN' THEN 'SUCCESS_WRITTEN'
                                             ELSE 'SUCCESS_ORAL' END
                          FROM status_history AS h
                         WHERE h.case_id = o.case_id AND h.action IN ('SETTLE_WRITTEN', 'SETTLE_ORAL')
                         ORDER BY h.id DESC LIMIT 1),
             agreement_id = (SELECT a.id FROM agreement AS a
                              WHERE a.case_id = o.case_id AND a.status = 'SIGNED'
                              ORDER BY a.id DESC LIMIT 1),
             amount_fen = coalesce((SELECT ${AGREEMENT_AMOUNT} FROM agreement AS a
                              WHERE a.case_id = o.case_id AND a.status = 'SIGNED'
                              ORDER BY a.id DESC LIMIT 1), 0),
             outcome_date = coalesce((SELECT ${AGREEMENT_DATE} FROM agreement AS a
                              WHERE a.case_id = o.case_id AND a.status = 'SIGNED'
                              ORDER BY a.id DESC LIMIT 1), o.outcome_date)
       WHERE o.outcome IN ('FAILED', 'REFERRED')
         AND EXISTS (SELECT 1 FROM status_history AS r
                      WHERE r.case_id = o.case_id AND r.action = 'REOPEN_MEDIATION')
         AND EXISTS (SELECT 1 FROM status_history AS h
                      WHERE h.case_id = o.case_id AND h.action IN ('SETTLE_WRITTEN', 'SETTLE_ORAL'));

      DROP TRIGGER case_outcome_on_end;
      CREATE TRIGGER case_outcome_on_end AFTER INSERT ON status_history
      WHEN NEW.action IN ${ENDS} AND NOT ${SUCCEEDED('NEW.case_id')}
      BEGIN
        INSERT OR REPLACE INTO case_outcome
          (case_id, outcome, outcome_date, agreement_id, amount_fen, persons)
        VALUES (NEW.case_id,
                CASE NEW.action WHEN 'REFER' THEN 'REFERRED' ELSE 'FAILED' END,
                ${ACTION_DATE('NEW')}, NULL, 0, ${persons('NEW.case_id')});
      END;

      CREATE TRIGGER case_outcome_on_reopened_end AFTER INSERT ON status_history
      WHEN NEW.action IN ${ENDS} AND ${SUCCEEDED('NEW.case_id')}
      BEGIN
        UPDATE case_outcome
           SET reopened_result = CASE NEW.action WHEN 'REFER' THEN 'REFERRED' ELSE 'FAILED' END,
               reopened_result_date = ${ACTION_DATE('NEW')}
         WHERE case_id = NEW.case_id;
      END;

      -- Back from a referral the renewed mediation goes on: its end is not known yet.
      CREATE TRIGGER case_outcome_on_reopened_return AFTER INSERT ON status_history
      WHEN NEW.action = 'RETURN_FROM_REFERRAL'
      BEGIN
        UPDATE case_outcome SET reopened_result = NULL, reopened_result_date = NULL
         WHERE case_id = NEW.case_id AND reopened_result = 'REFERRED';
      END;
    `);
  },
};
