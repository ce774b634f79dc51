import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Agreement,
  DraftCheck,
  PdfFile,
  PrintOutcome,
  VerifyReport,
} from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import {
  content,
  draftWith,
  generated,
  mediatingCase,
  rowCounts,
  type MediatingCase,
} from './agreement-fixtures.js';
import { pdfText, qpdfCheck } from './pdf-tools.js';

let clock: Date;
let m: MediatingCase;

beforeEach(async () => {
  clock = new Date('2026-03-10T02:00:00Z');
  m = await mediatingCase(() => clock);
});
afterEach(() => m.l.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bytes = (f: PdfFile) => Buffer.from(f.pdfBase64, 'base64');

async function signAll(
  a: Agreement,
  dates: { party: string; mediator: string; recorder: string; seal: string },
) {
  return m.l.call<Agreement>('agreements.recordSignatures', {
    agreementId: a.id,
    expectedVersion: a.version,
    signatures: {
      parties: m.partyIds.map((partyId, i) => ({
        partyId,
        date: dates.party,
        mode: i === 0 ? 'SIGN' : 'FINGERPRINT',
      })),
      mediatorDate: dates.mediator,
      recorderDate: dates.recorder,
      sealDate: dates.seal,
    },
  });
}

describe('written agreement: draft → check → preview → generate → sign → verify', () => {
  it('walks the whole flow and keeps the printed bytes provable', async () => {
    const draft = await m.l.call<Agreement>('agreements.createDraft', { caseId: m.detail.id });
    expect(draft.status).toBe('DRAFT');
    expect(draft.number).toBe('（2026）金峰调字第001号'); // the case number (§4.9)
    expect(draft.content?.partyIds).toEqual(m.partyIds);
    expect(draft.content?.mediatorIds).toEqual([m.mediatorId]);
    // The pre-filled draft has no terms yet: the check says so instead of failing.
    const empty = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: draft.id });
    expect(empty.ok).toBe(false);
    expect(empty.issues.map((i) => i.code)).toContain('INCOMPLETE');

    const edited = await m.l.call<Agreement>('agreements.updateDraft', {
      agreementId: draft.id,
      expectedVersion: draft.version,
      content: content(m, { facts: '申请人主张被申请人应赔偿草场损失，并退还订金。' }),
    });
    const check = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: draft.id });
    expect(check.ok).toBe(true);
    const confusable = check.issues.filter((i) => i.code === 'CONFUSABLE_TERM');
    const onFacts = confusable.filter((i) => i.field === 'content.facts');
    expect(onFacts).toHaveLength(2); // 赔偿/补偿 and 定金/订金
    expect(onFacts[1]?.message).toContain('定金罚则');

    const preview = await m.l.call<PdfFile>('agreements.preview', { agreementId: draft.id });
    expect(bytes(preview).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await m.l.call<Agreement>('agreements.get', { agreementId: draft.id })).status).toBe(
      'DRAFT',
    );

    const gen = await m.l.call<Agreement>('agreements.generate', {
      agreementId: draft.id,
      expectedVersion: edited.version,
    });
    expect(gen.status).toBe('GENERATED');
    const pdf = await m.l.call<PdfFile>('agreements.pdf', { agreementId: gen.id });
    const stored = bytes(pdf);
    expect(sha(stored)).toBe(gen.generated?.pdfSha256);
    expect(pdf.sha256).toBe(gen.generated?.pdfSha256);
    expect(qpdfCheck(stored)).toContain('No syntax or stream encoding errors');
    const text = pdfText(stored);
    for (const s of [
      '王芳',
      '扎西多杰',
      '界桩为草场边界',
      '人民币叁万元整',
      '¥30,000.00',
      '一式三份',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain(gen.generated?.verificationCode);

    // Reprints are the stored bytes, byte for byte.
    const again = await m.l.call<PdfFile>('agreements.pdf', { agreementId: gen.id });
    expect(again.pdfBase64).toBe(pdf.pdfBase64);

    // Frozen: editing a generated agreement is refused.
    const edit = await m.l.raw('agreements.updateDraft', {
      agreementId: gen.id,
      expectedVersion: gen.version,
      content: content(m),
    });
    expect(edit.ok ? null : edit.error.code).toBe('INVALID_STATE');

    // Sign over the following days; the seal is the last act (PML 29).
    clock = new Date('2026-03-25T02:00:00Z');
    const partly = await m.l.call<Agreement>('agreements.recordSignatures', {
      agreementId: gen.id,
      expectedVersion: gen.version,
      signatures: {
        parties: [{ partyId: m.partyIds[0], date: '2026-03-12', mode: 'SIGN' }],
        mediatorDate: null,
        recorderDate: null,
        sealDate: null,
      },
    });
    expect(partly.status).toBe('GENERATED');
    expect(partly.effectiveDate).toBeNull();

    await m.l.call('agreements.saveHolidayCalendar', {
      holidays: ['2026-04-20'],
      makeUpWorkdays: [],
      expectedVersion: 0,
    });
    const signed = await signAll(partly, {
      party: '2026-03-13',
      mediator: '2026-03-14',
      recorder: '2026-03-14',
      seal: '2026-03-20',
    });
    expect(signed.status).toBe('SIGNED');
    expect(signed.effectiveDate).toBe('2026-03-20');
    // 03-20 + 30 = Sunday 04-19 → Monday 04-20 is a configured holiday → Tuesday 04-21.
    expect(signed.confirmationDeadline).toEqual({
      nominalDeadline: '2026-04-19',
      deadline: '2026-04-21',
      rolledForward: true,
    });
    expect(signed.signatures.parties.map((p) => p.mode)).toEqual(['SIGN', 'FINGERPRINT']);

    const c = await m.l.call<CaseDetail>('cases.get', { caseId: m.detail.id });
    expect(c.status).toBe('SETTLED_WRITTEN');
    expect(c.timeline.at(-1)?.action).toBe('SETTLE_WRITTEN');
    // The timeline names the agreement that settled the case.
    expect(c.timeline.at(-1)?.data).toMatchObject({ agreementNumber: signed.number });

    // A signed agreement is never edited, voided or re-signed.
    for (const [method, input] of [
      [
        'agreements.updateDraft',
        { agreementId: signed.id, expectedVersion: signed.version, content: content(m) },
      ],
      [
        'agreements.void',
        { agreementId: signed.id, expectedVersion: signed.version, reason: '写错了' },
      ],
      ['agreements.generate', { agreementId: signed.id, expectedVersion: signed.version }],
    ] as const) {
      const res = await m.l.raw(method, input);
      expect(res.ok ? null : res.error.code).toBe('INVALID_STATE');
    }

    const fine = await m.l.call<VerifyReport>('agreements.verify', { agreementId: signed.id });
    expect(fine.ok).toBe(true);
    expect(fine.checks.map((x) => x.item)).toEqual([
      'PDF',
      'CANONICAL_DATA',
      'PDF_SEAL',
      'DATA_SEAL',
    ]);

    // Tamper with one byte of the stored PDF behind the app's back.
    const db = m.l.core.ledger.db();
    const blob = Buffer.from(
      (db.prepare('SELECT pdf FROM agreement WHERE id = ?').get(signed.id) as { pdf: Buffer }).pdf,
    );
    blob[200] = (blob[200] ?? 0) ^ 0xff;
    db.prepare('UPDATE agreement SET pdf = ? WHERE id = ?').run(blob, signed.id);
    const bad = await m.l.call<VerifyReport>('agreements.verify', { agreementId: signed.id });
    expect(bad.ok).toBe(false);
    expect(bad.checks.find((x) => x.item === 'PDF')?.ok).toBe(false);
    expect(bad.checks.find((x) => x.item === 'CANONICAL_DATA')?.ok).toBe(true);
    expect(bad.summary).toContain('协议书 PDF 已被改动');

    // Replaced, with its SHA-256 recomputed to match: the plain check passes, the keyed seal
    // (HMAC under the key outside the ledger) names the PDF.
    db.prepare('UPDATE agreement SET pdf_sha256 = ? WHERE id = ?').run(
      createHash('sha256').update(blob).digest('hex'),
      signed.id,
    );
    const replaced = await m.l.call<VerifyReport>('agreements.verify', { agreementId: signed.id });
    expect(replaced.ok).toBe(false);
    expect(replaced.checks.find((x) => x.item === 'PDF')?.ok).toBe(true);
    expect(replaced.checks.filter((x) => !x.ok).map((x) => x.item)).toEqual(['PDF_SEAL']);
    expect(replaced.summary).toContain('协议书 PDF与生成时的密钥印记不符');

    db.prepare(
      "UPDATE agreement SET canonical_json = replace(canonical_json, '王芳', '王方') WHERE id = ?",
    ).run(signed.id);
    const bad2 = await m.l.call<VerifyReport>('agreements.verify', { agreementId: signed.id });
    expect(bad2.checks.find((x) => x.item === 'CANONICAL_DATA')?.ok).toBe(false);
    expect(bad2.checks.find((x) => x.item === 'DATA_SEAL')?.ok).toBe(false);
  });

  it('regenerates byte-identical output from the stored canonical date and data', async () => {
    const a = await generated(m);
    const first = await m.l.call<PdfFile>('agreements.pdf', { agreementId: a.id });
    // Same content, same fixed creation date → same bytes (pdfkit is deterministic then).
    await m.l.call('agreements.void', {
      agreementId: a.id,
      expectedVersion: a.version,
      reason: '测试重新生成',
    });
    const b = await generated(m);
    expect(b.generated?.generatedAt).toBe(a.generated?.generatedAt);
    const second = await m.l.call<PdfFile>('agreements.pdf', { agreementId: b.id });
    expect(second.sha256).toBe(first.sha256);
  });

  it('print answers with the browser fallback when no printer port is injected', async () => {
    const a = await generated(m);
    const out = await m.l.call<PrintOutcome>('agreements.print', { agreementId: a.id });
    expect(out).toMatchObject({ printed: false, reason: 'NO_PRINTER', copies: 3 });
    if (!out.printed) expect(out.message).toContain('PDF');
  });

  it('void needs a reason and keeps the row; a new draft may follow', async () => {
    const a = await draftWith(m);
    const before = rowCounts(m);
    const noReason = await m.l.raw('agreements.void', {
      agreementId: a.id,
      expectedVersion: a.version,
      reason: ' ',
    });
    expect(noReason.ok ? null : noReason.error.code).toBe('BAD_INPUT');
    expect(rowCounts(m)).toEqual(before);
    const v = await m.l.call<Agreement>('agreements.void', {
      agreementId: a.id,
      expectedVersion: a.version,
      reason: '当事人要求重新起草',
    });
    expect(v).toMatchObject({ status: 'VOID', voidReason: '当事人要求重新起草' });
    const next = await m.l.call<Agreement>('agreements.createDraft', { caseId: m.detail.id });
    expect(next.status).toBe('DRAFT');
    const list = await m.l.call<Agreement[]>('agreements.listForCase', { caseId: m.detail.id });
    expect(list.map((x) => x.status)).toEqual(['VOID', 'DRAFT']);
  });

  it('amendment: a new draft linked to the signed one, which it supersedes once signed', async () => {
    const a = await generated(m);
    const signed = await signAll(a, {
      party: '2026-03-10',
      mediator: '2026-03-10',
      recorder: '2026-03-10',
      seal: '2026-03-10',
    });
    const amendment = await m.l.call<Agreement>('agreements.amend', {
      agreementId: signed.id,
      expectedVersion: signed.version,
      reason: '履行期限延长',
    });
    expect(amendment).toMatchObject({ status: 'DRAFT', supersedesId: signed.id });
    const old = await m.l.call<Agreement>('agreements.get', { agreementId: signed.id });
    expect(old.supersededById).toBe(amendment.id);
    expect(old.status).toBe('SIGNED');
    const twice = await m.l.raw('agreements.amend', {
      agreementId: signed.id,
      expectedVersion: old.version,
      reason: '再次变更',
    });
    expect(twice.ok ? null : twice.error.code).toBe('INVALID_STATE');

    const gen2 = await m.l.call<Agreement>('agreements.generate', {
      agreementId: amendment.id,
      expectedVersion: amendment.version,
    });
    const signed2 = await signAll(gen2, {
      party: '2026-03-10',
      mediator: '2026-03-10',
      recorder: '2026-03-10',
      seal: '2026-03-10',
    });
    expect(signed2.status).toBe('SIGNED');
    const replaced = await m.l.call<Agreement>('agreements.get', { agreementId: signed.id });
    expect(replaced.status).toBe('VOID');
    expect(replaced.voidReason).toContain('变更协议');
    // Its stored bytes are still there and still verify.
    expect((await m.l.call<VerifyReport>('agreements.verify', { agreementId: signed.id })).ok).toBe(
      true,
    );
  });

  it('stale expectedVersion → CONFLICT, nothing written', async () => {
    const a = await draftWith(m);
    const before = rowCounts(m);
    const res = await m.l.raw('agreements.updateDraft', {
      agreementId: a.id,
      expectedVersion: a.version - 1,
      content: content(m),
    });
    expect(res.ok ? null : res.error.code).toBe('CONFLICT');
    expect(rowCounts(m)).toEqual(before);
  });

  it('a minor without guardian is an ERROR that blocks generation', async () => {
    const db = m.l.core.ledger.db();
    db.prepare('UPDATE party SET birth_date = ? WHERE id = ?').run('2012-05-01', m.partyIds[1]);
    const a = await draftWith(m);
    const check = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: a.id });
    expect(check.ok).toBe(false);
    expect(check.issues.find((i) => i.code === 'MINOR_WITHOUT_GUARDIAN')?.message).toContain(
      '法定代理人',
    );
    const before = rowCounts(m);
    const gen = await m.l.raw('agreements.generate', {
      agreementId: a.id,
      expectedVersion: a.version,
    });
    expect(gen.ok ? null : gen.error.code).toBe('BAD_INPUT');
    expect(rowCounts(m)).toEqual(before);
    const withGuardian = await m.l.call<Agreement>('agreements.updateDraft', {
      agreementId: a.id,
      expectedVersion: a.version,
      content: content(m, {
        agents: [{ partyId: m.partyIds[1], kind: 'GUARDIAN', name: '扎西', detail: '系其父亲' }],
      }),
    });
    expect(
      (await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: withGuardian.id })).ok,
    ).toBe(true);
  });

  it('Mongolian script: a clear error in the body; the translation page prints it', async () => {
    const a = await draftWith(m, {
      facts: '双方争议 ᠮᠣᠩᠭᠣᠯ 草场。',
      translations: [{ partyId: m.partyIds[1], language: 'mn', text: 'ᠮᠣᠩᠭᠣᠯ' }],
    });
    const check = await m.l.call<DraftCheck>('agreements.checkDraft', { agreementId: a.id });
    const mongolian = check.issues.filter((i) => i.code === 'MONGOLIAN_SCRIPT');
    expect(mongolian.map((i) => i.level)).toEqual(['ERROR']);
    expect(mongolian[0]?.message).toContain('蒙古文');
  });
});
