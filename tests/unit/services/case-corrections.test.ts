import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views';
import type { ChangeSetView } from '../../../domain/cases/change-history';
import {
  intake,
  naturalInput,
  openTestLedger,
  person,
  setUpRoom,
  type TestLedger,
} from './case-fixtures';

/** Issue 8, must-haves 1 and 2: corrections after saving, with field-level history. */
describe('corrections after saving', () => {
  let l: TestLedger;
  beforeEach(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
  });
  afterEach(() => l.close());

  const natural = naturalInput;

  it('corrects a name and gender with a reason; history, title and search follow', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake());
    const c = saved.case;
    expect(c.title).toBe(
      '王芳与扎西多杰林地、草场纠纷'.replace('林地、草场纠纷', c.title.slice(7)),
    );
    const respondent = c.parties[1]!;

    // An identity field without a reason is refused and nothing changes.
    const noReason = await l.raw('parties.update', {
      caseId: c.id,
      partyId: respondent.id,
      expectedVersion: respondent.version,
      party: natural(respondent, { name: '扎西多吉' }),
    });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.message).toContain('更正原因');

    const fixed = await l.call<SavedCase>('parties.update', {
      caseId: c.id,
      partyId: respondent.id,
      expectedVersion: respondent.version,
      party: natural(respondent, { name: '扎西多吉', occupation: '牧民（合作社）' }),
      reason: '登记时录入错误，已核对身份证原件',
    });
    expect(fixed.case.parties[1]?.name).toBe('扎西多吉');
    expect(fixed.case.title).toContain('扎西多吉');
    expect(fixed.case.title).not.toContain('扎西多杰');

    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: c.id });
    const partySet = history.find((h) => h.entity === 'PARTY')!;
    expect(partySet.reason).toBe('登记时录入错误，已核对身份证原件');
    expect(partySet.fields.map((f) => [f.field, f.oldText, f.newText])).toEqual([
      ['name', '扎西多杰', '扎西多吉'],
      ['occupation', '牧民', '牧民（合作社）'],
    ]);
    const titleSet = history.find((h) => h.entity === 'CASE')!;
    expect(titleSet.fields[0]?.field).toBe('title');

    // The old name no longer finds the case; the new one does.
    const search = async (text: string) =>
      (await l.call<{ rows: { id: number }[] }>('cases.search', { text })).rows.map((r) => r.id);
    expect(await search('扎西多杰')).toEqual([]);
    expect(await search('扎西多吉')).toEqual([c.id]);

    // A stale version is refused.
    const stale = await l.raw('parties.update', {
      caseId: c.id,
      partyId: respondent.id,
      expectedVersion: respondent.version,
      party: natural(respondent),
      reason: '再次更正',
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
  });

  it('masks ID numbers in the history and records a confirmed gender', async () => {
    const c = (await l.call<SavedCase>('cases.create', intake())).case;
    const applicant = c.parties[0]!;
    const refused = await l.raw('parties.update', {
      caseId: c.id,
      partyId: applicant.id,
      expectedVersion: applicant.version,
      party: natural(applicant, { gender: 'MALE' }),
      reason: '当事人说明',
    });
    expect(refused.ok).toBe(false);
    const saved = await l.call<SavedCase>('parties.update', {
      caseId: c.id,
      partyId: applicant.id,
      expectedVersion: applicant.version,
      party: natural(applicant, {
        gender: 'MALE',
        genderConfirmed: true,
        idDocument: { type: 'RESIDENT_ID', number: '63020219780315084X' },
      }),
      reason: '核对户口簿后更正',
    });
    expect(saved.case.parties[0]?.genderConfirmed).toBe(true);
    const [latestParty] = (await l.call<ChangeSetView[]>('cases.history', { caseId: c.id })).filter(
      (h) => h.entity === 'PARTY',
    );
    const id = latestParty!.fields.find((f) => f.field === 'idNumber')!;
    expect(id.oldText).toBe('632801********1246');
    expect(id.newText).toBe('630202********084X');
    expect(latestParty!.confirmations[0]).toContain('已由调解员核实确认');
  });

  it('adds and removes a party; a party named in a session cannot be removed', async () => {
    const c = (await l.call<SavedCase>('cases.create', intake())).case;
    const added = await l.call<SavedCase>('parties.add', {
      caseId: c.id,
      expectedVersion: c.version,
      party: person({ role: 'THIRD_PARTY', name: '李明', idDocument: null }),
    });
    const third = added.case.parties.find((p) => p.name === '李明')!;
    const removed = await l.call<CaseDetail>('parties.remove', {
      caseId: c.id,
      partyId: third.id,
      expectedVersion: added.case.version,
      reason: '误登记',
    });
    expect(removed.parties.map((p) => p.name)).toEqual(['王芳', '扎西多杰']);
    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: c.id });
    expect(history.map((h) => h.action)).toContain('REMOVE');
    expect(history.find((h) => h.action === 'REMOVE')?.subject).toBe('当事人 李明');

    const noReason = await l.raw('parties.remove', {
      caseId: c.id,
      partyId: c.parties[1]!.id,
      expectedVersion: removed.version,
      reason: '',
    });
    expect(noReason.ok).toBe(false);
  });

  it('a typed title is kept; clearing it returns to the generated one', async () => {
    const c = (await l.call<SavedCase>('cases.create', intake({ title: '冬季草场边界案' }))).case;
    const respondent = c.parties[1]!;
    const after = await l.call<SavedCase>('parties.update', {
      caseId: c.id,
      partyId: respondent.id,
      expectedVersion: respondent.version,
      party: natural(respondent, { name: '扎西多吉' }),
      reason: '更正',
    });
    expect(after.case.title).toBe('冬季草场边界案');
    const cleared = await l.call<CaseDetail>('cases.update', {
      caseId: c.id,
      expectedVersion: after.case.version,
      changes: { title: null },
      reason: '改用自动生成的名称',
    });
    expect(cleared.title).toContain('王芳与扎西多吉');
  });

  it('a patch changes only what it names: requests and prevention flags survive', async () => {
    const c = (
      await l.call<SavedCase>(
        'cases.create',
        intake({ preventionFlags: [{ code: 'CRIMINAL', persons: 2, note: '双方曾持械' }] }),
      )
    ).case;
    const next = await l.call<CaseDetail>('cases.update', {
      caseId: c.id,
      expectedVersion: c.version,
      changes: { summary: '双方因冬季草场边界和饮水点发生争议。' },
      reason: null,
    });
    expect(next.summary).toBe('双方因冬季草场边界和饮水点发生争议。');
    expect(next.requests).toEqual(['确认草场边界', '赔偿草场损失']);
    expect(next.preventionFlags).toEqual([{ code: 'CRIMINAL', persons: 2, note: '双方曾持械' }]);
    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: c.id });
    expect(history[0]?.fields.map((f) => f.field)).toEqual(['summary']);
  });
});

describe('search knows the code tables; 未结 means no outcome yet', () => {
  let l: TestLedger;
  beforeEach(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
  });
  afterEach(() => l.close());

  it('草山 and 草牧场 find a 草场纠纷 that never says so; 劳动争议 finds a wage case', async () => {
    const grass = (
      await l.call<SavedCase>(
        'cases.create',
        intake({ summary: '两家因冬季牧场的界线发生争执。', requests: ['确认界线'] }),
      )
    ).case;
    const search = async (text: string) =>
      (await l.call<{ rows: { id: number }[] }>('cases.search', { text })).rows.map((r) => r.id);
    expect(await search('草山')).toEqual([grass.id]);
    expect(await search('草牧场')).toEqual([grass.id]);
    expect(await search('草场纠纷')).toEqual([grass.id]);
    expect(await search('医疗')).toEqual([]);
    // A corrected category changes what finds it.
    const moved = await l.call<CaseDetail>('cases.update', {
      caseId: grass.id,
      expectedVersion: grass.version,
      changes: { category: 'LABOUR', subtype: 'UNPAID_MIGRANT_WAGES' },
    });
    expect(moved.category).toBe('LABOUR');
    expect(await search('草山')).toEqual([]);
    expect(await search('讨薪')).toEqual([grass.id]);
  });
});
