import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Agreement,
  AgreementAttachment,
  ScanFile,
  PdfFile,
  RenderedDocument,
} from '../../../domain/agreements/agreement-views.js';
import type { CaseVolume } from '../../../domain/volume/volume-views.js';
import type { AccountView } from '../../../domain/api/accounts-contract.js';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import type { PrintedDocument } from '../../../domain/documents/printed-documents.js';
import {
  draftWith,
  generated,
  mediatingCase,
  type MediatingCase,
} from '../agreements/agreement-fixtures.js';
import { pdfFile, removePdfFiles, squash } from '../documents/fixtures.js';
import { PNG_BYTES } from '../followups/followup-fixtures.js';
import { addMediator, type TestLedgerOptions } from './case-fixtures.js';
import { actorOf, signInVia, TEST_PASSWORD, TEST_PEOPLE } from '../support/signed-in-core.js';
import { accountMessagesZhCN } from '../../../domain/messages/accounts-zh-CN.js';

const WHOLE = '632801198507041246';
/**
 * Since the 调解员's case scope (s29-scope), the door refuses a call naming another's case before
 * the paper checks run; they stay as the second line (whole-id-papers.ts) for a setting that
 * would let reads through. So the refusal seen here is the door's: its message and a
 * CASE_REFUSED entry naming the method.
 */
const NOT_OWN = { code: 'NOT_OWN_CASE', message: accountMessagesZhCN.notOwnCase };

/**
 * Review T1 of s28: the 调解员's own-case rule of the reveal holds for every paper that prints
 * a party's whole ID number. The case belongs to profile A; the mediator's account is linked to
 * A (their case) or to B (not theirs: the same as B's mediator trying A's case). Each refusal is
 * a REVEAL_ID_REFUSED entry naming the paper, and leaves the print register as it was. Through
 * the real dispatcher, as the renderer calls it.
 */
interface Desk {
  readonly m: MediatingCase;
  readonly profileB: number;
  readonly account: AccountView;
}

async function openDesk(options: TestLedgerOptions = {}): Promise<Desk> {
  const m = await mediatingCase(undefined, options);
  const profileB = await addMediator(m.l);
  const account = await m.l.call<AccountView>('accounts.create', {
    ...TEST_PEOPLE.MEDIATOR,
    role: 'MEDIATOR',
    password: TEST_PASSWORD,
    mediatorId: m.mediatorId,
  });
  return { m, profileB, account };
}

const asDirector = (d: Desk) => signInVia(d.m.l.core.dispatch, 'DIRECTOR');

/** Signs the mediator in, their account linked to `profile` (by the director first). */
async function asMediatorOf(d: Desk, profile: number): Promise<void> {
  await asDirector(d);
  await d.m.l.call('accounts.update', { id: d.account.id, mediatorId: profile });
  await signInVia(d.m.l.core.dispatch, 'MEDIATOR');
}

const errorOf = async (d: Desk, method: string, input: unknown) => {
  const r = await d.m.l.raw(method, input);
  return r.ok ? null : r.error;
};

/** What the print register holds: stored versions and trips to paper. */
function registerCounts(d: Desk): { documents: number; prints: number } {
  const db = d.m.l.core.ledger.db();
  const n = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { documents: n('printed_document'), prints: n('print_event') };
}

async function refusals(
  d: Desk,
): Promise<{ actor: string; caseId: number | null; detail: unknown }[]> {
  await asDirector(d);
  const page = await d.m.l.call<AuditPage>('audit.list', { action: 'CASE_REFUSED' });
  return page.entries.map((e) => ({
    actor: e.actor,
    caseId: e.caseId,
    detail: JSON.parse(e.detail ?? 'null') as unknown,
  }));
}

afterAll(removePdfFiles);

const textOf = (base64: string) => squash(pdfFile(Buffer.from(base64, 'base64')).text());

/**
 * Calls `method` as the mediator of B (refused, audited, nothing registered), then as the
 * mediator of A and as the director (both answered), returning the answers.
 */
async function refusedOutsideThenAnswered<T>(
  d: Desk,
  method: string,
  input: unknown,
  _paper: string,
): Promise<{ own: T; director: T }> {
  await asMediatorOf(d, d.profileB);
  const before = registerCounts(d);
  const earlier = (await refusals(d)).length;
  await signInVia(d.m.l.core.dispatch, 'MEDIATOR');
  expect(await errorOf(d, method, input)).toEqual(NOT_OWN);
  expect(registerCounts(d)).toEqual(before);
  const entries = await refusals(d);
  expect(entries).toHaveLength(earlier + 1);
  expect(entries[0]).toEqual({
    actor: actorOf('MEDIATOR'),
    caseId: d.m.detail.id,
    detail: { method, refused: 'NOT_OWN_CASE' },
  });

  await asMediatorOf(d, d.m.mediatorId);
  const own = await d.m.l.call<T>(method, input);
  await asDirector(d);
  const director = await d.m.l.call<T>(method, input);
  return { own, director };
}

describe('an agreement draft printed with 身份证号码', () => {
  let d: Desk;
  let draft: Agreement;
  beforeAll(async () => {
    d = await openDesk();
    draft = await draftWith(d.m, { printIdNumbers: true });
  });
  afterAll(() => d.m.l.close());

  it('previews for the case’s mediator and the director only', async () => {
    const input = { agreementId: draft.id, allowMissingGlyphs: true };
    const { own, director } = await refusedOutsideThenAnswered<PdfFile>(
      d,
      'agreements.preview',
      input,
      'AGREEMENT',
    );
    expect(textOf(own.pdfBase64)).toContain(WHOLE);
    expect(textOf(director.pdfBase64)).toContain(WHOLE);
  });

  it('a draft without the option previews for the case’s mediator (no whole number on it)', async () => {
    await asDirector(d);
    const plain = await d.m.l.call<Agreement>('agreements.updateDraft', {
      agreementId: draft.id,
      expectedVersion: (await d.m.l.call<Agreement>('agreements.get', { agreementId: draft.id }))
        .version,
      content: { ...draft.content, printIdNumbers: false },
    });
    await asMediatorOf(d, d.m.mediatorId);
    const file = await d.m.l.call<PdfFile>('agreements.preview', {
      agreementId: plain.id,
      allowMissingGlyphs: true,
    });
    expect(textOf(file.pdfBase64)).not.toContain(WHOLE);
  });
});

/** A generated agreement printed with 身份证号码, signed by every party. */
async function signedWithIdNumbers(d: Desk): Promise<Agreement> {
  const gen = await generated(d.m, { printIdNumbers: true });
  return d.m.l.call<Agreement>('agreements.recordSignatures', {
    agreementId: gen.id,
    expectedVersion: gen.version,
    signatures: {
      parties: d.m.partyIds.map((partyId) => ({ partyId, date: '2026-03-10', mode: 'SIGN' })),
      mediatorDate: '2026-03-10',
      recorderDate: '2026-03-10',
      sealDate: '2026-03-10',
    },
  });
}

describe('a signed agreement printed with 身份证号码, and its 司法确认申请书', () => {
  let d: Desk;
  let signed: Agreement;
  beforeAll(async () => {
    d = await openDesk();
    signed = await signedWithIdNumbers(d);
  }, 60_000);
  afterAll(() => d.m.l.close());

  it('agreements.pdf', async () => {
    const { own, director } = await refusedOutsideThenAnswered<PdfFile>(
      d,
      'agreements.pdf',
      { agreementId: signed.id },
      'AGREEMENT',
    );
    expect(textOf(own.pdfBase64)).toContain(WHOLE);
    expect(director.sha256).toBe(own.sha256);
  });

  it('agreements.print (no printer here: refused before it is asked)', async () => {
    const { own } = await refusedOutsideThenAnswered<{ printed: boolean }>(
      d,
      'agreements.print',
      { agreementId: signed.id, copies: 1 },
      'AGREEMENT',
    );
    expect(own.printed).toBe(false);
  });

  it('confirmations.printApplication (always prints the applicants’ whole numbers)', async () => {
    const { own, director } = await refusedOutsideThenAnswered<RenderedDocument>(
      d,
      'confirmations.printApplication',
      { agreementId: signed.id, allowMissingGlyphs: true },
      'CONFIRMATION_APPLICATION',
    );
    expect(textOf(own.pdfBase64)).toContain(WHOLE);
    expect(director.printed.id).toBe(own.printed.id);
  });

  it('documents.printed and documents.print of the stored agreement and application', async () => {
    await asDirector(d);
    const listed = await d.m.l.call<PrintedDocument[]>('documents.listPrinted', {
      caseId: d.m.detail.id,
    });
    for (const kind of ['AGREEMENT', 'CONFIRMATION_APPLICATION'] as const) {
      const stored = listed.find((p) => p.kind === kind);
      if (!stored) throw new Error(`${kind} not in the register`);
      const { own } = await refusedOutsideThenAnswered<PdfFile>(
        d,
        'documents.printed',
        { printedDocumentId: stored.id },
        kind,
      );
      expect(textOf(own.pdfBase64)).toContain(WHOLE);
      await refusedOutsideThenAnswered(
        d,
        'documents.print',
        { printedDocumentId: stored.id, copies: 1 },
        kind,
      );
    }
  });

  it('volume.pdf: refused outside the case before anything else is looked at', async () => {
    // the case is not archived: inside it, the answer is the volume's own refusal
    await asMediatorOf(d, d.profileB);
    expect(await errorOf(d, 'volume.pdf', { caseId: d.m.detail.id })).toEqual(NOT_OWN);
    await asMediatorOf(d, d.m.mediatorId);
    expect((await errorOf(d, 'volume.pdf', { caseId: d.m.detail.id }))?.code).toBe('INVALID_STATE');
    await asDirector(d);
    expect((await errorOf(d, 'volume.pdf', { caseId: d.m.detail.id }))?.code).toBe('INVALID_STATE');
    expect((await refusals(d))[0]?.detail).toEqual({
      method: 'volume.pdf',
      refused: 'NOT_OWN_CASE',
    });
  });

  it('the signed agreement’s scan and the copies the parties brought (身份证明)', async () => {
    await asDirector(d);
    const scan = await d.m.l.call<AgreementAttachment>('agreements.attachScan', {
      agreementId: signed.id,
      scan: { fileName: '签署件.png', dataBase64: PNG_BYTES.toString('base64') },
    });
    const volume = await d.m.l.call<CaseVolume>('volume.attach', {
      caseId: d.m.detail.id,
      kind: 'IDENTITY_PROOF',
      partyId: d.m.partyIds[0],
      file: { fileName: '身份证.png', dataBase64: PNG_BYTES.toString('base64') },
    });
    const copy = volume.attachments[0];
    if (!copy) throw new Error('no attachment');
    const scans = await refusedOutsideThenAnswered<ScanFile>(
      d,
      'agreements.scan',
      { attachmentId: scan.id },
      'AGREEMENT_SCAN',
    );
    expect(scans.own.sha256).toBe(scan.sha256);
    const copies = await refusedOutsideThenAnswered<ScanFile>(
      d,
      'volume.attachment',
      { attachmentId: copy.id },
      'CASE_ATTACHMENT',
    );
    expect(copies.director.dataBase64).toBe(PNG_BYTES.toString('base64'));
  });

  it('a paper without whole numbers prints for the case’s mediator as before', async () => {
    await asMediatorOf(d, d.m.mediatorId);
    const notice = await d.m.l.call<RenderedDocument>('documents.render', {
      caseId: d.m.detail.id,
      kind: 'RIGHTS_NOTICE',
      recordId: null,
      allowMissingGlyphs: true,
    });
    expect(textOf(notice.pdfBase64)).not.toContain(WHOLE);
    const again = await d.m.l.call<PdfFile>('documents.printed', {
      printedDocumentId: notice.printed.id,
    });
    expect(again.sha256).toBe(notice.sha256);
  });

  it('an account linked to no profile is told to ask the director', async () => {
    await asDirector(d);
    await d.m.l.call('accounts.update', { id: d.account.id, mediatorId: null });
    await signInVia(d.m.l.core.dispatch, 'MEDIATOR');
    expect(await errorOf(d, 'agreements.pdf', { agreementId: signed.id })).toMatchObject({
      code: 'MEDIATOR_NOT_LINKED',
      message: accountMessagesZhCN.mediatorNotLinked,
    });
    expect((await refusals(d))[0]?.detail).toEqual({
      method: 'agreements.pdf',
      refused: 'MEDIATOR_NOT_LINKED',
    });
  });
});

describe('the scan of an agreement printed without 身份证号码', () => {
  let d: Desk;
  afterAll(() => d.m.l.close());

  it('is still the case’s own: parties write their numbers by hand beside the signature', async () => {
    d = await openDesk();
    const gen = await generated(d.m);
    const scan = await d.m.l.call<AgreementAttachment>('agreements.attachScan', {
      agreementId: gen.id,
      scan: { fileName: '签署件.png', dataBase64: PNG_BYTES.toString('base64') },
    });
    await refusedOutsideThenAnswered(
      d,
      'agreements.scan',
      { attachmentId: scan.id },
      'AGREEMENT_SCAN',
    );
  });
});

/**
 * With the committee's read-only setting on (§7.3 "+ cases of their committee read-only if
 * configured"), the mediator of B reads A's case page, its numbers masked, and still gets no
 * paper with whole numbers, no file the parties brought and no reveal: each refused and audited.
 */
describe('the committee’s read-only setting', () => {
  let d: Desk;
  let signed: Agreement;
  beforeAll(async () => {
    d = await openDesk({ mediatorsReadRoom: () => true });
    signed = await signedWithIdNumbers(d);
  }, 60_000);
  afterAll(() => d.m.l.close());

  it('lets another’s mediator read the case page and the agreement, numbers masked', async () => {
    await asMediatorOf(d, d.profileB);
    const page = JSON.stringify(await d.m.l.call('cases.get', { caseId: d.m.detail.id }));
    expect(page).toContain('632801********1246');
    expect(page).not.toContain(WHOLE);
    const agreement = await d.m.l.call<Agreement>('agreements.get', { agreementId: signed.id });
    expect(JSON.stringify(agreement)).not.toContain(WHOLE);
    expect(await refusals(d)).toEqual([]);
  });

  it('still refuses the papers with whole numbers, each audited, and prints them for the own case', async () => {
    const pdf = await refusedOutsideThenAnswered<PdfFile>(
      d,
      'agreements.pdf',
      { agreementId: signed.id },
      'AGREEMENT',
    );
    expect(textOf(pdf.own.pdfBase64)).toContain(WHOLE);
    const application = await refusedOutsideThenAnswered<RenderedDocument>(
      d,
      'confirmations.printApplication',
      { agreementId: signed.id, allowMissingGlyphs: true },
      'CONFIRMATION_APPLICATION',
    );
    expect(textOf(application.own.pdfBase64)).toContain(WHOLE);
    await refusedOutsideThenAnswered<PdfFile>(
      d,
      'documents.printed',
      { printedDocumentId: application.own.printed.id },
      'CONFIRMATION_APPLICATION',
    );
    await asMediatorOf(d, d.profileB);
    expect(await errorOf(d, 'volume.pdf', { caseId: d.m.detail.id })).toEqual(NOT_OWN);
  });

  it('still refuses the reveal of another’s party’s number, audited by the reveal', async () => {
    const reveal = {
      caseId: d.m.detail.id,
      partyId: d.m.partyIds[0],
      reason: '核对身份信息',
    };
    await asMediatorOf(d, d.profileB);
    expect((await errorOf(d, 'parties.revealIdNumber', reveal))?.code).toBe('NOT_OWN_CASE');
    await asDirector(d);
    const refused = await d.m.l.call<AuditPage>('audit.list', { action: 'REVEAL_ID_REFUSED' });
    expect(refused.entries[0]).toMatchObject({
      caseId: d.m.detail.id,
      actor: actorOf('MEDIATOR'),
    });
    await asMediatorOf(d, d.m.mediatorId);
    const own = await d.m.l.call<{ number: string }>('parties.revealIdNumber', reveal);
    expect(own.number).toBe(WHOLE);
  });
});
