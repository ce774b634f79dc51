import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../domain/agreements/agreement-views.js';
import { ApiError, type ApiEnvelope } from '../../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../../domain/messages/zh-CN.js';
import type { SubsidyClaimSheet, SubsidyClaimXlsx } from '../../../domain/subsidy/subsidy-views.js';
import type { HeldExport } from '../../../electron/core/export-thread.js';
import {
  inThreadExportRenderer,
  type ExportRenderer,
} from '../../../electron/reports/export-renderer.js';
import { DocumentEngine } from '../../../electron/services/document-engine.js';
import { offCoreDocuments } from '../../../electron/services/off-core-documents.js';
import { pdfFile, squash } from '../documents/fixtures.js';
import { settledWithInstalments, type SettledCase } from '../followups/followup-fixtures.js';
import { heldExportThread } from '../support/held-export-thread.js';
import { activateExampleRules } from './subsidy-fixtures.js';

// The claim pack's papers are drawn on the export thread: the core computes the pack and the
// documents' data, the thread draws the PDF or the .xlsx, and the core stores and answers.
// The thread holds every job until the test lets it go, so the core's answers in between are
// awaited, never timed.

let s: SettledCase;
let nextHeld: () => Promise<HeldExport>;
beforeEach(async () => {
  const held = await heldExportThread();
  nextHeld = held.nextHeld;
  s = await settledWithInstalments(undefined, { exportRenderer: held.renderer });
  s.setClock('2026-04-10T02:00:00Z');
  await activateExampleRules(s.m.l);
}, 120_000);
afterEach(() => s.m.l.close());

const l = () => s.m.l;
const claimInput = () => ({ mediatorId: s.m.mediatorId, period: '2026-Q1' });

function value<T>(envelope: ApiEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

describe('claim-pack papers on the export thread', () => {
  it('answers other requests while a period’s 申报表 renders, then stores it', async () => {
    let finished = false;
    const printing = l()
      .raw('subsidy.printClaimSheet', claimInput())
      .then((envelope) => {
        finished = true;
        return envelope;
      });
    const held = await nextHeld();
    // the core computed the pack and handed the drawing over: it is free meanwhile
    const status = await l().call<{ ledger: unknown }>('system.status', {});
    expect(status.ledger).toBeDefined();
    expect((await l().call<{ total: number }>('cases.search', {})).total).toBe(1);
    expect(finished).toBe(false);
    held.release();
    const sheet = value<SubsidyClaimSheet>(await printing);
    expect(sheet.printVersion).toBe(1);
    expect(sheet.reprint).toBe(false);
    const text = squash(pdfFile(Buffer.from(sheet.pdfBase64, 'base64')).text());
    expect(text).toContain('人民调解以案定补申报表');
    expect(text).toContain('才让');
    // stored as drawn: the reprint is the register's copy and needs no thread
    const again = await l().call<SubsidyClaimSheet>('subsidy.printClaimSheet', claimInput());
    expect(again.reprint).toBe(true);
    expect(again.sha256).toBe(sheet.sha256);
  }, 120_000);

  it('a thread that dies mid-print: a Chinese error, nothing stored; printing again works', async () => {
    const printing = l().raw('subsidy.printClaimSheet', claimInput());
    await (await nextHeld()).crash();
    expect(await printing).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: apiMessagesZhCN.printThreadStopped },
    });
    const again = l().raw('subsidy.printClaimSheet', claimInput());
    (await nextHeld()).release();
    const sheet = value<SubsidyClaimSheet>(await again);
    expect(sheet.printVersion).toBe(1);
    expect(sheet.reprint).toBe(false);
  }, 120_000);

  it('draws the .xlsx and the 调解案件认定表 there too', async () => {
    const xlsx = l().raw('subsidy.claimXlsx', claimInput());
    (await nextHeld()).release();
    const file = value<SubsidyClaimXlsx>(await xlsx);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(file.byteLength).toBe(bytes.length);

    const recognition = l().raw('subsidy.printRecognition', { caseId: s.m.detail.id });
    (await nextHeld()).release();
    const sheet = value<RenderedDocument>(await recognition);
    const text = squash(pdfFile(Buffer.from(sheet.pdfBase64, 'base64')).text());
    expect(text).toContain('人民调解案件认定表');
  }, 120_000);
});

describe('a refusal of the thread’s engine', () => {
  it('reaches the caller as the same ApiError, field issues included', async () => {
    const refusing: ExportRenderer = {
      ...inThreadExportRenderer,
      document: async () => ({
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: '文书无法生成：字体缺少“𪚥”',
          issues: [{ path: ['caseTitle'], message: '字体缺少“𪚥”' }],
        },
      }),
    };
    const engine = new DocumentEngine({ fontsDir: 'unused', templatesDir: 'unused' });
    const rendering = offCoreDocuments(engine, refusing);
    const error = await rendering
      .render('SUBSIDY_CLAIM_SHEET', {} as never, {
        creationDate: new Date('2026-04-10T02:00:00Z'),
        allowMissingGlyphs: false,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toBody()).toEqual({
      code: 'BAD_INPUT',
      message: '文书无法生成：字体缺少“𪚥”',
      issues: [{ path: ['caseTitle'], message: '字体缺少“𪚥”' }],
    });
  });
});
