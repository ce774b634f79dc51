import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback } from 'react';
import type { CaseSummary } from '../../../domain/cases/case-views';
import { startDateIssues } from '../../../domain/cases/start-dates';
import type { CaseDetail } from '../../../domain/cases/case-views';
import {
  DEFAULT_RECORD_GRACE_DAYS,
  agreementDateIssue,
  recordDateIssue,
  sessionSpanIssue,
  type CaseDates,
} from '../../../domain/cases/record-dates';
import { chinaToday } from '../../../domain/validation/calendar-date';
import { api } from '../api/client';
import { useApiValue } from '../hooks/use-api-value';

/**
 * The date-sanity rules of the main process (`domain/cases/record-dates.ts`) while typing, so a
 * mistyped year is marked at the box and not only when saving. The service checks again.
 */
export function useCaseDates(c: Pick<CaseSummary, 'intakeDate' | 'acceptedDate'>): CaseDates {
  const load = useCallback(() => api('caseSettings.get', {}), []);
  const grace = useApiValue(load).value?.recordGraceDays ?? DEFAULT_RECORD_GRACE_DAYS;
  return {
    intakeDate: c.intakeDate,
    acceptedDate: c.acceptedDate,
    today: chinaToday(),
    recordGraceDays: grace,
  };
}

const datePart = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

/** A session's or investigation's date or date-time. */
export function recordDateRule(label: string, dates: CaseDates): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const date = datePart(value);
      const issue = date ? recordDateIssue(label, date, dates) : null;
      if (issue) throw new Error(issue);
    },
  };
}

/** An agreement's date. */
export function agreementDateRule(label: string, dates: CaseDates): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const date = datePart(value);
      const issue = date ? agreementDateIssue(label, date, dates) : null;
      if (issue) throw new Error(issue);
    },
  };
}

/** The session's end, against the start box beside it. */
export function sessionEndRule(form: FormInstance, startName: string): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const start = form.getFieldValue(startName) as unknown;
      if (typeof value !== 'string' || typeof start !== 'string') return;
      const issue = sessionSpanIssue(start, value);
      if (issue) throw new Error(issue);
    },
  };
}

/**
 * A corrected 登记日期 or 受理日期 (`domain/cases/start-dates.ts`) against what the page knows:
 * today, each other, the sessions, investigations and the closing date. Agreements and visits
 * are checked by the service, which sees them all.
 */
export function startDateRule(
  form: FormInstance,
  field: 'intakeDate' | 'acceptedDate',
  c: Pick<CaseDetail, 'acceptedDate' | 'sessions' | 'investigations' | 'closedDate'>,
  dates: CaseDates,
): Rule {
  const recordDates = [
    ...c.sessions.map((s) => s.startAt.slice(0, 10)),
    ...c.investigations.map((i) => i.at.slice(0, 10)),
  ].sort();
  return {
    validator: async () => {
      const intakeDate = form.getFieldValue('intakeDate') as string | null;
      const acceptedDate = form.getFieldValue('acceptedDate') as string | null;
      if (!intakeDate || (c.acceptedDate !== null && !acceptedDate)) return;
      const issue = startDateIssues(
        { intakeDate, acceptedDate: c.acceptedDate === null ? null : acceptedDate },
        {
          earliestRecord: recordDates[0] ?? null,
          earliestAgreement: null,
          earliestVisit: null,
          closedDate: c.closedDate,
        },
        dates.today,
        dates.recordGraceDays,
      ).find((i) => i.field === field);
      if (issue) throw new Error(issue.message);
    },
  };
}
