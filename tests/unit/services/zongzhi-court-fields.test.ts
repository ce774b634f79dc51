import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views';
import type { ChangeSetView } from '../../../domain/cases/change-history';
import { intake, openTestLedger, setUpRoom, type TestLedger } from './case-fixtures';

/** Issue 15, must-haves 6 and 7: the 综治 fields and court-delegated cases, on a real ledger. */
describe('综治 fields and court-delegated cases', () => {
  let l: TestLedger;
  beforeEach(async () => {
    l = await openTestLedger();
    await setUpRoom(l);
  });
  afterEach(() => l.close());

  const court = {
    source: 'ENTRUSTED_COURT',
    courtKind: 'DELEGATED',
    courtName: '格尔木市人民法院',
    courtReference: '（2026）青2801民诉前调123号',
    courtReceivedOn: '2026-03-01',
  };

  const errorOf = async (method: string, input: unknown) => {
    const res = await l.raw(method, input);
    expect(res.ok, `${method} ${JSON.stringify(input).slice(0, 300)}`).toBe(false);
    return res.ok ? null : res.error;
  };

  it('keeps the 综治 fields from intake, normalised, and corrects them with history', async () => {
    const saved = await l.call<SavedCase>(
      'cases.create',
      intake({
        occurredOn: '2026-02-27',
        occurredPlace: '  长江源村　冬季草场  ',
        personsInvolved: 36,
        warningLevel: 'LEVEL_2',
        responsibleLeader: '李强（镇党委副书记）',
      }),
    );
    const c = saved.case;
    expect(c).toMatchObject({
      occurredOn: '2026-02-27',
      occurredPlace: '长江源村 冬季草场',
      personsInvolved: 36,
      warningLevel: 'LEVEL_2',
      responsibleLeader: '李强（镇党委副书记）',
      courtKind: null,
      courtDeadline: null,
    });

    const fixed = await l.call<CaseDetail>('cases.update', {
      caseId: c.id,
      expectedVersion: c.version,
      changes: { warningLevel: 'LEVEL_1', personsInvolved: 120, occurredPlace: null },
      reason: '镇综治中心复核后升级',
    });
    expect(fixed).toMatchObject({ warningLevel: 'LEVEL_1', personsInvolved: 120 });
    expect(fixed.occurredPlace).toBeNull();
    // Fields not in the patch keep their value.
    expect(fixed.responsibleLeader).toBe('李强（镇党委副书记）');

    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: c.id });
    const set = history.find((h) => h.entity === 'CASE' && h.reason === '镇综治中心复核后升级')!;
    expect(set.fields.map((f) => [f.label, f.oldText, f.newText])).toEqual([
      ['纠纷发生地点', '长江源村 冬季草场', '（空）'],
      ['涉及人数', '36', '120'],
      ['预警等级', '二级（橙色）', '一级（红色）'],
    ]);
  });

  it('refuses bad 综治 input with the field named, and nothing is saved', async () => {
    const cases = [
      [{ occurredOn: '2026-03-05' }, ['occurredOn'], '不能晚于登记日期'],
      [{ occurredOn: '2026-02-30' }, ['occurredOn'], '不是有效日期'],
      [{ personsInvolved: 0 }, ['personsInvolved'], '至少为 1'],
      [{ personsInvolved: 2.5 }, ['personsInvolved'], '整数'],
      [{ warningLevel: 'RED' }, ['warningLevel'], '预警等级不在可选范围内'],
      [{ responsibleLeader: '李\u0007强' }, ['responsibleLeader'], '包案领导'],
      [{ responsibleLeader: '长'.repeat(61) }, ['responsibleLeader'], '包案领导'],
      [{ courtName: '格尔木市人民法院' }, ['courtName'], '只有纠纷来源为“法院委托移送”'],
      [{ source: 'ENTRUSTED_COURT' }, ['courtName'], '请填写委派法院'],
      [{ ...court, courtReceivedOn: '2099-04-01' }, ['courtReceivedOn'], '不能晚于今天'],
    ] as const;
    for (const [overrides, path, text] of cases) {
      const error = await errorOf('cases.create', intake(overrides));
      expect(error?.code, JSON.stringify(overrides)).toBe('BAD_INPUT');
      const issue = error?.issues?.find((i) => i.message.includes(text));
      expect(issue?.path, JSON.stringify(overrides)).toEqual(path);
    }
    const page = await l.call<{ total: number }>('cases.search', {});
    expect(page.total).toBe(0);
  });

  it('gives a court case its 30 days, once 30 more with the court consent, recorded', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake(court));
    expect(saved.case.courtDeadline).toEqual({
      receivedOn: '2026-03-01',
      dueOn: '2026-03-31',
      extended: false,
    });
    // Moving the source away while the court lines stay is refused; clearing them is fine.
    const away = await errorOf('cases.update', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      changes: { source: 'ON_APPLICATION' },
    });
    expect(away?.issues?.[0]?.path).toEqual(['changes', 'courtKind']);

    // Not yet accepted is fine for the court: its days run from receipt.
    const early = await errorOf('cases.extendCourtDeadline', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      consentDate: '2026-02-28',
      note: '电话征得承办法官同意',
    });
    expect(early?.message).toContain('不能早于收到委派的日期');
    const blank = await errorOf('cases.extendCourtDeadline', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      consentDate: '2026-03-09',
      note: '   ',
    });
    expect(blank?.code).toBe('BAD_INPUT');

    const extended = await l.call<CaseDetail>('cases.extendCourtDeadline', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      consentDate: '2026-03-09',
      note: '电话征得承办法官张某同意，延长30日',
    });
    expect(extended.courtDeadline).toEqual({
      receivedOn: '2026-03-01',
      dueOn: '2026-04-30',
      extended: true,
    });
    expect(extended.courtExtension).toEqual({
      consentDate: '2026-03-09',
      note: '电话征得承办法官张某同意，延长30日',
    });
    const again = await errorOf('cases.extendCourtDeadline', {
      caseId: saved.case.id,
      expectedVersion: extended.version,
      consentDate: '2026-03-10',
      note: '再次延长',
    });
    expect(again?.code).toBe('INVALID_STATE');
    expect(again?.message).toContain('不能再次延长');
    const stale = await errorOf('cases.extendCourtDeadline', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      consentDate: '2026-03-10',
      note: '旧版本',
    });
    expect(stale?.code).toBe('CONFLICT');

    const history = await l.call<ChangeSetView[]>('cases.history', { caseId: saved.case.id });
    const set = history.find((h) => h.fields.some((f) => f.field === 'courtExtension'))!;
    expect(set.reason).toBe('电话征得承办法官张某同意，延长30日');
    expect(set.fields[0]?.newText).toBe('2026-03-09 电话征得承办法官张某同意，延长30日');
  });

  it('refuses a court extension on a case the court did not send', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake());
    const error = await errorOf('cases.extendCourtDeadline', {
      caseId: saved.case.id,
      expectedVersion: saved.case.version,
      consentDate: '2026-03-09',
      note: '同意',
    });
    expect(error?.code).toBe('INVALID_STATE');
  });
});
