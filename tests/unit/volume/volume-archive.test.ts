import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../db/connection.js';
import type { RenderedDocument } from '../../../domain/agreements/agreement-views.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';
import { pdfFile, squash, removePdfFiles } from '../documents/fixtures.js';
import type { CaseFollowUps, FollowUp } from '../../../domain/followups/followup-views.js';
import type { CaseVolume } from '../../../domain/volume/volume-views.js';
import { apiMessagesZhCN } from '../../../domain/messages/zh-CN.js';
import { ledgerFingerprint } from '../support/db-fingerprint.js';
import { heldExportThread } from '../support/held-export-thread.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import { session } from '../services/case-fixtures.js';
import {
  PDF_BYTES,
  PNG_BYTES,
  settledWithInstalments,
  visit,
  type SettledCase,
} from '../followups/followup-fixtures.js';

/**
 * The volume of the grassland case: the checklist says what is missing, archiving an
 * incomplete volume is refused with the missing items, a complete one gets its 卷号 and the
 * case becomes read-only on every write path (the ledger's triggers back the services up).
 */

let s: SettledCase;
beforeEach(async () => {
  s = await settledWithInstalments(async (m) => {
    await m.l.call('sessions.add', {
      caseId: m.detail.id,
      session: session([...m.partyIds], m.mediatorId),
    });
  });
}, 60_000);
afterEach(() => s.m.l.close());
afterAll(removePdfFiles);

const caseId = () => s.m.detail.id;
const volume = () => s.m.l.call<CaseVolume>('volume.get', { caseId: caseId() });
const detail = () => s.m.l.call<CaseDetail>('cases.get', { caseId: caseId() });
const ledgerFile = () => path.join(s.m.l.dir, 'ledger', 'mediation-desk.sqlite');

async function performAndClose(): Promise<CaseDetail> {
  s.setClock('2026-05-23T02:00:00Z');
  const o = await s.m.l.call<CaseFollowUps>('followups.ofCase', { caseId: caseId() });
  const plan = o.visits[0] as FollowUp;
  await s.m.l.call('followups.record', {
    caseId: caseId(),
    followUpId: plan.id,
    expectedVersion: plan.version,
    visit: visit(s, {
      visitDate: '2026-05-23',
      performance: 'PERFORMED',
      satisfaction: 'SATISFIED',
      risk: 'NONE',
      nextStep: 'NONE',
      nextVisitDate: null,
      findings: '两期赔偿款均已转账，协议全部履行完毕。',
    }),
  });
  const c = await detail();
  return s.m.l.call<CaseDetail>('cases.transition', {
    caseId: caseId(),
    expectedVersion: c.version,
    input: { action: 'CLOSE', closedDate: '2026-05-23' },
  });
}

const archiveInput = (version: number) => ({
  caseId: caseId(),
  expectedVersion: version,
  retention: 'LONG_30',
  filedBy: '李秀兰',
  filedDate: '2026-05-23',
  remarks: null,
});

async function completeTheVolume(): Promise<void> {
  for (const kind of ['ACCEPTANCE_REGISTER', 'RIGHTS_NOTICE'] as const) {
    await s.m.l.call('documents.render', {
      caseId: caseId(),
      kind,
      recordId: null,
      allowMissingGlyphs: true,
    });
  }
  for (const partyId of s.m.partyIds) {
    await s.m.l.call('volume.attach', {
      caseId: caseId(),
      kind: 'IDENTITY_PROOF',
      partyId,
      file: { fileName: `身份证${partyId}.png`, dataBase64: PNG_BYTES.toString('base64') },
    });
  }
}

describe('the volume (一案一卷)', () => {
  it('refuses an incomplete volume with the missing items, then archives a complete one', async () => {
    const closed = await performAndClose();
    expect(closed.status).toBe('CLOSED');
    const v = await volume();
    expect(v.checklist.complete).toBe(false);
    expect(v.checklist.missing.map((m) => m.item)).toEqual([
      'APPLICATION_OR_ACCEPTANCE',
      'RIGHTS_NOTICE',
      'IDENTITY_PROOF',
    ]);
    const status = Object.fromEntries(v.checklist.items.map((i) => [i.item, i.status]));
    expect(status).toMatchObject({
      SESSION_RECORD: 'PRESENT',
      AGREEMENT: 'PRESENT',
      FOLLOWUP_RECORD: 'PRESENT',
      INVESTIGATION_RECORD: 'NOT_NEEDED',
      BACK_COVER: 'PRESENT',
    });

    const before = ledgerFingerprint(ledgerFile());
    const refused = await s.m.l.raw('volume.archive', archiveInput(closed.version));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('INVALID_STATE');
      expect(refused.error.message).toMatch(
        /^卷宗材料不全，不能归档：1\. 人民调解申请书或人民调解受理登记表：尚未打印/,
      );
      expect(refused.error.message).toContain('缺少当事人');
      expect(refused.error.issues?.map((i) => i.path.join('.'))).toEqual([
        'checklist.APPLICATION_OR_ACCEPTANCE',
        'checklist.RIGHTS_NOTICE',
        'checklist.IDENTITY_PROOF',
      ]);
    }
    expect(ledgerFingerprint(ledgerFile())).toBe(before);

    // A bare ARCHIVE step of the lifecycle has no volume record and is refused too.
    const bare = await s.m.l.raw('cases.transition', {
      caseId: caseId(),
      expectedVersion: closed.version,
      input: { action: 'ARCHIVE' },
    });
    expect(bare.ok ? null : bare.error.message).toMatch(/卷宗/);

    await completeTheVolume();
    expect((await volume()).checklist.complete).toBe(true);
    const archived = await s.m.l.call<CaseVolume>('volume.archive', archiveInput(closed.version));
    expect(archived.status).toBe('ARCHIVED');
    expect(archived.archive).toMatchObject({
      volumeNo: '（2026）人调字第001号',
      retentionLabel: '长期（30年）',
      filedBy: '李秀兰',
      filedDate: '2026-05-23',
    });
    expect((await detail()).status).toBe('ARCHIVED');
  });

  it('refuses a filing date before the closing or in the future, and a stale version', async () => {
    const closed = await performAndClose();
    await completeTheVolume();
    const early = await s.m.l.raw('volume.archive', {
      ...archiveInput(closed.version),
      filedDate: '2026-05-01',
    });
    expect(early.ok ? null : early.error.message).toBe('立卷日期不能早于结案日期（2026-05-23）');
    const future = await s.m.l.raw('volume.archive', {
      ...archiveInput(closed.version),
      filedDate: '2026-06-01',
    });
    expect(future.ok ? null : future.error.message).toBe('立卷日期不能晚于今天');
    const stale = await s.m.l.raw('volume.archive', archiveInput(closed.version - 1));
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
  });

  it('makes an archived case read-only on every write path; notes are appended', async () => {
    const closed = await performAndClose();
    await completeTheVolume();
    await s.m.l.call('volume.archive', archiveInput(closed.version));
    const c = await detail();
    const [applicant] = s.m.partyIds;
    const writes: [string, unknown][] = [
      [
        'cases.transition',
        {
          caseId: caseId(),
          expectedVersion: c.version,
          input: { action: 'CLOSE', closedDate: '2026-05-23' },
        },
      ],
      [
        'cases.voidNumber',
        { caseId: caseId(), expectedVersion: c.version, reason: '编号有误', reissue: true },
      ],
      [
        'sessions.add',
        {
          caseId: caseId(),
          session: session([...s.m.partyIds], s.m.mediatorId),
        },
      ],
      ['followups.schedule', { caseId: caseId(), dueDate: '2026-06-01', note: '补充回访' }],
      [
        'followups.record',
        {
          caseId: caseId(),
          followUpId: null,
          expectedVersion: 0,
          visit: visit(s, {
            visitDate: '2026-05-23',
            performance: 'PERFORMED',
            nextStep: 'NONE',
            nextVisitDate: null,
          }),
        },
      ],
      [
        'cases.extendDue',
        {
          caseId: caseId(),
          expectedVersion: c.version,
          newDueDate: '2026-07-01',
          consentDate: '2026-05-23',
          consentPartyIds: [...s.m.partyIds],
          reason: '双方同意延期',
        },
      ],
      [
        'confirmations.save',
        {
          caseId: caseId(),
          agreementId: s.agreement.id,
          expectedVersion: 0,
          appliedDate: '2026-05-23',
          court: '格尔木市人民法院',
          courtCaseNumber: null,
          decision: 'PENDING',
          decisionDate: null,
          enforcementAppliedDate: null,
          note: null,
        },
      ],
      [
        'agreements.attachScan',
        {
          agreementId: s.agreement.id,
          scan: { fileName: '协议.pdf', dataBase64: PDF_BYTES.toString('base64') },
        },
      ],
      [
        'agreements.amend',
        {
          agreementId: s.agreement.id,
          expectedVersion: s.agreement.version,
          reason: '变更履行期限',
        },
      ],
      [
        'volume.attach',
        {
          caseId: caseId(),
          kind: 'EVIDENCE',
          partyId: null,
          file: { fileName: '照片.png', dataBase64: PNG_BYTES.toString('base64') },
        },
      ],
    ];
    const before = ledgerFingerprint(ledgerFile());
    for (const [method, input] of writes) {
      const res = await s.m.l.raw(method, input);
      expect(res.ok, method).toBe(false);
      if (!res.ok) {
        expect(res.error.code, `${method}: ${res.error.message}`).toBe('CASE_ARCHIVED');
        expect(res.error.message).toMatch(/已立卷归档/);
      }
    }
    expect(ledgerFingerprint(ledgerFile())).toBe(before);

    // The ledger refuses it too, whoever writes (with the audit functions a writer needs).
    const db = openConnection(ledgerFile());
    try {
      expect(() =>
        db.prepare('UPDATE party SET name = ? WHERE id = ?').run('改名', applicant),
      ).toThrow(/CASE_ARCHIVED/);
      expect(() =>
        db.prepare('DELETE FROM session_record WHERE case_id = ?').run(caseId()),
      ).toThrow(/CASE_ARCHIVED/);
      expect(() =>
        db.prepare('UPDATE case_file SET title = ? WHERE id = ?').run('改', caseId()),
      ).toThrow(/CASE_ARCHIVED/);
      expect(() => db.prepare('UPDATE case_volume SET filed_by = ?').run('某人')).toThrow(
        /CASE_ARCHIVED/,
      );
    } finally {
      db.close();
    }

    // Later corrections are appended as dated notes.
    const noted = await s.m.l.call<CaseVolume>('volume.addNote', {
      caseId: caseId(),
      noteDate: '2026-05-23',
      text: '申请人身份证复印件背面另附一页。',
    });
    expect(noted.notes).toHaveLength(1);
    expect(noted.notes[0]?.afterArchiving).toBe(true);
    const future = await s.m.l.raw('volume.addNote', {
      caseId: caseId(),
      noteDate: '2026-06-01',
      text: '说明',
    });
    expect(future.ok ? null : future.error.message).toBe('说明日期不能晚于今天');
  });

  it('refuses an attachment that is not what its name says, and a party of another case', async () => {
    const bad = await s.m.l.raw('volume.attach', {
      caseId: caseId(),
      kind: 'IDENTITY_PROOF',
      partyId: s.m.partyIds[0],
      file: { fileName: '身份证.pdf', dataBase64: PNG_BYTES.toString('base64') },
    });
    expect(bad.ok ? null : bad.error.message).toMatch(/名称与内容不符/);
    const notOurs = await s.m.l.raw('volume.attach', {
      caseId: caseId(),
      kind: 'IDENTITY_PROOF',
      partyId: 999_999,
      file: { fileName: '身份证.png', dataBase64: PNG_BYTES.toString('base64') },
    });
    expect(notOurs.ok ? null : notOurs.error.message).toBe('所选当事人不是本案当事人，请重新选择');
    const noParty = await s.m.l.raw('volume.attach', {
      caseId: caseId(),
      kind: 'POWER_OF_ATTORNEY',
      partyId: null,
      file: { fileName: '委托书.png', dataBase64: PNG_BYTES.toString('base64') },
    });
    expect(noParty.ok ? null : noParty.error.message).toBe('请选择这份材料所属的当事人');
    const hostile = await s.m.l.raw('volume.attach', {
      caseId: caseId(),
      kind: 'EVIDENCE',
      partyId: null,
      file: { fileName: '..\u202Egnp.exe', dataBase64: PNG_BYTES.toString('base64') },
    });
    expect(hostile.ok).toBe(false);
  });
});

describe('the volume PDF and the follow-up documents', () => {
  it('prints the 回访记录 and the 司法确认申请书, frozen in the print register', async () => {
    await performAndClose();
    const o = await s.m.l.call<CaseFollowUps>('followups.ofCase', { caseId: caseId() });
    const done = o.visits.find((v) => v.status === 'DONE') as FollowUp;
    const record = await s.m.l.call<RenderedDocument>('followups.printRecord', {
      followUpId: done.id,
    });
    const text = squash(pdfFile(Buffer.from(record.pdfBase64, 'base64')).text());
    expect(text).toContain('人民调解回访记录');
    expect(text).toContain(squash(s.agreement.number));
    expect(text).toContain('已履行');
    expect(text).toContain('两期赔偿款均已转账');
    expect(record.printed.kind).toBe('FOLLOWUP_RECORD');
    const again = await s.m.l.call<RenderedDocument>('followups.printRecord', {
      followUpId: done.id,
    });
    expect(again.sha256).toBe(record.sha256);
    expect(again.printed.id).toBe(record.printed.id);
    const planned = o.visits.find((v) => v.status !== 'DONE');
    if (planned) {
      const notYet = await s.m.l.raw('followups.printRecord', { followUpId: planned.id });
      expect(notYet.ok ? null : notYet.error.code).toBe('INVALID_STATE');
    }

    const app = await s.m.l.call<RenderedDocument>('confirmations.printApplication', {
      agreementId: s.agreement.id,
    });
    const appText = squash(pdfFile(Buffer.from(app.pdfBase64, 'base64')).text());
    expect(appText).toContain('司法确认申请书');
    expect(appText).toContain('确认调解协议有效'.slice(0, 2));
    expect(appText).toContain(squash(`（编号：${s.agreement.number}）有效`));
    expect(appText).toContain('附送材料');
    expect(app.printed.kind).toBe('CONFIRMATION_APPLICATION');
  });

  it('assembles cover, index and documents in index order with correct page numbers', async () => {
    const closed = await performAndClose();
    await completeTheVolume();
    await s.m.l.call('volume.addNote', {
      caseId: caseId(),
      noteDate: '2026-05-23',
      text: '第一期履行凭证原件由申请人保管。',
    });
    const early = await s.m.l.raw('volume.pdf', { caseId: caseId() });
    expect(early.ok ? null : early.error.code).toBe('INVALID_STATE');
    await s.m.l.call('volume.archive', archiveInput((await detail()).version ?? closed.version));
    const vol = await s.m.l.call<RenderedDocument>('volume.pdf', { caseId: caseId() });
    const bytes = Buffer.from(vol.pdfBase64, 'base64');
    const file = pdfFile(bytes, 'volume.pdf');
    expect(file.qpdfCheck()).toContain('No syntax or stream encoding errors');
    const pages = file.pages();
    const page = (n: number) => squash(file.pageText(n));
    expect(page(1)).toContain('人民调解卷宗');
    expect(page(1)).toContain('（2026）人调字第001号');
    expect(page(2)).toContain('卷内目录');
    // Every index row names its first page; that page (after cover and index) is the document.
    const index = file.pageText(2, '-layout');
    const rows = [...index.matchAll(/^\s*(\d+)\s+(\S+)\s+(\d+)(?:–(\d+))?/gm)].map((m) => ({
      title: m[2] ?? '',
      first: Number(m[3]),
    }));
    const titles = rows.map((r) => r.title);
    fs.writeFileSync(path.join(os.tmpdir(), 'md-volume-sample.pdf'), bytes);
    expect(titles[0]).toBe('人民调解受理登记表');
    expect(titles[1]).toBe('人民调解当事人权利义务告知书');
    expect(titles[2]).toBe('当事人身份证明');
    expect(titles.findIndex((t) => t.startsWith('人民调解记录'))).toBeLessThan(
      titles.findIndex((t) => t.startsWith('人民调解协议书')),
    );
    expect(titles.findIndex((t) => t.startsWith('人民调解协议书'))).toBeLessThan(
      titles.findIndex((t) => t.startsWith('人民调解回访记录')),
    );
    const front = 2; // cover and index are not numbered
    const expectOn = (title: string, text: string) => {
      const row = rows.find((r) => r.title.startsWith(title));
      expect(row, title).toBeDefined();
      const p = page((row?.first ?? 0) + front);
      expect(p, title).toContain(text);
      // The volume's page number is stamped in the corner of the numbered page.
      expect(p, title).toContain(String(row?.first));
    };
    expectOn('人民调解受理登记表', '人民调解受理登记表');
    expectOn('人民调解当事人权利义务告知书', '权利义务告知书');
    expectOn('人民调解记录', '人民调解记录');
    expectOn('人民调解协议书', '人民调解协议书');
    expectOn('人民调解回访记录', '人民调解回访记录');
    // Nothing was corrected after saving: no correction record.
    expect(titles).not.toContain('案件信息更正记录');
    const last = page(pages);
    expect(last).toContain('卷内备考表');
    expect(last).toContain('第一期履行凭证原件由申请人保管');
    expect(last).toContain(`共${pages}页`);
    expect(squash(index)).toContain(`${pages}页`);
    // Frozen: asked again, the same bytes come back from the register.
    const again = await s.m.l.call<RenderedDocument>('volume.pdf', { caseId: caseId() });
    expect(again.sha256).toBe(vol.sha256);
    expect(vol.printed.kind).toBe('VOLUME');
    fs.writeFileSync(path.join(os.tmpdir(), 'md-volume-sample.pdf'), bytes);
  }, 120_000);

  it('assembles on the export thread: the core answers meanwhile; a crash stores nothing', async () => {
    const closed = await performAndClose();
    await completeTheVolume();
    await s.m.l.call('volume.archive', archiveInput((await detail()).version ?? closed.version));
    // The same ledger reopened by a core whose export thread waits for the test.
    s.m.l.core.close();
    const thread = await heldExportThread();
    const core = await openSignedInCore({
      dataDir: s.m.l.dir,
      appVersion: 'test',
      now: () => new Date('2026-05-23T02:00:00Z'),
      exportRenderer: thread.renderer,
    });
    const volumes = () =>
      core.ledger
        .db()
        .prepare("SELECT count(*) FROM printed_document WHERE kind = 'VOLUME'")
        .pluck()
        .get();
    try {
      const first = core.dispatch('volume.pdf', { caseId: caseId() });
      await (await thread.nextHeld()).crash();
      expect(await first).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: apiMessagesZhCN.volumeThreadStopped },
      });
      expect(volumes()).toBe(0);

      const second = core.dispatch('volume.pdf', { caseId: caseId() });
      const held = await thread.nextHeld();
      expect(await core.dispatch('system.status', {})).toMatchObject({ ok: true });
      expect(await core.dispatch('cases.get', { caseId: caseId() })).toMatchObject({
        ok: true,
        value: { status: 'ARCHIVED' },
      });
      expect(volumes()).toBe(0);
      held.release();
      const vol = await second;
      if (!vol.ok) throw new Error(vol.error.message);
      const bytes = Buffer.from((vol.value as RenderedDocument).pdfBase64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(squash(pdfFile(bytes, 'volume-thread.pdf').text())).toContain('卷内目录');
      expect(volumes()).toBe(1);
    } finally {
      core.close();
    }
  });

  it('a case corrected after saving carries its 案件信息更正记录 in the volume, before the back cover', async () => {
    const before = await detail();
    const respondent = before.parties[1]!;
    await s.m.l.call('parties.update', {
      caseId: caseId(),
      partyId: respondent.id,
      expectedVersion: respondent.version,
      party: {
        kind: 'NATURAL',
        role: respondent.role,
        name: `${respondent.name}吉`,
        gender: respondent.gender,
        ethnicity: respondent.ethnicity,
        birthDate: respondent.birthDate,
        occupation: respondent.occupation,
        phone: { phone: respondent.phone.phone },
        address: respondent.address,
        idDocument: respondent.idDocument,
        preferredLanguage: respondent.preferredLanguage,
        needsInterpreter: respondent.needsInterpreter,
      },
      reason: '登记时姓名录入错误，已核对身份证原件',
    });
    const closed = await performAndClose();
    await completeTheVolume();
    await s.m.l.call('volume.archive', archiveInput((await detail()).version ?? closed.version));
    const vol = await s.m.l.call<RenderedDocument>('volume.pdf', { caseId: caseId() });
    const file = pdfFile(Buffer.from(vol.pdfBase64, 'base64'), 'volume-corrected.pdf');
    const index = file.pageText(2, '-layout');
    const rows = [...index.matchAll(/^ *(\d+) +(\S+) +(\d+)(?:–(\d+))?[ \t]*(.*)$/gm)].map((m) => ({
      title: m[2] ?? '',
      first: Number(m[3]),
      remark: m[5] ?? '',
    }));
    const titles = rows.map((r) => r.title);
    const at = titles.indexOf('案件信息更正记录');
    expect(at, titles.join(' / ')).toBeGreaterThan(titles.indexOf('人民调解回访记录'));
    // The last row is the back cover; the correction record stands just before it.
    expect(at).toBe(titles.length - 2);
    // The name's correction and the generated title that followed it.
    const history = await s.m.l.call<unknown[]>('cases.history', { caseId: caseId() });
    expect(history).toHaveLength(2);
    expect(rows[at]?.remark).toBe('共更正2次');
    const first = squash(file.pageText((rows[at]?.first ?? 0) + 2));
    expect(first).toContain('案件信息更正记录');
    expect(first).toContain(squash('登记时姓名录入错误，已核对身份证原件'));
    expect(first).toContain(squash(`${respondent.name}吉`));
  }, 120_000);
});
