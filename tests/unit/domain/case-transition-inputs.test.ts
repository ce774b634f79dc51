import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  transitionInputSchema,
  transitionInputSchemas,
  type CaseAction,
} from '../../../domain/case-lifecycle';

// A valid input for every action; each test below breaks one thing about it.
const VALID: Record<CaseAction, Record<string, unknown>> = {
  ACCEPT: { action: 'ACCEPT', acceptedDate: '2026-03-02' },
  REJECT: { action: 'REJECT', reason: '双方已向人民法院起诉', advisedRoute: 'LITIGATION' },
  START_INVESTIGATION: { action: 'START_INVESTIGATION' },
  START_MEDIATION: { action: 'START_MEDIATION' },
  SETTLE_WRITTEN: { action: 'SETTLE_WRITTEN' },
  SETTLE_ORAL: { action: 'SETTLE_ORAL' },
  TERMINATE_FAILED: {
    action: 'TERMINATE_FAILED',
    terminatedDate: '2026-03-20',
    advisedRoutes: ['LITIGATION', 'ADMINISTRATIVE'],
    note: '经三次调解，双方对草场边界仍无法达成一致',
  },
  TERMINATE_REFUSED: {
    action: 'TERMINATE_REFUSED',
    terminatedDate: '2026-03-05',
    refusedBy: 2,
    note: '被申请人明确表示不接受调解',
  },
  REFER: {
    action: 'REFER',
    target: 'POLICE',
    referredDate: '2026-03-04',
    reason: '一方扬言持刀报复，涉嫌违法犯罪',
  },
  RETURN_FROM_REFERRAL: {
    action: 'RETURN_FROM_REFERRAL',
    returnedDate: '2026-03-10',
    note: '派出所处理完治安部分，民事赔偿部分退回继续调解',
  },
  START_PERFORMANCE: { action: 'START_PERFORMANCE' },
  START_FOLLOW_UP: { action: 'START_FOLLOW_UP' },
  REOPEN_MEDIATION: {
    action: 'REOPEN_MEDIATION',
    reopenedDate: '2026-04-24',
    reason: '被申请人未按期支付第二期赔偿款，双方同意重新协商履行期限',
  },
  CLOSE: { action: 'CLOSE', closedDate: '2026-04-01' },
  ARCHIVE: { action: 'ARCHIVE' },
};

const HAN = /[\u4e00-\u9fff]/;

function messagesOf(input: unknown): string[] {
  const r = transitionInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('transition inputs', () => {
  it.each(CASE_ACTIONS)('%s: the valid sample parses with both schemas', (action) => {
    expect(transitionInputSchema.safeParse(VALID[action]).success).toBe(true);
    const own = transitionInputSchemas[action].safeParse(VALID[action]);
    expect(own.success).toBe(true);
    expect(own.data?.action).toBe(action);
  });

  it.each(CASE_ACTIONS)('%s: every missing field is refused in Chinese', (action) => {
    const sample = VALID[action];
    for (const key of Object.keys(sample)) {
      const broken = { ...sample };
      delete broken[key];
      const messages = messagesOf(broken);
      expect(messages.length, `${action} without ${key}`).toBeGreaterThan(0);
      for (const m of messages) expect(m, `${action} without ${key}`).toMatch(HAN);
    }
  });

  it('names the missing field', () => {
    expect(messagesOf({ action: 'ACCEPT' })).toEqual(['请填写受理日期']);
    expect(messagesOf({ action: 'REJECT', advisedRoute: 'LITIGATION' })).toEqual([
      '请填写不予受理的理由',
    ]);
    expect(messagesOf({ action: 'REJECT', reason: '已起诉' })).toEqual(['请选择告知的解决途径']);
    expect(messagesOf({ ...VALID.REFER, target: undefined })).toEqual(['请选择移交单位']);
    expect(messagesOf({ ...VALID.TERMINATE_REFUSED, refusedBy: undefined })).toEqual([
      '请选择拒绝调解的当事人',
    ]);
  });

  it('refuses an unknown or missing action in Chinese', () => {
    expect(messagesOf({})).toEqual(['未知的案件操作']);
    expect(messagesOf({ action: 'DELETE' })).toEqual(['未知的案件操作']);
    expect(messagesOf(null)[0]).toMatch(HAN);
  });

  it('refuses extra fields', () => {
    const m = messagesOf({ ...VALID.ARCHIVE, volumeNo: '（2026）人调字第015号' });
    expect(m.join()).toContain('volumeNo');
    expect(m.join()).toMatch(HAN);
  });

  it('checks dates are real calendar dates', () => {
    expect(messagesOf({ action: 'ACCEPT', acceptedDate: '2026-02-29' })).toEqual([
      '受理日期不是有效日期（格式为 YYYY-MM-DD）',
    ]);
    expect(messagesOf({ action: 'ACCEPT', acceptedDate: '2026/03/02' }).length).toBe(1);
    expect(messagesOf({ action: 'ACCEPT', acceptedDate: '2028-02-29' })).toEqual([]);
  });

  it('REJECT with route OTHER needs a note naming the route', () => {
    const other = { ...VALID.REJECT, advisedRoute: 'OTHER' };
    expect(messagesOf(other)).toEqual(['选择“其他”途径时，请填写途径说明']);
    expect(messagesOf({ ...other, advisedRouteNote: '向县公安局报案' })).toEqual([]);
  });

  it('TERMINATE_FAILED needs a non-empty, duplicate-free list of known routes', () => {
    expect(messagesOf({ ...VALID.TERMINATE_FAILED, advisedRoutes: [] })).toEqual([
      '请至少选择一种告知当事人的解决途径',
    ]);
    expect(messagesOf({ ...VALID.TERMINATE_FAILED, advisedRoutes: ['诉讼'] })[0]).toMatch(HAN);
    expect(
      messagesOf({ ...VALID.TERMINATE_FAILED, advisedRoutes: ['PETITION', 'PETITION'] }),
    ).toEqual(['解决途径有重复']);
  });

  it('TERMINATE_REFUSED takes a positive party id or ALL', () => {
    expect(messagesOf({ ...VALID.TERMINATE_REFUSED, refusedBy: 'ALL' })).toEqual([]);
    for (const bad of [0, -1, 1.5, '2', 'all']) {
      expect(messagesOf({ ...VALID.TERMINATE_REFUSED, refusedBy: bad })[0]).toMatch(HAN);
    }
  });

  it('REFER takes a specific target, not a grouping row', () => {
    expect(messagesOf({ ...VALID.REFER, target: 'ADMIN_HR_LABOUR' })).toEqual([]);
    expect(messagesOf({ ...VALID.REFER, target: 'ADMIN' })).toEqual(['请选择具体的移交单位']);
  });

  it('refuses blank text and control characters', () => {
    expect(messagesOf({ ...VALID.REFER, reason: '   ' })).toEqual(['请填写移交原因']);
    expect(messagesOf({ ...VALID.REFER, reason: 'a\u202Eb' })[0]).toContain('控制字符');
  });
});
