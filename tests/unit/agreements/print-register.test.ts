import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Agreement,
  PdfFile,
  PrintedFile,
  PrintOutcome,
  RenderedDocument,
} from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import type { PrintedDocument } from '../../../domain/documents/printed-documents.js';
import { DocumentPrintService } from '../../../electron/services/document-print-service.js';
import type {
  DocumentPrinter,
  PrintJobResult,
} from '../../../electron/services/document-printer.js';
import { PrintRegisterService } from '../../../electron/services/print-register-service.js';
import { session } from '../services/case-fixtures.js';
import { generated, mediatingCase, type MediatingCase } from './agreement-fixtures.js';
import { pdfText } from './pdf-tools.js';
import { actorOf } from '../support/signed-in-core.js';

let clock = new Date('2026-03-10T02:00:00Z');
let m: MediatingCase;
beforeEach(async () => {
  clock = new Date('2026-03-10T02:00:00Z');
  m = await mediatingCase(() => clock);
});
afterEach(() => m.l.close());

const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

async function withSession(): Promise<{ detail: CaseDetail; sessionId: number }> {
  const detail = await m.l.call<CaseDetail>('sessions.add', {
    caseId: m.detail.id,
    session: session([...m.partyIds], m.mediatorId),
  });
  return { detail, sessionId: detail.sessions[0]!.id };
}

const renderSession = (sessionId: number) =>
  m.l.call<RenderedDocument>('documents.render', {
    caseId: m.detail.id,
    kind: 'SESSION_RECORD',
    recordId: sessionId,
  });

const listPrinted = () =>
  m.l.call<PrintedDocument[]>('documents.listPrinted', { caseId: m.detail.id });

describe('print register: every printed document is frozen', () => {
  it('a reprint of an unchanged record returns the stored bytes, even on a later day', async () => {
    const { sessionId } = await withSession();
    const first = await renderSession(sessionId);
    later(60 * 24 * 3); // three days later: a fresh render would carry another creation date
    const again = await renderSession(sessionId);
    expect(again.sha256).toBe(first.sha256);
    expect(again.pdfBase64).toBe(first.pdfBase64);
    expect(again.printed.id).toBe(first.printed.id);
    expect(again.printed).toMatchObject({
      kind: 'SESSION_RECORD',
      recordKey: `session:${sessionId}`,
      printVersion: 1,
      superseded: false,
    });
    expect(await listPrinted()).toHaveLength(1);
  });

  it('a changed record prints as a new version and the old one stays retrievable', async () => {
    const { detail, sessionId } = await withSession();
    const v1 = await renderSession(sessionId);
    const s = detail.sessions[0]!;
    await m.l.call<CaseDetail>('sessions.update', {
      caseId: m.detail.id,
      sessionId,
      expectedVersion: s.version,
      session: session([...m.partyIds], m.mediatorId, {
        content: '双方补充陈述：已当场勘查界桩。',
      }),
    });
    later(5);
    const v2 = await renderSession(sessionId);
    expect(v2.sha256).not.toBe(v1.sha256);
    expect(v2.printed.printVersion).toBe(2);
    expect(pdfText(Buffer.from(v2.pdfBase64, 'base64'))).toContain('已当场勘查界桩');

    const list = await listPrinted();
    expect(list.map((d) => [d.printVersion, d.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
    const old = await m.l.call<PrintedFile>('documents.printed', {
      printedDocumentId: v1.printed.id,
    });
    expect(old.pdfBase64).toBe(v1.pdfBase64);
    expect(old.sha256).toBe(v1.sha256);
    expect(pdfText(Buffer.from(old.pdfBase64, 'base64'))).not.toContain('已当场勘查界桩');
    expect(old.printed.superseded).toBe(true);

    // Each record is its own line: the rights notice is version 1 beside the session record.
    const notice = await m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'RIGHTS_NOTICE',
    });
    expect(notice.printed).toMatchObject({ recordKey: 'case', printVersion: 1 });
  });

  it('lists generated agreements once, however often their PDF is fetched', async () => {
    const a = await generated(m);
    await m.l.call<PdfFile>('agreements.pdf', { agreementId: a.id });
    const outcome = await m.l.call<PrintOutcome>('agreements.print', {
      agreementId: a.id,
      copies: null,
    });
    expect(outcome).toMatchObject({ printed: false, reason: 'NO_PRINTER', copies: 3 });
    const list = await listPrinted();
    expect(list).toHaveLength(1);
    const view = await m.l.call<Agreement>('agreements.get', { agreementId: a.id });
    expect(list[0]).toMatchObject({
      kind: 'AGREEMENT',
      recordKey: `agreement:${a.id}`,
      printVersion: 1,
      pdfSha256: view.generated?.pdfSha256,
      contentSha256: view.generated?.canonicalSha256,
      prints: [],
    });
  });

  it('records copies and who printed; refuses bad counts and unknown entries clearly', async () => {
    const doc = await m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'ACCEPTANCE_REGISTER',
    });
    const recorded = await m.l.call<PrintedDocument>('documents.recordPrint', {
      printedDocumentId: doc.printed.id,
      copies: 3,
    });
    expect(recorded.prints).toMatchObject([
      { copies: 3, printer: null, printedBy: actorOf(), printedAt: clock.toISOString() },
    ]);
    for (const copies of [0, 100, 1.5, '2']) {
      const bad = await m.l.raw('documents.recordPrint', {
        printedDocumentId: doc.printed.id,
        copies,
      });
      expect(bad.ok ? null : bad.error.code).toBe('BAD_INPUT');
    }
    const missing = await m.l.raw('documents.printed', { printedDocumentId: 9999 });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(missing.ok ? '' : missing.error.message).toContain('打印存档');
    const noPrinter = await m.l.call<PrintOutcome>('documents.print', {
      printedDocumentId: doc.printed.id,
      copies: 2,
    });
    expect(noPrinter).toMatchObject({ printed: false, reason: 'NO_PRINTER' });
    expect((await listPrinted())[0]!.prints).toHaveLength(1);
  });

  it('prints stored bytes through the shell printer and keeps the printer name', async () => {
    const doc = await m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'APPLICATION',
    });
    const sent: { bytes: Buffer; copies: number }[] = [];
    let answer: Omit<PrintJobResult, 'copies'> = {
      outcome: 'PRINTED',
      printer: 'HP LaserJet 调解室',
    };
    const printer: DocumentPrinter = {
      print: (bytes, { copies }) => {
        sent.push({ bytes, copies });
        return Promise.resolve({ ...answer, copies });
      },
    };
    const register = new PrintRegisterService(m.l.core.ledger);
    const printing = new DocumentPrintService(register, printer);
    expect(await printing.print(doc.printed.id, 4)).toEqual({
      printed: true,
      copies: 4,
      printer: 'HP LaserJet 调解室',
    });
    expect(sent[0]!.bytes.toString('base64')).toBe(doc.pdfBase64);
    // A cancel, a preview in the system viewer and a failure are not trips to paper.
    answer = { outcome: 'CANCELLED', printer: 'HP LaserJet 调解室' };
    expect(await printing.print(doc.printed.id, 1)).toMatchObject({ reason: 'CANCELLED' });
    answer = { outcome: 'PREVIEWED', printer: null };
    expect(await printing.print(doc.printed.id, 2)).toMatchObject({ reason: 'PREVIEWED' });
    answer = { outcome: 'FAILED', printer: 'HP LaserJet 调解室', detail: 'Print job failed' };
    const failed = await printing.print(doc.printed.id, 3);
    expect(failed).toMatchObject({ printed: false, reason: 'FAILED' });
    const entry = register.listForCase(m.detail.id)[0]!;
    expect(entry.prints).toMatchObject([{ copies: 4, printer: 'HP LaserJet 调解室' }]);
  });

  it('the ledger refuses to rewrite or delete a stored print', async () => {
    const doc = await m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'RIGHTS_NOTICE',
    });
    const db = m.l.core.ledger.db();
    expect(() =>
      db
        .prepare('UPDATE printed_document SET pdf = ? WHERE id = ?')
        .run(Buffer.from('x'), doc.printed.id),
    ).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM printed_document').run()).toThrow(/immutable/);
    const again = await m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'RIGHTS_NOTICE',
    });
    expect(again.sha256).toBe(doc.sha256);
  });
});
