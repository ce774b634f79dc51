import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { maskAddress } from '../../../electron/api/masked-contacts.js';
import { mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures.js';
import { addMediator, naturalInput } from '../services/case-fixtures.js';
import { signInVia, TEST_PASSWORD, TEST_PEOPLE } from '../support/signed-in-core.js';

const OWN = { loginName: 'duoji', displayName: '多吉' };
/** Whole phones and addresses of the case, as saved and as corrected (the history holds both). */
const WHOLE = ['13800001234', '13900005678', '13900009999', '长江源村', '昆仑路19号'];

/**
 * Issue 11: a 调解员 reading another's case under the committee's read-only setting gets no
 * whole phone or address in any answer (§7.2: C2 masked outside the case owner and the
 * committee), from the main process; the case's own mediator and the director still do.
 */
describe('phones and addresses in a read of another’s case', () => {
  let m: MediatingCase;
  beforeAll(async () => {
    m = await mediatingCase();
    const respondent = m.detail.parties[1]!;
    // a correction, so the history holds old and new phone and address lines too
    await m.l.call<SavedCase>('parties.update', {
      caseId: m.detail.id,
      partyId: respondent.id,
      expectedVersion: respondent.version,
      party: naturalInput(respondent, {
        phone: { phone: '13900009999' },
        address: '格尔木市唐古拉山镇长江源村三社5号',
      }),
    });
    // a corrected 调查记录: its history line prints each person's details, address among them
    const witness = { name: '马文礼', gender: 'MALE', age: 45, address: '昆仑路19号商户' };
    const investigation = (age: number) => ({
      at: '2026-03-08T10:00',
      place: '草场',
      investigatedPersons: [{ ...witness, age }],
      investigatorIds: [m.mediatorId],
      recorder: '李明',
      content: '问：当天你看到了什么？\n答：看到围栏被推倒。',
    });
    const added = await m.l.call<CaseDetail>('investigations.add', {
      caseId: m.detail.id,
      investigation: investigation(45),
    });
    const record = added.investigations[0]!;
    await m.l.call('investigations.update', {
      caseId: m.detail.id,
      investigationId: record.id,
      expectedVersion: record.version,
      investigation: investigation(46),
    });
    await m.l.call('accounts.create', {
      ...TEST_PEOPLE.MEDIATOR,
      role: 'MEDIATOR',
      password: TEST_PASSWORD,
      mediatorId: await addMediator(m.l),
    });
    await m.l.call('accounts.create', {
      ...OWN,
      role: 'MEDIATOR',
      password: TEST_PASSWORD,
      mediatorId: m.mediatorId,
    });
    await m.l.call('accounts.setMediatorsReadRoom', { on: true });
  }, 60_000);
  afterAll(() => m.l.close());

  /** What the signed-in person receives of the case page and its history, as one text. */
  const answers = async () =>
    JSON.stringify([
      await m.l.call<CaseDetail>('cases.get', { caseId: m.detail.id }),
      await m.l.call('cases.history', { caseId: m.detail.id }),
    ]);

  it('another mediator receives them masked, the township kept', async () => {
    await signInVia(m.l.core.dispatch, 'MEDIATOR');
    const text = await answers();
    for (const whole of WHOLE) expect(text).not.toContain(whole);
    const masked = [
      '138****1234',
      '139****9999',
      // the history's line of the correction: the old number, masked too
      '139****5678',
      '格尔木市唐古拉山镇……（详细地址已隐去）',
      '"readOnly":true',
      // the investigation's history line keeps the name only
      '"oldText":"马文礼"',
    ];
    for (const shown of masked) expect(text).toContain(shown);
  });

  it('the case’s own mediator and the director receive them whole', async () => {
    await signInVia(m.l.core.dispatch, 'DIRECTOR');
    for (const whole of WHOLE) expect(await answers()).toContain(whole);
    await m.l.call('accounts.signIn', { loginName: OWN.loginName, password: TEST_PASSWORD });
    const own = await answers();
    expect(own).toContain('"readOnly":false');
    for (const whole of WHOLE) expect(own).toContain(whole);
  });
});

describe('maskAddress', () => {
  it('keeps the township, says the rest is hidden, hides what it cannot place', () => {
    expect(maskAddress('格尔木市唐古拉山镇长江源村')).toBe(
      '格尔木市唐古拉山镇……（详细地址已隐去）',
    );
    expect(maskAddress('锡林浩特市宝力根苏木')).toBe('锡林浩特市宝力根苏木');
    expect(maskAddress('幸福路12号')).toBe('（地址已隐去）');
    expect(maskAddress('')).toBe('');
  });
});
