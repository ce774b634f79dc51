import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback } from 'react';
import type { CaseSummary } from '../../../domain/cases/case-views';
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
