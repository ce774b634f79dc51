import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import {
  intake,
  openTestLedger,
  person,
  session,
  setUpRoom,
  type TestLedger,
} from './case-fixtures.js';

let l: TestLedger;
let mediatorId: number;
let caseRef: CaseDetail;

const NASTY = [
  "'); DROP TABLE case_file;--",
  '{{x}}',
  '${x}',
  '<script>alert(1)</script>',
  '"草场" OR *',
  '%_\\',
  'NEAR(a b)',
  '\u0000\u0007\u202E',
  '𠀀𪚥',
  'x'.repeat(1_000_000),
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  nastyString,
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.double(),
);

/** Row counts of every table: a refused call must leave all of them as they were. */
function fingerprint(): string {
  const db = l.core.ledger.db();
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search%' ORDER BY name`,
    )
    .all() as { name: string }[];
  return tables
    .map(
      (t) =>
        `${t.name}=${(db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n}`,
    )
    .join(',');
}

/** A valid input per method, which the fuzzer then damages one key at a time. */
function validInputs(): Record<string, Record<string, unknown>> {
  const ids = caseRef.parties.map((p) => p.id);
  return {
    'mediators.list': { includeInactive: true },
    'mediators.save': {
      id: null,
      expectedVersion: 0,
      name: '巴特尔',
      isPeopleMediator: true,
      languages: ['zh', 'mn'],
      active: true,
    },
    'cases.create': intake(),
    'cases.get': { caseId: caseRef.id },
    'cases.update': { caseId: caseRef.id, expectedVersion: 999, changes: { summary: '改' } },
    'cases.transition': {
      caseId: caseRef.id,
      expectedVersion: 999,
      input: { action: 'START_MEDIATION' },
    },
    'cases.voidNumber': {
      caseId: caseRef.id,
      expectedVersion: 999,
      reason: '录入错误',
      reissue: true,
    },
    'cases.search': { text: '草场', statuses: ['MEDIATING'], page: 1 },
    'cases.findDuplicateParties': { parties: [{ name: '王芳', phone: '13800001234' }] },
    'parties.add': { caseId: caseRef.id, expectedVersion: 999, party: person() },
    'parties.update': {
      caseId: caseRef.id,
      partyId: ids[0],
      expectedVersion: 999,
      party: person(),
    },
    'parties.revealIdNumber': { caseId: caseRef.id, partyId: ids[0], reason: '核对身份' },
    'participants.add': {
      caseId: caseRef.id,
      participant: { name: '马德福', role: 'RESPECTED_ELDER', consentGiven: true },
    },
    'sessions.add': { caseId: caseRef.id, session: session(ids, mediatorId) },
    'sessions.update': {
      caseId: caseRef.id,
      sessionId: 1,
      expectedVersion: 999,
      session: session(ids, mediatorId),
    },
    'investigations.add': {
      caseId: caseRef.id,
      investigation: {
        at: '2026-03-08T10:00',
        place: '草场',
        investigatedPersons: [{ name: '马德福' }],
        investigatorIds: [mediatorId],
        recorder: '李明',
        content: '问：答：',
      },
    },
    'investigations.update': {
      caseId: caseRef.id,
      investigationId: 1,
      expectedVersion: 999,
      investigation: {
        at: '2026-03-08T10:00',
        place: '草场',
        investigatedPersons: [
          { name: '马德福', gender: 'MALE', age: 45, address: '金峰村', relation: '申请人邻居' },
        ],
        investigatorIds: [mediatorId],
        recorder: '李明',
        content: '问：答：',
      },
    },
    'referrals.feedback': {
      caseId: caseRef.id,
      referralId: 1,
      expectedVersion: 1,
      feedback: { feedback: '已受理', feedbackDate: '2026-03-09' },
    },
    'dashboard.get': {},
    'codeTables.get': { names: ['gender'] },
    'caseSettings.get': {},
    'caseSettings.save': {
      expectedVersion: 999,
      dueDays: { LOW: 30, MEDIUM: 30, HIGH: 15, CRITICAL: 7 },
      ethnicExtensions: [],
    },
  };
}

beforeAll(async () => {
  l = await openTestLedger();
  ({ mediatorId } = await setUpRoom(l));
  const saved = await l.call<SavedCase>('cases.create', intake());
  const accepted = await l.call<CaseDetail>('cases.transition', {
    caseId: saved.case.id,
    expectedVersion: saved.case.version,
    input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
  });
  caseRef = await l.call<CaseDetail>('cases.transition', {
    caseId: accepted.id,
    expectedVersion: accepted.version,
    input: { action: 'START_MEDIATION' },
  });
});
afterAll(() => l.close());

describe('every case-ledger method under hostile input', () => {
  const methods = [
    'mediators.list',
    'mediators.save',
    'cases.create',
    'cases.get',
    'cases.update',
    'cases.transition',
    'cases.voidNumber',
    'cases.search',
    'cases.findDuplicateParties',
    'parties.add',
    'parties.update',
    'parties.revealIdNumber',
    'participants.add',
    'sessions.add',
    'sessions.update',
    'investigations.add',
    'investigations.update',
    'referrals.feedback',
    'dashboard.get',
    'codeTables.get',
    'caseSettings.get',
    'caseSettings.save',
  ];
  it.each(methods)('%s never answers INTERNAL and never half-writes', async (method) => {
    const base = validInputs()[method] ?? {};
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          junk.map((v) => ({ mode: 'whole', value: v }) as const),
          fc
            .record({ key: fc.constantFrom(...Object.keys(base), 'extra'), value: junk })
            .map((r) => ({ mode: 'key', ...r }) as const),
        ),
        async (damage) => {
          const input =
            damage.mode === 'whole' ? damage.value : { ...base, [damage.key]: damage.value };
          const before = fingerprint();
          const res = await l.raw(method, input);
          if (!res.ok) {
            expect(res.error.code).not.toBe('INTERNAL');
            expect(fingerprint()).toBe(before);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stores SQL- and template-looking text literally', async () => {
    const text = "'); DROP TABLE case_file;-- {{x}} ${x} <script>";
    const saved = await l.call<SavedCase>(
      'cases.create',
      intake({ summary: text, parties: [person({ address: text })] }),
    );
    const back = await l.call<CaseDetail>('cases.get', { caseId: saved.case.id });
    expect(back.summary).toBe(text);
    expect(back.parties[0]?.address).toBe(text);
    const found = await l.call<{ rows: { id: number }[] }>('cases.search', { text: 'DROP TABLE' });
    expect(found.rows.map((r) => r.id)).toContain(saved.case.id);
  });
});
