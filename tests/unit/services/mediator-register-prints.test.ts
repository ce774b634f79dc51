import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintOutcome } from '../../../domain/agreements/agreement-views.js';
import type {
  MediatorPaperView,
  MediatorPrintedView,
} from '../../../domain/api/mediators-contract.js';
import type { Mediator } from '../../../domain/cases/case-views.js';
import type {
  DocumentPrinter,
  PrintJobResult,
} from '../../../electron/services/document-printer.js';
import { actorOf, openSignedInCore } from '../support/signed-in-core.js';
import { openTestLedger, setUpRoom, type TestLedger } from './case-fixtures.js';

/**
 * Issue 15, must-have 4: the 人民调解员登记表's print register counts the copies that went to
 * paper and lists every stored version, as the case print register does.
 */
describe('mediator print register: versions and copies', () => {
  let l: TestLedger;
  let mediatorId: number;
  beforeEach(async () => {
    l = await openTestLedger();
    mediatorId = (await setUpRoom(l)).mediatorId;
  });
  afterEach(() => l.close());

  const form = () => l.call<MediatorPaperView>('mediators.registerForm', { mediatorId });
  const list = () => l.call<MediatorPrintedView[]>('mediators.listPrinted', { mediatorId });
  const regrade = async (title: string) => {
    const [m] = await l.call<Mediator[]>('mediators.list', {});
    await l.call('mediators.save', {
      id: m!.id,
      expectedVersion: m!.version,
      name: m!.name,
      isPeopleMediator: true,
      languages: ['zh', 'bo'],
      active: true,
      profile: {
        grade: 'GRADE_2',
        filingNumber: '青司调备2026-0815',
        filingStatus: 'FILED',
        employment: 'FULL_TIME',
        gender: 'MALE',
        birthDate: '1978-06-01',
        phone: '13909791234',
        education: '大专',
        politicalStatus: '中共党员',
        workUnit: '金峰村村民委员会',
        title,
        trainings: [],
      },
    });
  };

  it('lists versions newest first, counts recorded copies, reopens a past version as stored', async () => {
    const first = await form();
    expect(first.printed).toMatchObject({ printVersion: 1, superseded: false, prints: [] });
    const recorded = await l.call<MediatorPrintedView>('mediators.recordPrint', {
      mediatorPrintedId: first.printed.id,
      copies: 2,
    });
    expect(recorded.prints).toMatchObject([{ copies: 2, printer: null, printedBy: actorOf() }]);
    await l.call('mediators.recordPrint', { mediatorPrintedId: first.printed.id, copies: 1 });

    await regrade('调委会副主任');
    const second = await form();
    expect(second.printVersion).toBe(2);
    const versions = await list();
    expect(versions.map((v) => [v.printVersion, v.superseded, v.prints.length])).toEqual([
      [2, false, 0],
      [1, true, 2],
    ]);
    expect(versions[1]!.prints.reduce((n, p) => n + p.copies, 0)).toBe(3);
    expect(versions[0]!.label).toBe('人民调解员登记表');

    // The past version opens with its own bytes, marked superseded, its prints kept.
    const old = await l.call<MediatorPaperView>('mediators.printed', {
      mediatorPrintedId: first.printed.id,
    });
    expect(old.sha256).toBe(first.sha256);
    expect(old.pdfBase64).toBe(first.pdfBase64);
    expect(old.printed).toMatchObject({ printVersion: 1, superseded: true });
    expect(old.printed.prints).toHaveLength(2);
  }, 120_000);

  it('refuses bad copies and unknown versions, and the ledger keeps the events unchanged', async () => {
    const paper = await form();
    for (const copies of [0, 100, 1.5, '2']) {
      const bad = await l.raw('mediators.recordPrint', {
        mediatorPrintedId: paper.printed.id,
        copies,
      });
      expect(bad.ok ? '' : bad.error.code).toBe('BAD_INPUT');
    }
    const unknown = await l.raw('mediators.recordPrint', {
      mediatorPrintedId: 999_999,
      copies: 1,
    });
    expect(unknown.ok ? '' : unknown.error.code).toBe('NOT_FOUND');
    const unknownPaper = await l.raw('mediators.printed', { mediatorPrintedId: 999_999 });
    expect(unknownPaper.ok ? '' : unknownPaper.error.code).toBe('NOT_FOUND');
    const unknownMediator = await l.raw('mediators.listPrinted', { mediatorId: 999_999 });
    expect(unknownMediator.ok ? '' : unknownMediator.error.code).toBe('NOT_FOUND');
    expect((await list())[0]!.prints).toEqual([]);

    // dev:web has no printer: nothing is counted and the screen offers to record by hand.
    const none = await l.call<PrintOutcome>('mediators.print', {
      mediatorPrintedId: paper.printed.id,
      copies: 2,
    });
    expect(none).toMatchObject({ printed: false, reason: 'NO_PRINTER' });
    expect((await list())[0]!.prints).toEqual([]);

    await l.call('mediators.recordPrint', { mediatorPrintedId: paper.printed.id, copies: 1 });
    const db = l.core.ledger.db();
    expect(() => db.prepare('UPDATE mediator_print_event SET copies = 9').run()).toThrow(
      /immutable/,
    );
    expect(() => db.prepare('DELETE FROM mediator_print_event').run()).toThrow(/immutable/);
  }, 120_000);

  it('a print through the shell printer sends the stored bytes and counts only real trips', async () => {
    const paper = await form();
    const sent: Buffer[] = [];
    let answer: Omit<PrintJobResult, 'copies'> = { outcome: 'PRINTED', printer: '调解室打印机' };
    const printer: DocumentPrinter = {
      print: (bytes, { copies }) => {
        sent.push(bytes);
        return Promise.resolve({ ...answer, copies });
      },
    };
    // The same ledger reopened by an app core that has a printer (the desktop shell's).
    l.core.close();
    const core = await openSignedInCore({
      dataDir: l.dir,
      appVersion: 'test',
      now: () => new Date('2026-03-10T02:00:00Z'),
      printer,
    });
    try {
      const call = async (method: string, input: unknown) => {
        const res = await core.dispatch(method, input);
        if (!res.ok) throw new Error(res.error.message);
        return res.value;
      };
      const print = (copies: number) =>
        call('mediators.print', { mediatorPrintedId: paper.printed.id, copies });
      expect(await print(3)).toEqual({ printed: true, copies: 3, printer: '调解室打印机' });
      expect(sent[0]!.toString('base64')).toBe(paper.pdfBase64);
      answer = { outcome: 'CANCELLED', printer: '调解室打印机' };
      expect(await print(1)).toMatchObject({ reason: 'CANCELLED' });
      const versions = (await call('mediators.listPrinted', {
        mediatorId,
      })) as MediatorPrintedView[];
      expect(versions[0]!.prints).toMatchObject([{ copies: 3, printer: '调解室打印机' }]);
    } finally {
      core.close();
    }
  }, 120_000);
});
