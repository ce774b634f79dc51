import { describe, expect, it } from 'vitest';
import {
  agreementContentSchema,
  missingDeadline,
} from '../../../domain/agreements/agreement-input';
import { confusableTermIssues, usesTerm } from '../../../domain/agreements/drafting-checks';
import { splitSharedSchedule } from '../../../domain/agreements/group-schedule';

describe('confusable legal terms are found as words, not substrings', () => {
  it('约定金额 is 约定 + 金额, not 定金; 支付定金 is', () => {
    expect(usesTerm('双方约定金额为三万元', '定金')).toBe(false);
    expect(usesTerm('按规定金额支付', '定金')).toBe(false);
    expect(usesTerm('乙方已支付定金五千元', '定金')).toBe(true);
    expect(usesTerm('适用定金罚则', '定金')).toBe(true);
    expect(usesTerm('已付订金二百元', '订金')).toBe(true);
    expect(usesTerm('赔偿款三万元', '赔偿')).toBe(true);
    const issues = confusableTermIssues([
      { field: 'content.terms.0.text', text: '双方约定金额为人民币三万元。' },
      { field: 'content.terms.1.text', text: '乙方已向甲方支付定金五千元。' },
    ]);
    expect(issues.map((i) => i.field)).toEqual(['content.terms.1.text']);
    expect(issues[0]?.message).toContain('定金罚则');
  });
});

const money = (o: Record<string, unknown>) => ({
  kind: 'MONEY',
  obligorPartyId: 1,
  obligeePartyId: null,
  amountFen: 30_000_00,
  ...o,
});

const content = (obligation: Record<string, unknown>) => ({
  agreementNumber: '（2026）格调字第001号',
  agreementDate: '2026-11-23',
  partyIds: [1, 2, 3, 4],
  facts: '拖欠工资',
  terms: [{ kind: 'OBLIGATION', obligation }],
  mediatorIds: [1],
  recorderName: '王海燕',
});

const messages = (input: unknown) => {
  const parsed = agreementContentSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('group obligations: one payment owed to several obligees', () => {
  const shares = [
    { partyId: 2, amountFen: 10_000_00 },
    { partyId: 3, amountFen: 8_000_00 },
    { partyId: 4, amountFen: 12_000_00 },
  ];

  it('accepts shares that add up to the total and refuses those that do not', () => {
    expect(messages(content(money({ shares, dueDate: '2026-12-31' })))).toEqual([]);
    const wrong = messages(content(money({ shares, amountFen: 31_000_00 })));
    expect(wrong).toEqual([
      'terms.0.obligation.shares: 各权利人金额合计（¥30000.00）与总金额（¥31000.00）不一致',
    ]);
  });

  it('refuses a share for the obligor, twice the same obligee, a zero share or a second obligee', () => {
    const bad = messages(
      content(
        money({
          obligeePartyId: 2,
          amountFen: 20_000_00,
          shares: [
            { partyId: 1, amountFen: 10_000_00 },
            { partyId: 3, amountFen: 10_000_00 },
            { partyId: 3, amountFen: 0 },
          ],
        }),
      ),
    );
    expect(bad).toEqual(
      expect.arrayContaining([
        'terms.0.obligation.obligeePartyId: 已按多名权利人分别列明金额，不能再另选一名权利人',
        'terms.0.obligation.shares.0.partyId: 义务人和权利人不能是同一人',
        'terms.0.obligation.shares.2.partyId: 同一权利人列了两次',
        'terms.0.obligation.shares.2.amountFen: 每名权利人的金额须大于零',
      ]),
    );
    const act = messages(
      content({ ...money({ shares }), kind: 'ACT', amountFen: null, description: '修围栏' }),
    );
    expect(act).toContain(
      'terms.0.obligation.shares: 只有给付金钱的条款才能列明多名权利人及各自金额',
    );
    expect(messages(content(money({})))).toContain(
      'terms.0.obligation.obligeePartyId: 请选择权利人',
    );
  });

  it('a share with its own instalments must add up to its amount', () => {
    const own = messages(
      content(
        money({
          shares: [
            { ...shares[0], instalments: [{ dueDate: '2026-12-01', amountFen: 5_000_00 }] },
            shares[1],
            shares[2],
          ],
          dueDate: '2026-12-31',
        }),
      ),
    );
    expect(own).toEqual([
      'terms.0.obligation.shares.0.instalments: 该权利人各期金额合计（¥5000.00）与其应得金额（¥10000.00）不一致',
    ]);
  });

  it('an obligation always has a deadline: its own, a schedule, or one for every obligee', () => {
    const parse = (o: Record<string, unknown>) => {
      const c = agreementContentSchema.parse(content(o));
      const term = c.terms[0];
      if (term?.kind !== 'OBLIGATION') throw new Error('no obligation');
      return missingDeadline(term.obligation);
    };
    expect(parse(money({ obligeePartyId: 2 }))).toContain('请填写履行期限');
    expect(parse(money({ obligeePartyId: 2, dueDate: '2026-12-31' }))).toBeNull();
    expect(parse(money({ shares }))).toContain('有 3 名权利人没有履行期限');
    expect(
      parse(money({ shares: shares.map((s) => ({ ...s, dueDate: '2026-12-31' })) })),
    ).toBeNull();
    expect(
      parse(
        money({
          shares,
          instalments: [
            { dueDate: '2026-12-01', amountFen: 10_000_00 },
            { dueDate: '2027-01-01', amountFen: 20_000_00 },
          ],
        }),
      ),
    ).toBeNull();
  });
});

describe('a shared schedule split among obligees', () => {
  it('keeps every row and every column exact', () => {
    const sharesFen = [6_850_00, 7_200_33, 5_000_01, 9_999_99, 3_333_33, 1_00];
    const total = sharesFen.reduce((a, b) => a + b, 0);
    const instalments = [Math.floor(total / 3), Math.floor(total / 3)];
    instalments.push(total - instalments[0]! - instalments[1]!);
    const grid = splitSharedSchedule(sharesFen, instalments);
    expect(grid).not.toBeNull();
    grid!.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBe(sharesFen[i]));
    instalments.forEach((inst, k) =>
      expect(grid!.reduce((a, row) => a + (row[k] ?? 0), 0)).toBe(inst),
    );
    for (const row of grid!) for (const cell of row) expect(cell).toBeGreaterThanOrEqual(0);
  });

  it('splits in proportion and refuses totals that differ', () => {
    expect(splitSharedSchedule([100_00, 300_00], [200_00, 200_00])).toEqual([
      [50_00, 50_00],
      [150_00, 150_00],
    ]);
    expect(splitSharedSchedule([100_00], [50_00])).toBeNull();
  });
});
