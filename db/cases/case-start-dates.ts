import type { RecordedDates } from '../../domain/cases/start-dates.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * The earliest date of each kind of record on a case, for checking a corrected 登记日期/受理日期
 * (`domain/cases/start-dates.ts`). Session and investigation times are local `YYYY-MM-DDTHH:MM`;
 * an agreement's date is in its content (written: agreementDate, oral: agreedDate). Drafts are
 * left out: they are checked again when generated.
 */
export function recordedDatesOf(db: Db, caseId: number): RecordedDates {
  const row = statement(
    db,
    `SELECT
       (SELECT MIN(d) FROM (
          SELECT substr(start_at, 1, 10) AS d FROM session_record WHERE case_id = @id
          UNION ALL
          SELECT substr(at, 1, 10) FROM investigation_record WHERE case_id = @id)) AS earliest_record,
       (SELECT MIN(COALESCE(json_extract(content_json, '$.agreementDate'),
                            json_extract(content_json, '$.agreedDate')))
          FROM agreement
         WHERE case_id = @id AND status IN ('GENERATED', 'SIGNED')) AS earliest_agreement,
       (SELECT MIN(visit_date) FROM followup
         WHERE case_id = @id AND status = 'DONE') AS earliest_visit,
       (SELECT closed_date FROM case_file WHERE id = @id) AS closed_date`,
  ).get({ id: caseId }) as {
    earliest_record: string | null;
    earliest_agreement: string | null;
    earliest_visit: string | null;
    closed_date: string | null;
  };
  return {
    earliestRecord: row.earliest_record,
    earliestAgreement: row.earliest_agreement,
    earliestVisit: row.earliest_visit,
    closedDate: row.closed_date,
  };
}

/** Generated or signed agreements that print `number` (their number is frozen with the PDF). */
export function frozenAgreementsWithNumber(db: Db, caseId: number, number: string): number {
  const row = statement(
    db,
    `SELECT COUNT(*) AS n FROM agreement
      WHERE case_id = ? AND number = ? AND status IN ('GENERATED', 'SIGNED')`,
  ).get(caseId, number) as { n: number };
  return row.n;
}

/** Drafts follow a renumbered case: a draft numbered with the old case number takes the new one. */
export function renumberDraftAgreements(
  db: Db,
  caseId: number,
  oldNumber: string,
  newNumber: string,
): void {
  statement(
    db,
    `UPDATE agreement
        SET number = @new,
            content_json = json_set(content_json, '$.agreementNumber', @new)
      WHERE case_id = @id AND status = 'DRAFT' AND number = @old`,
  ).run({ id: caseId, old: oldNumber, new: newNumber });
}

/** Writes corrected start dates (the service has checked them against the records). */
export function setStartDates(
  db: Db,
  caseId: number,
  dates: { intakeDate: string; acceptedDate: string | null; dueDate: string | null },
): void {
  statement(
    db,
    `UPDATE case_file SET intake_date = @intake, accepted_date = @accepted, due_date = @due
      WHERE id = @id`,
  ).run({ id: caseId, intake: dates.intakeDate, accepted: dates.acceptedDate, due: dates.dueDate });
}
