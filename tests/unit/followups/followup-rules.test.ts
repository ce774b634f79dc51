import { describe, expect, it } from 'vitest';
import { closeReadiness, closeRefusal } from '../../../domain/followups/close-rules.js';
import { planOralVisit, planWrittenVisits } from '../../../domain/followups/followup-schedule.js';
import { checkProofFile } from '../../../domain/followups/proof-file.js';
import { mondayOf, reminderStage } from '../../../domain/followups/reminder-stage.js';
import { PNG_BYTES, PDF_BYTES } from './followup-fixtures.js';

const s = { afterDueDays: 7, afterAgreementDays: 15 };

describe('planning visits', () => {
  it('merges same-day plans, never plans before the effective date, and covers undated agreements', () => {
    const plans = planWrittenVisits(
      '2026-03-20',
      [
        { dueDate: '2026-03-01', amountFen: 100, description: '赔偿款', instalments: [] },
        { dueDate: null, amountFen: null, description: '道歉', instalments: [] },
        {
          dueDate: null,
          amountFen: 300,
          description: '租金',
          instalments: [
            { dueDate: '2026-03-20', amountFen: 100 },
            { dueDate: '2026-06-30', amountFen: 200 },
          ],
        },
      ],
      s,
    );
    expect(plans.map((p) => p.dueDate)).toEqual(['2026-03-27', '2026-07-07']);
    expect(plans[0]?.note).toContain('赔偿款');
    expect(plans[0]?.note).toContain('租金第1期');
    expect(planWrittenVisits('2026-03-20', [], s)).toEqual([
      { dueDate: '2026-04-04', origin: 'AGREEMENT', note: '协议生效后回访履行情况' },
    ]);
    expect(planOralVisit('2026-12-25', s).dueDate).toBe('2027-01-09');
  });
});

describe('closing rules', () => {
  it('needs a visit; performed or in court closes; otherwise a reason', () => {
    expect(closeReadiness({ hasAgreement: false, performances: [] }).ok).toBe(true);
    const none = closeReadiness({ hasAgreement: true, performances: [] });
    expect(none.ok).toBe(false);
    expect(closeRefusal(none, '理由')).not.toBeNull(); // a reason does not replace the visit
    expect(closeReadiness({ hasAgreement: true, performances: ['PARTLY', 'PERFORMED'] }).ok).toBe(
      true,
    );
    expect(closeReadiness({ hasAgreement: true, performances: ['LITIGATED'] }).ok).toBe(true);
    const partly = closeReadiness({ hasAgreement: true, performances: ['PERFORMED', 'PARTLY'] });
    expect(closeRefusal(partly, null)).toMatch(/部分履行/);
    expect(closeRefusal(partly, '  ')).toMatch(/部分履行/);
    expect(closeRefusal(partly, '已起诉')).toBeNull();
  });
});

describe('reminders and files', () => {
  it('stages 7/3/1 days, today and overdue', () => {
    const today = '2026-04-10';
    expect(
      ['2026-04-18', '2026-04-17', '2026-04-13', '2026-04-11', '2026-04-10', '2026-04-09'].map(
        (d) => reminderStage(d, today),
      ),
    ).toEqual([null, 'D7', 'D3', 'D1', 'TODAY', 'OVERDUE']);
    expect(mondayOf('2026-04-12')).toBe('2026-04-06'); // a Sunday
    expect(mondayOf('2026-04-06')).toBe('2026-04-06');
  });

  it('accepts a proof only when name and bytes agree', () => {
    expect(checkProofFile('收条.PDF', PDF_BYTES)).toEqual({
      ok: true,
      mediaType: 'application/pdf',
    });
    expect(checkProofFile('照片.png', PNG_BYTES).ok).toBe(true);
    expect(checkProofFile('照片.jpeg', PNG_BYTES)).toMatchObject({ ok: false, field: 'fileName' });
    expect(checkProofFile('收条', PDF_BYTES)).toMatchObject({ ok: false, field: 'fileName' });
    expect(checkProofFile('a.pdf', Buffer.from('PK\x03\x04'))).toMatchObject({
      ok: false,
      field: 'dataBase64',
    });
  });
});
