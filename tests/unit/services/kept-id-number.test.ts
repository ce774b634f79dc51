import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import type { ChangeSetView } from '../../../domain/cases/change-history.js';
import { intake, openTestLedger, person, type TestLedger } from './case-fixtures.js';

const STORED = '632801198507041246'; // the fixture's applicant: born 1985-07-04, female
const KEEP = { type: 'RESIDENT_ID', keep: true };

/**
 * Answers carry ID numbers masked, so the correction form cannot send the stored number back:
 * it says `keep`, and the service puts the stored number in and checks it as if retyped.
 */
describe('a correction that keeps the stored ID number', () => {
  let l: TestLedger;
  let detail: CaseDetail;
  beforeEach(async () => {
    l = await openTestLedger();
    detail = (await l.call<SavedCase>('cases.create', intake())).case;
  });
  afterEach(() => l.close());

  const wang = () => {
    const p = detail.parties[0];
    if (!p) throw new Error('no party');
    return p;
  };
  const update = (party: Record<string, unknown>, reason: string | null = null) =>
    l.raw('parties.update', {
      caseId: detail.id,
      partyId: wang().id,
      expectedVersion: wang().version,
      party: person(party),
      reason,
    });
  const whole = () =>
    l.call<{ number: string }>('parties.revealIdNumber', {
      caseId: detail.id,
      partyId: wang().id,
      reason: '核对',
    });

  it('keeps the number, records no change of it, and needs no reason for it', async () => {
    const res = await update({ idDocument: KEEP, occupation: '个体户' });
    expect(res.ok ? null : res.error.message).toBeNull();
    expect((await whole()).number).toBe(STORED);
    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: detail.id });
    const fields = history.flatMap((set) => set.fields.map((f) => f.field));
    expect(fields).toContain('occupation');
    expect(fields).not.toContain('idNumber');
  });

  it('still holds the gender and birth date to the stored number', async () => {
    const male = await update({ idDocument: KEEP, gender: 'MALE' }, '核对后更正');
    expect(male.ok ? null : male.error.code).toBe('BAD_INPUT');
    expect(male.ok ? [] : male.error.issues?.map((i) => i.path.join('.'))).toEqual([
      'party.gender',
    ]);
    const born = await update({ idDocument: KEEP, birthDate: '1990-01-01' }, '核对后更正');
    if (!born.ok) throw new Error(born.error.message);
    const warnings = (born.value as SavedCase).warnings.map((w) => w.message).join();
    expect(warnings).toContain('1985-07-04');
  });

  it('takes a retyped number with the usual checks', async () => {
    const bad = await update({ idDocument: { type: 'RESIDENT_ID', number: '632801198507041247' } });
    expect(bad.ok ? null : bad.error.issues?.[0]?.path.join('.')).toBe('party.idDocument.number');
    const retyped = await update(
      { idDocument: { type: 'RESIDENT_ID', number: '632801198507041262' } },
      '证件号码录入有误',
    );
    expect(retyped.ok ? null : retyped.error.message).toBeNull();
    expect((await whole()).number).toBe('632801198507041262');
  });

  it('is refused where there is nothing stored to keep, or with a number beside it', async () => {
    const created = await l.raw(
      'cases.create',
      intake({ parties: [person({ idDocument: KEEP })] }),
    );
    expect(created.ok ? null : created.error.issues?.[0]?.path.join('.')).toBe(
      'parties.0.idDocument.number',
    );
    const both = await update({ idDocument: { ...KEEP, number: STORED } });
    expect(both.ok ? null : both.error.code).toBe('BAD_INPUT');
    const agent = await update({
      idDocument: KEEP,
      representatives: [
        {
          kind: 'AGENT',
          name: '李律师',
          relationship: '律师',
          phone: { phone: '13700001111' },
          idDocument: KEEP,
        },
      ],
    });
    expect(agent.ok ? null : agent.error.message).toBe(
      '代理人的证件号码不能保留原值，请填写完整的证件号码或不填写',
    );
    const respondent = detail.parties[1];
    const none = await l.raw('parties.update', {
      caseId: detail.id,
      partyId: respondent?.id,
      expectedVersion: respondent?.version,
      party: person({ role: 'RESPONDENT', name: '扎西多杰', gender: 'MALE', idDocument: KEEP }),
      reason: null,
    });
    expect(none.ok ? null : none.error.message).toBe(
      '该当事人没有已登记的证件号码可以保留，请填写完整的证件号码',
    );
  });
});
