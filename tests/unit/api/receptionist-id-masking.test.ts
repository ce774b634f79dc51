import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../../domain/api/contract.js';
import { apiContract } from '../../../domain/api/contract.js';
import { mayCall } from '../../../domain/api/method-roles.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { intake, openTestLedger, person, setUpRoom } from '../services/case-fixtures.js';
import type { TestLedger } from '../services/case-fixtures.js';
import { signInAs } from '../support/signed-in-core.js';

// Whole numbers seeded below: the applicant's before and after a correction, her agent's.
const FIRST = '632801198507041246';
const CORRECTED = '632801198507041262';
const AGENT = '632801196001011235';
const MINE = '632801199003150021';
const WHOLE = [FIRST, CORRECTED, AGENT];

const draft = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64');

/** Every answer as text, the drafts' payloads decoded too (they travel as base64). */
function answerText(value: unknown): string {
  const text = JSON.stringify(value);
  const payload = (value as { payloadBase64?: unknown } | null)?.payloadBase64;
  return typeof payload === 'string'
    ? `${text}${Buffer.from(payload, 'base64').toString('utf8')}`
    : text;
}

/**
 * domain.md §7.3: a receptionist sees ID numbers masked once saved. Every method the role may
 * call answers without a whole number of a saved party; a mediator still gets it (the
 * correction form needs it).
 */
describe('a receptionist never receives a whole ID number', () => {
  let l: TestLedger;
  let saved: CaseDetail;

  beforeAll(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
    const created = await l.call<SavedCase>(
      'cases.create',
      intake({
        parties: [
          person({
            representatives: [
              {
                kind: 'AGENT',
                name: '李律师',
                relationship: '律师',
                phone: { phone: '13700001111' },
                idDocument: { type: 'RESIDENT_ID', number: AGENT },
              },
            ],
          }),
          person({ role: 'RESPONDENT', name: '扎西多杰', gender: 'MALE', idDocument: null }),
        ],
      }),
    );
    const wang = created.case.parties[0];
    if (!wang) throw new Error('no party');
    // a correction puts the old and the new number in the field history
    const corrected = await l.call<SavedCase>('parties.update', {
      caseId: created.case.id,
      partyId: wang.id,
      expectedVersion: wang.version,
      party: person({
        idDocument: { type: 'RESIDENT_ID', number: CORRECTED },
        representatives: [
          {
            kind: 'AGENT',
            name: '李律师',
            relationship: '律师',
            phone: { phone: '13700001111' },
            idDocument: { type: 'RESIDENT_ID', number: AGENT },
          },
        ],
      }),
      reason: '证件号码录入有误',
    });
    saved = corrected.case;
    // a mediator's half-typed correction, autosaved
    await l.call('formDrafts.save', {
      key: `party:${saved.id}:${wang.id}`,
      payloadBase64: draft({ idNumber: FIRST }),
    });
    await signInAs(l.core, 'RECEPTIONIST');
  });
  afterAll(() => l.close());

  const inputs = (): Partial<Record<ApiMethod, readonly unknown[]>> => ({
    'cases.get': [{ caseId: saved.id }],
    'cases.search': [{}, { text: '王芳' }, { text: CORRECTED }, { text: FIRST.slice(-6) }],
    'cases.history': [{ caseId: saved.id }],
    'cases.findDuplicateParties': [
      { parties: [{ idNumber: CORRECTED, name: '王芳', phone: '13800001234' }] },
      { parties: [{ idNumber: AGENT, name: null, phone: null }] },
    ],
    'dashboard.get': [{}, { today: '2026-03-10' }],
    'formDrafts.get': [{ key: 'intake' }, { key: `party:${saved.id}:${saved.parties[0]?.id}` }],
    'settings.get': [{}],
    'codeTables.get': [{}],
    'caseSettings.get': [{}],
    'agreements.getHolidayCalendar': [{}],
    'followups.getSettings': [{}],
    'settings.wording': [{}],
    'mediators.list': [{}],
    'system.status': [{}],
    'accounts.session': [{}],
  });

  it('reads every method the role may call with the numbers masked', async () => {
    const read = inputs();
    for (const [method, calls] of Object.entries(read)) {
      for (const input of calls ?? []) {
        const res = await l.raw(method, input);
        if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
        const text = answerText(res.value);
        for (const number of WHOLE) expect(text, method).not.toContain(number);
      }
    }
    const detail = await l.call<CaseDetail>('cases.get', { caseId: saved.id });
    const wang = detail.parties[0];
    expect(wang?.idDocument?.number).toBe('632801********1262');
    expect(wang?.representatives[0]?.idDocument?.number).toBe('632801********1235');
    // the search by a whole number still finds the case; only the answer is masked
    const found = await l.call<{ rows: { id: number }[] }>('cases.search', { text: CORRECTED });
    expect(found.rows.map((r) => r.id)).toEqual([saved.id]);
  });

  it('leaves out no method the role may call but writes, signs in or out', () => {
    const writes = new Set<string>([
      'cases.create',
      'formDrafts.save',
      'formDrafts.discard',
      'accounts.setUp',
      'accounts.signIn',
      'accounts.recover',
      'accounts.lock',
      'accounts.signOut',
      'accounts.touch',
      'accounts.changePassword',
    ]);
    const read = new Set(Object.keys(inputs()));
    const unchecked = (Object.keys(apiContract) as ApiMethod[]).filter(
      (m) => mayCall('RECEPTIONIST', m) && !read.has(m) && !writes.has(m),
    );
    expect(unchecked).toEqual([]);
  });

  it('gets back the case it registered with the numbers masked', async () => {
    const mine = await l.call<SavedCase>(
      'cases.create',
      intake({ parties: [person({ idDocument: { type: 'RESIDENT_ID', number: MINE } })] }),
    );
    expect(answerText(mine)).not.toContain(MINE);
    expect(mine.case.parties[0]?.idDocument?.number).toBe('632801********0021');
  });

  it('as a mediator, the case still carries the whole numbers for the correction form', async () => {
    await signInAs(l.core, 'MEDIATOR');
    const detail = await l.call<CaseDetail>('cases.get', { caseId: saved.id });
    expect(detail.parties[0]?.idDocument?.number).toBe(CORRECTED);
    expect(detail.parties[0]?.representatives[0]?.idDocument?.number).toBe(AGENT);
    const mediatorDraft = await l.call<{ payloadBase64: string }>('formDrafts.get', {
      key: `party:${saved.id}:${saved.parties[0]?.id}`,
    });
    expect(answerText(mediatorDraft)).toContain(FIRST);
  });
});
