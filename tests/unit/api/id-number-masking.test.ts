import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/accounts/roles.js';
import type { ApiMethod } from '../../../domain/api/contract.js';
import { apiContract } from '../../../domain/api/contract.js';
import { METHODS_ALLOWED_WHEN_DAMAGED } from '../../../domain/api/ledger-writes.js';
import { mayCall } from '../../../domain/api/method-roles.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { intake, openTestLedger, person, setUpRoom } from '../services/case-fixtures.js';
import type { TestLedger } from '../services/case-fixtures.js';
import { linkMediatorAccount, signInAs } from '../support/signed-in-core.js';

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

const PERIOD = '2026-03';

/** Methods that write, sign in or out, or replace the ledger: nothing of a party is read. */
const WRITES = new Set<string>([
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
  'system.restoreBackup',
  'system.backupNow',
  'system.startEmptyLedger',
  'system.setBackupFolder',
]);

/**
 * Reads of case content a mediator and a director may call, beside the receptionist's (below),
 * each asked on the seeded case. The answers of the writes the seeding made are scanned too.
 */
const caseWorkInputs = (
  caseId: number,
  agreementId: number,
): Partial<Record<ApiMethod, readonly unknown[]>> => ({
  'agreements.get': [{ agreementId }],
  'agreements.checkDraft': [{ agreementId }],
  'agreements.listForCase': [{ caseId }],
  'documents.listPrinted': [{ caseId }],
  'followups.list': [{ bucket: 'OVERDUE' }, { bucket: 'UPCOMING' }],
  'followups.ofCase': [{ caseId }],
  'calendar.week': [{ day: '2026-03-10' }],
  'reminders.get': [{}],
  'screening.list': [{ period: PERIOD }],
  'screening.linkableCases': [{}],
  'subsidy.listRules': [{}],
  'subsidy.ofCase': [{ caseId }],
  'statistics.get': [{ period: PERIOD }],
  'exports.list': [{}],
  'audit.list': [{}],
  'audit.verify': [{}],
});

/**
 * Reads a mediator or director may call that this test does not ask, and why each is safe.
 * A read added to those roles must land here or in the inputs: the test below fails until it
 * does, so a new method is looked at before it can hand out whole numbers.
 */
const NOT_ASKED: Partial<Record<ApiMethod, string>> = {
  'agreements.pdf':
    'PDF bytes: an agreement prints the number by right, to a 调解员 of the case only (whole-id-paper-scope.test.ts)',
  'agreements.scan': 'the scanned signed copy (bytes), scoped as agreements.pdf',
  'agreements.verify': 'hashes and seals',
  'documents.printed':
    'PDF bytes of a printed paper, scoped as agreements.pdf when it prints numbers',
  'followups.proof': 'the proof file (bytes)',
  'followups.getSettings': 'room settings',
  'volume.get': 'an archived volume: its case detail passes the same mask',
  'volume.attachment': 'attachment bytes, to a 调解员 of the case only',
  'mediators.workload': 'staff and case numbers',
  'mediators.listPrinted': 'staff papers',
  'mediators.printed': 'PDF bytes of a staff paper',
  'screening.get': 'a screening round: names and issues typed there, no document numbers',
  'subsidy.getRules': 'rules, no party data',
  'subsidy.claimPack': 'claim lines by case number; the pack PDF prints what the county needs',
  'subsidy.claimPacks': 'as subsidy.claimPack',
  'subsidy.claimXlsx': 'xlsx bytes for the county (an export the role may make)',
  'county.report': 'aggregates of the county database',
  'accounts.list': 'accounts, no party data',
  'system.listBackups': 'file names and counts',
  'system.restorePreview': 'counts and case numbers',
  'system.unlockBackup': 'the restore preview, as system.restorePreview',
};

/**
 * domain.md §7.3 and issue 11, must-have 4: every role sees saved ID numbers masked; the whole
 * number comes only through `parties.revealIdNumber`, with a reason and an audit entry. A
 * receptionist, who may not reveal, is walked through every method the role may call.
 */
describe('no answer but the audited reveal carries a whole ID number', () => {
  let l: TestLedger;
  let saved: CaseDetail;
  let writeAnswers = '';
  let agreementId = 0;
  let mediatorId = 0;

  beforeAll(async () => {
    l = await openTestLedger();
    ({ mediatorId } = await setUpRoom(l));
    const created = await l.call<SavedCase>(
      'cases.create',
      intake({
        mediatorIds: [mediatorId],
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
    const accepted = await l.call<CaseDetail>('cases.transition', {
      caseId: saved.id,
      expectedVersion: saved.version,
      input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
    });
    saved = await l.call<CaseDetail>('cases.transition', {
      caseId: accepted.id,
      expectedVersion: accepted.version,
      input: { action: 'START_MEDIATION' },
    });
    agreementId = (await l.call<{ id: number }>('agreements.createDraft', { caseId: saved.id })).id;
    // the answers of the writes themselves (a director's): the number typed is not sent back
    writeAnswers = answerText([created, corrected]);
    // a director's half-typed correction, autosaved (drafts are their author's: see below)
    await l.call('formDrafts.save', {
      key: `party:${saved.id}:${wang.id}`,
      payloadBase64: draft({ idNumber: FIRST }),
    });
    await signInAs(l.core, 'RECEPTIONIST');
    // A receptionist reads her own intakes only: the director's case is made hers, so every
    // read below is of a case she may open (what she may open: receptionist-own-intakes.test.ts).
    const db = l.core.ledger.db();
    const lamao = db
      .prepare("SELECT id FROM desk_account WHERE login_name = 'lamao'")
      .pluck()
      .get();
    db.prepare('UPDATE case_file SET registrar_account_id = ? WHERE id = ?').run(lamao, saved.id);
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
    const read = new Set(Object.keys(inputs()));
    const unchecked = (Object.keys(apiContract) as ApiMethod[]).filter(
      (m) => mayCall('RECEPTIONIST', m) && !read.has(m) && !WRITES.has(m),
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

  it('answers the intake and the correction that typed them with the numbers masked', () => {
    expect(writeAnswers).toContain('632801********1262');
    for (const number of WHOLE) expect(writeAnswers).not.toContain(number);
  });

  it.each<Role>(['MEDIATOR', 'DIRECTOR'])(
    'as %s, every read of case content carries the numbers masked',
    async (role) => {
      // a 调解员 reads the cases of the mediator profile the director linked the account to (§7.3)
      if (role === 'MEDIATOR') await linkMediatorAccount(l.core.dispatch, mediatorId);
      await signInAs(l.core, role);
      const asked = { ...inputs(), ...caseWorkInputs(saved.id, agreementId) };
      for (const [method, calls] of Object.entries(asked)) {
        if (!mayCall(role, method as ApiMethod)) continue;
        // the director typed the seeded draft: a draft goes back to its author as typed
        if (role === 'DIRECTOR' && method === 'formDrafts.get') continue;
        for (const input of calls ?? []) {
          const res = await l.raw(method, input);
          if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
          const text = answerText(res.value);
          for (const number of WHOLE) expect(text, method).not.toContain(number);
        }
      }
      const detail = await l.call<CaseDetail>('cases.get', { caseId: saved.id });
      expect(detail.parties[0]?.idDocument?.number).toBe('632801********1262');
      expect(detail.parties[0]?.representatives[0]?.idDocument?.number).toBe('632801********1235');
      // the one way to the whole number, with a reason
      const shown = await l.call<{ number: string }>('parties.revealIdNumber', {
        caseId: saved.id,
        partyId: saved.parties[0]?.id,
        reason: '核对身份',
      });
      expect(shown.number).toBe(CORRECTED);
    },
  );

  it.each<Role>(['MEDIATOR', 'DIRECTOR'])('as %s, leaves out no read of the role', (role) => {
    const asked = new Set(Object.keys({ ...inputs(), ...caseWorkInputs(0, 0) }));
    const unchecked = [...METHODS_ALLOWED_WHEN_DAMAGED].filter(
      (m) => mayCall(role, m) && !asked.has(m) && !WRITES.has(m) && NOT_ASKED[m] === undefined,
    );
    expect(unchecked).toEqual([]);
  });
});
