import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../domain/api/accounts-contract.js';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import { API_METHODS, type ApiMethod } from '../../../domain/api/contract.js';
import { METHODS_ALLOWED_WHEN_DAMAGED } from '../../../domain/api/ledger-writes.js';
import { mayCall, METHOD_ROLES } from '../../../domain/api/method-roles.js';
import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import type {
  CaseDetail,
  Dashboard,
  DuplicateMatch,
  LedgerPage,
  SavedCase,
} from '../../../domain/cases/case-views.js';
import type {
  FollowUpPage,
  Reminders,
  WeekCalendar,
} from '../../../domain/followups/followup-views.js';
import { readsAnothersCase } from '../../../domain/api/anothers-case-reads.js';
import { CASE_NAMING_FIELDS, mediatorCaseDoor } from '../../../electron/api/mediator-case-door.js';
import { PNG_BYTES } from '../followups/followup-fixtures.js';
import { mediating } from '../reports/report-fixtures.js';
import {
  addMediator,
  intake,
  openTestLedger,
  setUpRoom,
  type TestLedger,
} from '../services/case-fixtures.js';
import { inputFields } from '../support/contract-input-fields.js';
import { actorOf, signInVia, TEST_PASSWORD, TEST_PEOPLE } from '../support/signed-in-core.js';

/**
 * §7.3: a 调解员 works on their own cases — those assigned to the mediator profile their
 * account is linked to. The door refuses every call naming another case (the walk below is
 * built from METHOD_ROLES and the contract, so a new method cannot escape it), and the lists
 * that name cases hold the own ones only. Through the real dispatcher.
 */

/** The methods a mediator may call whose input names no case: each one listed on purpose. */
const NAMES_NO_CASE: readonly ApiMethod[] = [
  'accounts.lock',
  'accounts.signOut',
  'accounts.touch',
  'accounts.changePassword',
  'settings.get',
  'settings.wording',
  'codeTables.get',
  'caseSettings.get',
  'agreements.getHolidayCalendar',
  'followups.getSettings',
  'mediators.list',
  // a new case; the duplicate probe lists own cases only, the others in its count (tested below)
  'cases.create',
  'cases.findDuplicateParties',
  // lists: scoped to the own cases (tested below)
  'cases.search',
  'dashboard.get',
  'followups.list',
  'calendar.week',
  'reminders.get',
  // the mediator's own form drafts
  'formDrafts.get',
  'formDrafts.save',
  'formDrafts.discard',
  // the committee's screening rounds and the county's subsidy rules are not one case's
  'screening.list',
  'screening.get',
  'screening.linkableCases',
  'subsidy.listRules',
  'subsidy.getRules',
];

/**
 * The third column: with the committee's read-only setting on (§7.3 "+ cases of their committee
 * read-only if configured"), the calls naming another's case that pass, each for what it shows.
 * Their answers are masked as for any case (masked-id-numbers.ts). Every other call naming
 * another's case stays refused: the writes (every method not in METHODS_ALLOWED_WHEN_DAMAGED)
 * and the reads below, which hand over a paper or a file.
 */
const READS_OF_ANOTHERS_CASE: readonly ApiMethod[] = [
  'cases.get', // the case page
  'cases.history', // its timeline of changes
  'agreements.listForCase', // the agreements' list
  'agreements.get', // an agreement on screen (numbers masked), not its paper
  'agreements.verify', // whether a signed agreement is unchanged: a yes or no
  'documents.listPrinted', // the documents list: which paper, when, by whom
  'followups.ofCase', // the case's visits
  'subsidy.ofCase', // its subsidy tier
  'volume.get', // the volume's table of contents, not the files in it
];

/** Reads that stay refused on another's case, with why. */
const CLOSED_READS: readonly ApiMethod[] = [
  'agreements.pdf', // the agreement's paper: may print whole ID numbers
  'agreements.scan', // a signed agreement's scan: numbers and signatures in the parties' hand
  'documents.printed', // a stored paper: the 司法确认申请书 and the 卷宗 print whole numbers
  'followups.proof', // a visit's photo: faces and homes, beyond the case page
  'volume.attachment', // the parties' own copies: identity cards, 委托书, evidence
];

const mediatorMethods = API_METHODS.filter(
  (m) => METHOD_ROLES[m] !== 'open' && mayCall('MEDIATOR', m),
);

describe('a mediator’s own cases', () => {
  let l: TestLedger;
  let mediatorA: number;
  let mediatorB: number;
  let account: AccountView;
  /** Per case-naming field: an id of case A's (own) and of case B's (another's). */
  const ids: Record<string, { own: number; other: number }> = {};
  let ofA: CaseDetail;
  let ofB: CaseDetail;

  const codeOf = async (method: string, input: unknown) => {
    const r = await l.raw(method, input);
    return r.ok ? 'OK' : r.error.code;
  };
  const asMediator = () => signInVia(l.core.dispatch, 'MEDIATOR');
  const asDirector = () => signInVia(l.core.dispatch, 'DIRECTOR');

  /** One record of each kind a call may name, in the case. */
  async function recordsOf(c: CaseDetail) {
    const agreement = await l.call<Agreement>('agreements.createDraft', { caseId: c.id });
    await l.call('documents.render', {
      caseId: c.id,
      kind: 'ACCEPTANCE_REGISTER',
      recordId: null,
      allowMissingGlyphs: true,
    });
    const printed = await l.call<{ id: number }[]>('documents.listPrinted', { caseId: c.id });
    const volume = await l.call<{ attachments: { id: number }[] }>('volume.attach', {
      caseId: c.id,
      kind: 'IDENTITY_PROOF',
      partyId: c.parties[0]!.id,
      file: { fileName: '身份证.png', dataBase64: PNG_BYTES.toString('base64') },
    });
    // A planned visit, a scan of a signed paper and a visit's proof need a settled case, a
    // generated agreement and a recorded visit; the door reads only which case they belong
    // to, and the lists only the visit's case and due date, so plain rows do.
    const db = l.core.ledger.db();
    const at = '2026-03-10T02:00:00.000Z';
    const followUp = {
      id: Number(
        db
          .prepare(
            `INSERT INTO followup (case_id, origin, note, due_date, status, created_at, updated_at)
             VALUES (?, 'MANUAL', '回访', '2026-03-12', 'SCHEDULED', ?, ?)`,
          )
          .run(c.id, at, at).lastInsertRowid,
      ),
    };
    const file = [PNG_BYTES, PNG_BYTES.length, 'x', at];
    const scan = db
      .prepare(
        `INSERT INTO agreement_attachment (agreement_id, file_name, media_type, byte_length,
           sha256, bytes, created_at, updated_at) VALUES (?, 'a.png', 'image/png', ?, ?, ?, ?, ?)`,
      )
      .run(agreement.id, file[1], file[2], file[0], file[3], file[3]).lastInsertRowid;
    const proof = db
      .prepare(
        `INSERT INTO followup_proof (followup_id, file_name, media_type, byte_length, sha256,
           bytes, created_at) VALUES (?, 'p.png', 'image/png', ?, ?, ?, ?)`,
      )
      .run(followUp.id, file[1], file[2], file[0], file[3]).lastInsertRowid;
    return {
      caseId: c.id,
      agreementId: agreement.id,
      followUpId: followUp.id,
      printedDocumentId: printed[0]!.id,
      volumeAttachmentId: volume.attachments[0]!.id,
      scanAttachmentId: Number(scan),
      proofId: Number(proof),
    };
  }

  beforeAll(async () => {
    l = await openTestLedger();
    mediatorA = (await setUpRoom(l)).mediatorId;
    mediatorB = await addMediator(l);
    ofA = await mediating(l, mediatorA, { title: '才让承办的草场纠纷' });
    ofB = await mediating(l, mediatorB, { title: '多吉承办的邻里纠纷' });
    const a = await recordsOf(ofA);
    const b = await recordsOf(ofB);
    for (const key of Object.keys(a) as (keyof typeof a)[])
      ids[key] = { own: a[key], other: b[key] };
    account = await l.call<AccountView>('accounts.create', {
      ...TEST_PEOPLE.MEDIATOR,
      role: 'MEDIATOR',
      password: TEST_PASSWORD,
      mediatorId: mediatorA,
    });
  }, 120_000);
  afterAll(() => l.close());

  /** The id of the record a method's field names (attachmentId names a different table each). */
  function idFor(method: ApiMethod, field: string, whose: 'own' | 'other'): number {
    if (field === 'attachmentId') {
      const key = method === 'agreements.scan' ? 'scanAttachmentId' : 'volumeAttachmentId';
      return ids[key]![whose];
    }
    const known = ids[field];
    if (!known) throw new Error(`no record for ${method}.${field}`);
    return known[whose];
  }

  it('names every mediator method either case-naming or listed as naming none', () => {
    const naming = mediatorMethods.filter((m) =>
      inputFields(m).some((f) => CASE_NAMING_FIELDS.includes(f)),
    );
    const rest = mediatorMethods.filter((m) => !naming.includes(m));
    expect([...rest].sort()).toEqual([...NAMES_NO_CASE].sort());
    // an id field the door cannot map would name a record of some case unchecked
    for (const m of rest) {
      const idFields = inputFields(m).filter((f) => /Id$/u.test(f));
      const notOfACase = ['mediatorId', 'visitorId', 'roundId', 'rowId', 'excludeCaseId'];
      expect(
        idFields.filter((f) => !notOfACase.includes(f)),
        m,
      ).toEqual([]);
    }
    expect(naming.length).toBeGreaterThan(50);
  });

  it('lets a mediator’s call through for an own case and refuses another’s, for every method', async () => {
    await asMediator();
    const naming = mediatorMethods.filter((m) =>
      inputFields(m).some((f) => CASE_NAMING_FIELDS.includes(f)),
    );
    for (const method of naming) {
      // the reveal refuses by the same rule in its service, to keep the refusal in the audit chain
      if (method === 'parties.revealIdNumber') continue;
      for (const field of inputFields(method).filter((f) => CASE_NAMING_FIELDS.includes(f))) {
        const other = await codeOf(method, { [field]: idFor(method, field, 'other') });
        expect(other, `${method} ${field} of another case`).toBe('NOT_OWN_CASE');
        const own = await codeOf(method, { [field]: idFor(method, field, 'own') });
        expect(own, `${method} ${field} of the own case`).not.toMatch(
          /^(NOT_OWN_CASE|MEDIATOR_NOT_LINKED)$/,
        );
      }
    }
  }, 120_000);

  it('says which refusal it is, and lets the director into every case', async () => {
    await asMediator();
    const refused = await l.raw('cases.get', { caseId: ofB.id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'NOT_OWN_CASE',
        message: '这不是您承办的案件，调解员只能查看和办理本人承办的案件',
      },
    });
    const own = await l.call<CaseDetail>('cases.get', { caseId: ofA.id });
    expect(own.title).toBe('才让承办的草场纠纷');
    await asDirector();
    expect((await l.call<CaseDetail>('cases.get', { caseId: ofB.id })).id).toBe(ofB.id);
    // the try is in the audit chain: who, which case, which method, why — never the input
    const tries = (await l.call<AuditPage>('audit.list', { action: 'CASE_REFUSED' })).entries;
    const opened = tries.filter((e) => JSON.parse(e.detail ?? '{}').method === 'cases.get');
    expect(opened[0]).toMatchObject({ caseId: ofB.id, actor: actorOf('MEDIATOR') });
    expect(JSON.parse(opened[0]?.detail ?? '{}')).toEqual({
      method: 'cases.get',
      refused: 'NOT_OWN_CASE',
    });
    // none for the own case, nor for the director
    expect(tries.every((e) => e.caseId === ofB.id || e.caseId === ids.caseId?.other)).toBe(true);
    expect(tries.every((e) => e.actor === actorOf('MEDIATOR'))).toBe(true);
  });

  it('lists, searches and reminds a mediator of their own cases only', async () => {
    await asMediator();
    const ledger = await l.call<LedgerPage>('cases.search', {});
    expect(ledger.rows.map((r) => r.id)).toEqual([ofA.id]);
    expect(ledger.total).toBe(1);
    // the text of another's case finds nothing, nor does asking for another's cases
    const text = await l.call<LedgerPage>('cases.search', { text: '多吉承办' });
    expect(text.rows).toEqual([]);
    const byOther = await l.call<LedgerPage>('cases.search', { mediatorId: mediatorB });
    expect(byOther).toMatchObject({ rows: [], total: 0 });
    const board = await l.call<Dashboard>('dashboard.get', { today: '2026-04-10' });
    expect(board.overdue.map((r) => r.id)).toEqual([ofA.id]);
    expect(board.overdueCount).toBe(1);
    // the visits are due on 03-12, two days after the ledger's today (03-10)
    const visits = await l.call<FollowUpPage>('followups.list', { bucket: 'WEEK' });
    expect(visits.rows.map((v) => v.caseId)).toEqual([ofA.id]);
    expect(visits.counts.WEEK).toBe(1);
    const week = await l.call<WeekCalendar>('calendar.week', { day: '2026-03-12' });
    const weekCases = new Set(week.days.flatMap((d) => d.items.map((i) => i.caseId)));
    expect([...weekCases]).toEqual([ofA.id]);
    const reminders = await l.call<Reminders>('reminders.get', {});
    expect(new Set(reminders.items.map((i) => i.caseId))).toEqual(new Set([ofA.id]));

    // the director's lists hold both
    await asDirector();
    const all = await l.call<LedgerPage>('cases.search', {});
    expect(all.rows.map((r) => r.id).sort()).toEqual([ofA.id, ofB.id].sort());
    const allBoard = await l.call<Dashboard>('dashboard.get', { today: '2026-04-10' });
    expect(allBoard.overdueCount).toBe(2);
    const allVisits = await l.call<FollowUpPage>('followups.list', { bucket: 'WEEK' });
    expect(allVisits.rows).toHaveLength(2);
  });

  it('names in the duplicate probe only own cases, counting the others', async () => {
    await asMediator();
    // both cases' 王芳 carries the fixture's ID number
    const [match] = await l.call<DuplicateMatch[]>('cases.findDuplicateParties', {
      parties: [{ idNumber: '632801198507041246', name: null, phone: null }],
      excludeCaseId: null,
    });
    expect(match?.openCaseCount).toBe(2);
    expect(match?.cases.map((c) => c.caseId)).toEqual([ofA.id]);
    // told that another's case exists, not whose: the intake form warns on the room's count
    expect(match?.unlistedCaseCount).toBe(1);
    await asDirector();
    const [all] = await l.call<DuplicateMatch[]>('cases.findDuplicateParties', {
      parties: [{ idNumber: '632801198507041246', name: null, phone: null }],
      excludeCaseId: null,
    });
    expect(all?.cases.map((c) => c.caseId).sort()).toEqual([ofA.id, ofB.id].sort());
    expect(all?.unlistedCaseCount).toBe(0);
  });

  it('offers a screening round only own proactive cases, and refuses linking another’s', async () => {
    await asDirector();
    const proactive = async (mediatorId: number, title: string) =>
      (
        await l.call<SavedCase>(
          'cases.create',
          intake({ mediatorIds: [mediatorId], title, source: 'PROACTIVE' }),
        )
      ).case.id;
    const ownProactive = await proactive(mediatorA, '才让排查发现的纠纷');
    const otherProactive = await proactive(mediatorB, '多吉排查发现的纠纷');
    const listed = async () =>
      (await l.call<{ id: number }[]>('screening.linkableCases', {})).map((c) => c.id);
    expect((await listed()).sort()).toEqual([ownProactive, otherProactive].sort());
    await asMediator();
    expect(await listed()).toEqual([ownProactive]);
    // a case named deep in the input (a round's issue) is checked too
    const linking = (caseId: number) => ({
      roundId: null,
      expectedVersion: 0,
      round: { issues: [{ caseId }] },
    });
    expect(await codeOf('screening.save', linking(otherProactive))).toBe('NOT_OWN_CASE');
    expect(await codeOf('screening.save', linking(ownProactive))).toBe('BAD_INPUT');
  });

  it('shows an account linked to no profile no case, and tells it to ask the director', async () => {
    await asDirector();
    await l.call('accounts.update', { id: account.id, mediatorId: null });
    try {
      await asMediator();
      const search = await l.raw('cases.search', {});
      expect(search).toMatchObject({
        ok: false,
        error: {
          code: 'MEDIATOR_NOT_LINKED',
          message: expect.stringContaining(
            '请调委会主任在“设置 → 账号”中为您的账号选择对应的调解员',
          ),
        },
      });
      expect(await codeOf('cases.get', { caseId: ofA.id })).toBe('MEDIATOR_NOT_LINKED');
      const board = await l.call<Dashboard>('dashboard.get', { today: '2026-04-10' });
      expect(board).toMatchObject({ todaySessions: [], dueSoon: [], overdue: [], overdueCount: 0 });
      const visits = await l.call<FollowUpPage>('followups.list', { bucket: 'WEEK' });
      expect(visits.rows).toEqual([]);
      expect(visits.counts.WEEK).toBe(0);
      expect((await l.call<Reminders>('reminders.get', {})).items).toEqual([]);
    } finally {
      await asDirector();
      await l.call('accounts.update', { id: account.id, mediatorId: mediatorA });
    }
  });
  it('classifies every case-naming read for the read-only setting: let through or closed', () => {
    const naming = mediatorMethods.filter((m) =>
      inputFields(m).some((f) => CASE_NAMING_FIELDS.includes(f)),
    );
    // a new read naming a case fails here until it is put in one list or the other
    expect(naming.filter(readsAnothersCase).sort()).toEqual([...READS_OF_ANOTHERS_CASE].sort());
    const closed = naming.filter(
      (m) => METHODS_ALLOWED_WHEN_DAMAGED.has(m) && !readsAnothersCase(m),
    );
    expect(closed.sort()).toEqual([...CLOSED_READS].sort());
  });

  it('with the committee’s read-only setting, lets reads of another’s case through and refuses the rest', async () => {
    const db = () => l.core.ledger.db();
    const refusals = () =>
      db()
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'CASE_REFUSED'")
        .pluck()
        .get() as number;
    const door = (roomReadable: boolean) =>
      mediatorCaseDoor(
        db,
        (entry) => l.core.ledger.recordEntry(entry),
        () => roomReadable,
      );
    const outcome = (open: boolean, method: ApiMethod, input: unknown): string => {
      try {
        door(open)(account, method, input);
        return 'PASSED';
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      }
    };
    const naming = mediatorMethods.filter((m) =>
      inputFields(m).some((f) => CASE_NAMING_FIELDS.includes(f)),
    );
    let refused = 0;
    for (const method of naming) {
      if (method === 'parties.revealIdNumber') continue; // refused by its service (tested below)
      for (const field of inputFields(method).filter((f) => CASE_NAMING_FIELDS.includes(f))) {
        const other = { [field]: idFor(method, field, 'other') };
        const before = refusals();
        const expected = READS_OF_ANOTHERS_CASE.includes(method) ? 'PASSED' : 'NOT_OWN_CASE';
        expect(outcome(true, method, other), `${method} ${field} with the setting`).toBe(expected);
        // each refusal is in the audit chain, a read let through is not
        expect(refusals() - before, method).toBe(expected === 'PASSED' ? 0 : 1);
        if (expected !== 'PASSED') refused += 1;
        // without the setting every one is refused, and the own case is always open
        expect(outcome(false, method, other), `${method} ${field} without`).toBe('NOT_OWN_CASE');
        expect(outcome(true, method, { [field]: idFor(method, field, 'own') })).toBe('PASSED');
      }
    }
    expect(refused).toBeGreaterThan(40);
  });
});
