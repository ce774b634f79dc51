import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Agreement,
  AgreementAttachment,
  DraftCheck,
  RenderedDocument,
  SavedAgreement,
  ScanFile,
  VerifyReport,
} from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import { session } from '../services/case-fixtures.js';
import { generated, mediatingCase, rowCounts, type MediatingCase } from './agreement-fixtures.js';
import { pdfText, qpdfCheck } from './pdf-tools.js';

let m: MediatingCase;
beforeEach(async () => {
  m = await mediatingCase();
});
afterEach(() => m.l.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

const attach = (agreementId: number, fileName: string, data: Buffer) =>
  m.l.raw('agreements.attachScan', {
    agreementId,
    scan: { fileName, dataBase64: data.toString('base64') },
  });

describe('scans of the signed paper', () => {
  it('accepts PNG, JPEG and PDF by their bytes and refuses anything else clearly', async () => {
    const a = await generated(m);
    for (const [name, data, type] of [
      ['签署页.png', PNG, 'image/png'],
      ['签署页.jpg', JPEG, 'image/jpeg'],
      ['签署页.pdf', PDF, 'application/pdf'],
      ['名字像图片.txt', PNG, 'image/png'], // the name does not matter, the bytes do
    ] as const) {
      const res = await attach(a.id, name, data);
      expect(res.ok).toBe(true);
      if (res.ok) expect((res.value as AgreementAttachment).mediaType).toBe(type);
    }
    const before = rowCounts(m);
    const exe = await attach(a.id, '协议.pdf', EXE);
    expect(exe.ok ? null : exe.error).toMatchObject({ code: 'BAD_INPUT' });
    expect(exe.ok ? '' : exe.error.message).toContain('可执行程序');
    const txt = await attach(a.id, '协议.pdf', Buffer.from('这是一个文本文件', 'utf8'));
    expect(txt.ok ? '' : txt.error.message).toContain('只能上传 PDF、JPG 或 PNG');
    const big = await attach(a.id, '大.png', Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]));
    expect(big.ok ? '' : big.error.message).toContain('20 MB');
    const notBase64 = await m.l.raw('agreements.attachScan', {
      agreementId: a.id,
      scan: { fileName: 'x.png', dataBase64: '<script>' },
    });
    expect(notBase64.ok ? null : notBase64.error.code).toBe('BAD_INPUT');
    const empty = await attach(a.id, 'x.png', Buffer.alloc(0));
    expect(empty.ok ? null : empty.error.code).toBe('BAD_INPUT');
    expect(rowCounts(m)).toEqual(before);

    const view = await m.l.call<Agreement>('agreements.get', { agreementId: a.id });
    expect(view.attachments).toHaveLength(4);
    const first = await m.l.call<ScanFile>('agreements.scan', {
      attachmentId: view.attachments[0]!.id,
    });
    expect(Buffer.from(first.dataBase64, 'base64')).toEqual(PNG);

    // verify covers the scans too
    const db = m.l.core.ledger.db();
    db.prepare('UPDATE agreement_attachment SET bytes = ? WHERE id = ?').run(
      JPEG,
      view.attachments[0]!.id,
    );
    const report = await m.l.call<VerifyReport>('agreements.verify', { agreementId: a.id });
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.item)).toEqual(['SCAN']);
    expect(report.summary).toContain('签署页.png');
  });

  it('refuses scans on a draft', async () => {
    const d = await m.l.call<Agreement>('agreements.createDraft', { caseId: m.detail.id });
    const res = await attach(d.id, 'a.png', PNG);
    expect(res.ok ? null : res.error.code).toBe('INVALID_STATE');
  });
});

describe('oral agreement register (§2.10)', () => {
  const register = (overrides: Record<string, unknown> = {}) => ({
    registerNumber: '（2026）金峰口调字第001号',
    agreedDate: '2026-03-10',
    partyIds: m.partyIds,
    facts: '双方因牛羊越界放牧发生口角。',
    oralTerms: '被申请人当场向申请人赔礼道歉，并承诺今后看管好牛羊。',
    performanceStatus: 'PERFORMED_ON_SPOT',
    mediatorIds: [m.mediatorId],
    recorderName: '李明',
    ...overrides,
  });

  it('money needs explicit confirmation; then the case is SETTLED_ORAL with a stored register', async () => {
    const check = await m.l.call<DraftCheck>('agreements.checkOral', {
      caseId: m.detail.id,
      register: register({ amountFen: 50_000 }),
    });
    expect(check.issues.map((i) => i.code)).toContain('ORAL_WITH_MONEY');
    const before = rowCounts(m);
    const refused = await m.l.raw('agreements.registerOral', {
      caseId: m.detail.id,
      expectedCaseVersion: m.detail.version,
      register: register({ amountFen: 50_000 }),
    });
    expect(refused.ok ? null : refused.error.code).toBe('BAD_INPUT');
    expect(refused.ok ? '' : refused.error.message).toContain('书面调解协议书');
    expect(rowCounts(m)).toEqual(before);

    const saved = await m.l.call<SavedAgreement>('agreements.registerOral', {
      caseId: m.detail.id,
      expectedCaseVersion: m.detail.version,
      register: register({ amountFen: 50_000 }),
      confirmedOralDespiteMoney: true,
    });
    expect(saved.agreement).toMatchObject({
      kind: 'ORAL',
      status: 'SIGNED',
      effectiveDate: '2026-03-10',
    });
    const c = await m.l.call<CaseDetail>('cases.get', { caseId: m.detail.id });
    expect(c.status).toBe('SETTLED_ORAL');
    const doc = await m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'ORAL_AGREEMENT_REGISTER',
      recordId: saved.agreement.id,
    });
    const pdf = Buffer.from(doc.pdfBase64, 'base64');
    expect(doc.sha256).toBe(saved.agreement.generated?.pdfSha256);
    expect(pdfText(pdf)).toContain('人民币伍佰元整');
    expect(
      (await m.l.call<VerifyReport>('agreements.verify', { agreementId: saved.agreement.id })).ok,
    ).toBe(true);
  });

  it('without money it needs no confirmation; a stale case version is a CONFLICT', async () => {
    const stale = await m.l.raw('agreements.registerOral', {
      caseId: m.detail.id,
      expectedCaseVersion: m.detail.version - 1,
      register: register(),
    });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    expect(
      await m.l.call<Agreement[]>('agreements.listForCase', { caseId: m.detail.id }),
    ).toHaveLength(0);
    const ok = await m.l.call<SavedAgreement>('agreements.registerOral', {
      caseId: m.detail.id,
      expectedCaseVersion: m.detail.version,
      register: register(),
    });
    expect(ok.issues.map((i) => i.code)).not.toContain('ORAL_WITH_MONEY');
  });
});

describe('documents.render for the case page', () => {
  it('renders every other template of the case as a valid PDF', async () => {
    const withSession = await m.l.call<CaseDetail>('sessions.add', {
      caseId: m.detail.id,
      session: session([...m.partyIds], m.mediatorId),
    });
    const sessionId = withSession.sessions[0]!.id;
    for (const [kind, recordId, expected] of [
      ['ACCEPTANCE_REGISTER', null, '受理登记表'],
      ['RIGHTS_NOTICE', null, '权利义务告知书'],
      ['APPLICATION', null, '申请书'],
      ['SESSION_RECORD', sessionId, '调解记录'],
    ] as const) {
      const doc = await m.l.call<RenderedDocument>('documents.render', {
        caseId: m.detail.id,
        kind,
        recordId,
      });
      const pdf = Buffer.from(doc.pdfBase64, 'base64');
      expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors');
      expect(pdfText(pdf)).toContain(expected);
      expect(doc.fileName).toContain('.pdf');
    }
    const missing = await m.l.raw('documents.render', {
      caseId: m.detail.id,
      kind: 'SESSION_RECORD',
      recordId: 9999,
    });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
