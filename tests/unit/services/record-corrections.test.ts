import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../domain/agreements/agreement-views';
import type { CaseDetail } from '../../../domain/cases/case-views';
import type { ChangeSetView } from '../../../domain/cases/change-history';
import { pdfText } from '../agreements/pdf-tools.js';
import { mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures';
import { session } from './case-fixtures';

/**
 * Session and investigation records can be corrected after saving, with their changes in the
 * case's history (issue 8, must-haves 1–2); a 被调查人 carries identity details that the 调查记录
 * prints after the name (issue 7).
 */
describe('correcting session and investigation records', () => {
  let m: MediatingCase;
  beforeEach(async () => {
    m = await mediatingCase();
  });
  afterEach(() => m.l.close());

  const investigation = (overrides: Record<string, unknown> = {}) => ({
    at: '2026-03-08T10:00',
    place: '长江源村草场',
    investigatedPersons: [
      {
        name: '马文礼',
        gender: 'MALE',
        age: 45,
        address: '昆仑路19号商户',
        relation: '事故目击者',
      },
      { name: '卓玛' },
    ],
    investigatorIds: [m.mediatorId],
    recorder: '李明',
    content: '问：当天你看到了什么？\n答：看到围栏被推倒。',
    ...overrides,
  });
  const history = () => m.l.call<ChangeSetView[]>('cases.history', { caseId: m.detail.id });
  const printed = async (recordId: number) => {
    const doc = await m.l.call<RenderedDocument>('documents.render', {
      caseId: m.detail.id,
      kind: 'INVESTIGATION_RECORD',
      recordId,
    });
    const pdf = Buffer.from(doc.pdfBase64, 'base64');
    if (process.env.KEEP_PDF) fs.writeFileSync(process.env.KEEP_PDF, pdf);
    return pdfText(pdf).replace(/\s+/g, '');
  };

  it('a 被调查人 is printed with gender, age, unit or address and relation', async () => {
    const detail = await m.l.call<CaseDetail>('investigations.add', {
      caseId: m.detail.id,
      investigation: investigation(),
    });
    const saved = detail.investigations[0];
    expect(saved?.investigatedPersons[0]).toEqual({
      name: '马文礼',
      gender: 'MALE',
      age: 45,
      address: '昆仑路19号商户',
      relation: '事故目击者',
    });
    expect(saved?.investigatedPersons[1]).toEqual({
      name: '卓玛',
      gender: null,
      age: null,
      address: null,
      relation: null,
    });
    const text = await printed(saved?.id ?? 0);
    // the details follow the name on its row (the extracted text runs row by column)
    expect(text).toContain('被调查人马文礼');
    expect(text).toContain('男，45岁，昆仑路19号商户，系事故目击者');
    expect(text).toContain('被调查人卓玛');
  });

  it('refuses an impossible age and an empty name, writing nothing', async () => {
    for (const bad of [{ name: '马文礼', age: 300 }, { name: '马文礼', age: 4.5 }, { name: '' }]) {
      const res = await m.l.raw('investigations.add', {
        caseId: m.detail.id,
        investigation: investigation({ investigatedPersons: [bad] }),
      });
      expect(res.ok ? '' : res.error.code).toBe('BAD_INPUT');
    }
    const detail = await m.l.call<CaseDetail>('cases.get', { caseId: m.detail.id });
    expect(detail.investigations).toHaveLength(0);
  });

  it('an investigation record is corrected with history; stale and unknown ones are refused', async () => {
    const added = await m.l.call<CaseDetail>('investigations.add', {
      caseId: m.detail.id,
      investigation: investigation(),
    });
    const record = added.investigations[0];
    if (!record) throw new Error('no investigation');
    const corrected = await m.l.call<CaseDetail>('investigations.update', {
      caseId: m.detail.id,
      investigationId: record.id,
      expectedVersion: record.version,
      investigation: investigation({
        place: '长江源村二社草场',
        investigatedPersons: [
          {
            name: '马文理',
            gender: 'MALE',
            age: 46,
            address: '昆仑路19号商户',
            relation: '事故目击者',
          },
          { name: '卓玛' },
        ],
      }),
    });
    expect(corrected.investigations[0]?.place).toBe('长江源村二社草场');
    expect(corrected.investigations[0]?.version).toBe(record.version + 1);
    const [change] = await history();
    expect(change?.entity).toBe('INVESTIGATION');
    expect(change?.actionLabel).toBe('更正');
    expect(change?.subject).toBe('调查记录');
    expect(change?.fields.map((f) => f.label)).toEqual(['地点', '被调查人']);
    const persons = change?.fields.find((f) => f.field === 'investigatedPersons');
    expect(persons?.oldText).toContain('马文礼（男，45岁，昆仑路19号商户，系事故目击者）');
    expect(persons?.newText).toContain('马文理（男，46岁，昆仑路19号商户，系事故目击者）');
    expect(await printed(record.id)).toContain('男，46岁，昆仑路19号商户');

    const stale = await m.l.raw('investigations.update', {
      caseId: m.detail.id,
      investigationId: record.id,
      expectedVersion: record.version,
      investigation: investigation(),
    });
    expect(stale.ok ? '' : stale.error.code).toBe('CONFLICT');
    const unknown = await m.l.raw('investigations.update', {
      caseId: m.detail.id,
      investigationId: record.id + 100,
      expectedVersion: 1,
      investigation: investigation(),
    });
    expect(unknown.ok ? '' : unknown.error.code).toBe('NOT_FOUND');
    const early = await m.l.raw('investigations.update', {
      caseId: m.detail.id,
      investigationId: record.id,
      expectedVersion: record.version + 1,
      investigation: investigation({ at: '1990-03-08T10:00' }),
    });
    expect(early.ok ? '' : early.error.code).toBe('BAD_INPUT');
    expect((await history()).length).toBe(1);
  });

  it('records saved with names only read back as persons with nothing else known', async () => {
    const added = await m.l.call<CaseDetail>('investigations.add', {
      caseId: m.detail.id,
      investigation: investigation(),
    });
    const id = added.investigations[0]?.id ?? 0;
    m.l.core.ledger
      .db()
      .prepare('UPDATE investigation_record SET investigated_json = ? WHERE id = ?')
      .run(JSON.stringify(['马文礼', '卓玛']), id);
    const detail = await m.l.call<CaseDetail>('cases.get', { caseId: m.detail.id });
    expect(detail.investigations[0]?.investigatedPersons.map((p) => [p.name, p.age])).toEqual([
      ['马文礼', null],
      ['卓玛', null],
    ]);
    expect(await printed(id)).toContain('马文礼');
  });

  it('a corrected session record leaves its changes, with names for ids, in the history', async () => {
    const added = await m.l.call<CaseDetail>('sessions.add', {
      caseId: m.detail.id,
      session: session([...m.partyIds], m.mediatorId),
    });
    const s = added.sessions[0];
    if (!s) throw new Error('no session');
    const first = m.partyIds[0] ?? 0;
    await m.l.call<CaseDetail>('sessions.update', {
      caseId: m.detail.id,
      sessionId: s.id,
      expectedVersion: s.version,
      session: session([first], m.mediatorId, { place: '村委会调解室' }),
    });
    const [change] = await history();
    expect(change?.entity).toBe('SESSION');
    const labels = change?.fields.map((f) => f.label);
    expect(labels).toContain('地点');
    expect(labels).toContain('到场当事人');
    const present = change?.fields.find((f) => f.field === 'partyIdsPresent');
    const firstName = added.parties.find((p) => p.id === first)?.name ?? '';
    expect(present?.newText).toBe(firstName);
    expect(present?.oldText).toContain(firstName);
    expect(present?.oldText).toContain('；');
  });
});
