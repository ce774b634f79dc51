import { describe, expect, it } from 'vitest';
import {
  agreementDateIssue,
  recordDateIssue,
  sessionSpanIssue,
  type CaseDates,
} from '../../../domain/cases/record-dates';
import { sessionInputSchema } from '../../../domain/cases/record-inputs';

const accepted: CaseDates = {
  intakeDate: '2026-03-02',
  acceptedDate: '2026-03-05',
  today: '2026-03-10',
  recordGraceDays: 7,
};

/** Issue 8, must-have 6: dates inside a case lie between its acceptance and today. */
describe('record date sanity', () => {
  it('sessions and investigations: acceptance less the grace … today', () => {
    expect(recordDateIssue('调解开始时间', '2026-03-05', accepted)).toBeNull();
    expect(recordDateIssue('调解开始时间', '2026-03-10', accepted)).toBeNull();
    // Late entry: up to 7 days before the recorded acceptance.
    expect(recordDateIssue('调解开始时间', '2026-02-26', accepted)).toBeNull();
    expect(recordDateIssue('调解开始时间', '2026-02-25', accepted)).toContain(
      '早于本案受理日期（2026-03-05）7 天以上',
    );
    expect(recordDateIssue('调解开始时间', '1990-03-05', accepted)).toContain('请核对');
    expect(recordDateIssue('调解开始时间', '2099-03-05', accepted)).toBe(
      '调解开始时间（2099-03-05）不能晚于今天（2026-03-10）',
    );
    expect(recordDateIssue('调解开始时间', '2026-03-11', accepted)).toContain('不能晚于今天');
  });

  it('a grace of 0 means not before acceptance; before acceptance the intake date counts', () => {
    const strict = { ...accepted, recordGraceDays: 0 };
    expect(recordDateIssue('调查时间', '2026-03-04', strict)).toBe(
      '调查时间（2026-03-04）不能早于本案受理日期（2026-03-05）',
    );
    const notAccepted = { ...strict, acceptedDate: null };
    expect(recordDateIssue('调查时间', '2026-03-01', notAccepted)).toContain(
      '登记日期（2026-03-02）',
    );
  });

  it('agreements: never before acceptance, grace or not; never after today', () => {
    expect(agreementDateIssue('协议日期', '2026-03-05', accepted)).toBeNull();
    expect(agreementDateIssue('协议日期', '2026-03-04', accepted)).toBe(
      '协议日期（2026-03-04）不能早于本案受理日期（2026-03-05）',
    );
    expect(agreementDateIssue('协议日期', '1990-01-01', accepted)).toContain('不能早于');
    expect(agreementDateIssue('协议日期', '2026-03-11', accepted)).toContain('不能晚于今天');
  });

  it('one session lasts under a day and ends after it starts', () => {
    expect(sessionSpanIssue('2026-03-09T09:30', '2026-03-09T11:00')).toBeNull();
    expect(sessionSpanIssue('2026-03-09T21:00', '2026-03-10T02:00')).toBeNull();
    expect(sessionSpanIssue('2026-03-09T09:30', '2026-03-10T09:29')).toBeNull();
    expect(sessionSpanIssue('2026-03-09T09:30', '2026-03-10T09:30')).toContain('不能超过一天');
    expect(sessionSpanIssue('2016-03-09T09:30', '2026-03-09T09:30')).toContain('不能超过一天');
    expect(sessionSpanIssue('2026-03-09T09:30', '2026-03-09T09:00')).toBe(
      '结束时间不能早于开始时间',
    );
  });

  it('the session schema carries the span rule', () => {
    const parsed = sessionInputSchema.safeParse({
      startAt: '2016-03-09T09:30',
      endAt: '2026-03-09T11:00',
      place: '调解室',
      partyIdsPresent: [1],
      mediatorIds: [1],
      recorder: '李明',
      recordMode: 'FULL',
      content: '记录',
      result: 'CONTINUE',
      readBackConfirmed: true,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['endAt']);
    expect(parsed.error?.issues[0]?.message).toContain('不能超过一天');
  });
});
