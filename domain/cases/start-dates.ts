/**
 * Correcting when a case started (issue 8): the 登记日期 (intake) and, once accepted, the 受理日期.
 * Everything already recorded on the case was checked against the old dates, so a corrected
 * start must still come before it: sessions and investigations keep the room's grace for late
 * entry (a record may precede the start by that many days, as when it was written); agreements,
 * follow-up visits and the closing date never precede the start. Plain functions returning
 * Chinese sentences, called by the service inside its transaction and by the form while typing.
 */

/** The earliest date of each kind of record already on the case (`YYYY-MM-DD`, or null). */
export interface RecordedDates {
  /** Sessions and investigations. */
  readonly earliestRecord: string | null;
  /** Generated or signed written agreements and oral registers (not drafts or voided ones). */
  readonly earliestAgreement: string | null;
  /** Follow-up visits made. */
  readonly earliestVisit: string | null;
  readonly closedDate: string | null;
}

export interface StartDates {
  readonly intakeDate: string;
  /** Null while the case has not been accepted. */
  readonly acceptedDate: string | null;
}

export interface StartDateIssue {
  readonly field: 'intakeDate' | 'acceptedDate';
  readonly message: string;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every reason the corrected start dates cannot stand; empty when they can. */
export function startDateIssues(
  next: StartDates,
  recorded: RecordedDates,
  today: string,
  recordGraceDays: number,
): StartDateIssue[] {
  const issues: StartDateIssue[] = [];
  if (next.intakeDate > today) {
    issues.push({
      field: 'intakeDate',
      message: `登记日期（${next.intakeDate}）不能晚于今天（${today}）`,
    });
  }
  if (next.acceptedDate !== null) {
    if (next.acceptedDate > today) {
      issues.push({
        field: 'acceptedDate',
        message: `受理日期（${next.acceptedDate}）不能晚于今天（${today}）`,
      });
    }
    if (next.acceptedDate < next.intakeDate) {
      issues.push({
        field: 'acceptedDate',
        message: `受理日期（${next.acceptedDate}）不能早于登记日期（${next.intakeDate}）`,
      });
    }
  }
  // The records were judged against the case's start: acceptance, or intake before it.
  const field = next.acceptedDate !== null ? 'acceptedDate' : 'intakeDate';
  const label = next.acceptedDate !== null ? '受理日期' : '登记日期';
  const start = next.acceptedDate ?? next.intakeDate;
  const latest: { date: string; message: string }[] = [];
  if (recorded.earliestRecord !== null) {
    const limit = addDays(recorded.earliestRecord, recordGraceDays);
    latest.push({
      date: limit,
      message:
        recordGraceDays > 0
          ? `${label}（${start}）不能晚于 ${limit}：本案最早的调解或调查记录在 ${recorded.earliestRecord}，补录宽限为 ${recordGraceDays} 天`
          : `${label}（${start}）不能晚于本案最早的调解或调查记录（${recorded.earliestRecord}）`,
    });
  }
  if (recorded.earliestAgreement !== null) {
    latest.push({
      date: recorded.earliestAgreement,
      message: `${label}（${start}）不能晚于本案协议的日期（${recorded.earliestAgreement}）`,
    });
  }
  if (recorded.earliestVisit !== null) {
    latest.push({
      date: recorded.earliestVisit,
      message: `${label}（${start}）不能晚于本案的回访日期（${recorded.earliestVisit}）`,
    });
  }
  if (recorded.closedDate !== null) {
    latest.push({
      date: recorded.closedDate,
      message: `${label}（${start}）不能晚于结案日期（${recorded.closedDate}）`,
    });
  }
  const broken = latest.filter((l) => start > l.date).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (broken[0]) issues.push({ field, message: broken[0].message });
  return issues;
}

/**
 * What a corrected acceptance date does to the case number. The number carries its year and
 * comes from that year's counter (§4.9), and statistics count the case in the year of its
 * acceptance: a case moved into another year takes the next number of that year, and the old
 * number is voided with the reason (kept on file, never reissued). Within the same year the
 * number stays, so papers already printed keep naming the case correctly.
 */
export function acceptanceYearChanges(before: string | null, after: string | null): boolean {
  return before !== null && after !== null && before.slice(0, 4) !== after.slice(0, 4);
}
