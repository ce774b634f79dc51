import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveRulesSchema } from '../../../domain/subsidy/subsidy-input.js';
import { subsidyRulesSchema } from '../../../domain/subsidy/subsidy-rules.js';
import {
  blankRules,
  rulesInput,
  rulesValues,
} from '../../../renderer/src/pages/subsidy/rules-editor-values.js';

/**
 * The rule editor's values ↔ `subsidy.saveRules` input: a stored rule goes through the form
 * unchanged, boxes left empty mean "not set", each condition keeps only what its fact takes,
 * and what the schema refuses is refused with the path of the box it belongs to.
 */
const example = (name: string) =>
  subsidyRulesSchema.parse(
    JSON.parse(readFileSync(path.resolve(__dirname, '../../../templates', name), 'utf8')),
  );

describe('rule editor values', () => {
  it('round-trips both shipped examples unchanged', () => {
    for (const name of [
      'subsidy-example-difficulty.v1.json',
      'subsidy-example-committee-level.v1.json',
    ]) {
      const rules = example(name);
      const parsed = saveRulesSchema.parse(rulesInput(rulesValues(rules)));
      expect(parsed.rules).toEqual(rules);
    }
  });

  it('turns a filled-in blank form into a valid rule, empty boxes into "not set"', () => {
    const values = blankRules('2026-01-01');
    const tiers = values.tiers as Record<string, unknown>[];
    Object.assign(tiers[0] as object, {
      amountFen: 10_000,
      amountByLevel: { VILLAGE: 3_000, TOWNSHIP: null, STREET: undefined },
      paidElsewhereNote: '  ',
      criteriaText: '',
    });
    tiers.push({
      code: 'DIFFICULT',
      label: '疑难',
      rank: 2,
      amountFen: null,
      amountByLevel: {},
      paidElsewhereNote: '由省司法厅另行补贴',
      requiredDocuments: ['INVESTIGATION_RECORD'],
      // The form keeps every box a fact might use; only the fact's own value is sent.
      when: [
        [
          { fact: 'amountFen', atLeast: 2_000_000, in: ['CONTRACT'] },
          { fact: 'isGroup', atLeast: 3 },
        ],
        [{ fact: 'subtype', in: ['GRASSLAND'], atLeast: 9 }],
      ],
    });
    Object.assign(values, {
      id: 'county-2026',
      title: '某县以案定补办法（2026）',
      issuer: '某县司法局',
      oral: { paid: true, percent: 40, proof: 'ATTENDANCE_SIGNED' },
    });
    const parsed = saveRulesSchema.parse(rulesInput(values)).rules;
    expect(parsed.tiers[0]?.amountByLevel).toEqual({ VILLAGE: 3_000 });
    expect(parsed.tiers[0]?.paidElsewhereNote).toBeNull();
    expect(parsed.tiers[1]?.when).toEqual([
      [
        { fact: 'amountFen', atLeast: 2_000_000 },
        { fact: 'isGroup', is: true },
      ],
      [{ fact: 'subtype', in: ['GRASSLAND'] }],
    ]);
    expect(parsed.basis).toBeNull();
    expect(parsed.validTo).toBeNull();
  });

  it('refuses what the county file would refuse, at the path of its box', () => {
    const values = blankRules('2026-01-01');
    Object.assign(values, { id: 'Bad Id', title: '', issuer: '某县司法局' });
    (values.tiers as Record<string, unknown>[]).push({
      code: 'GENERAL',
      label: '一般',
      rank: 1,
      amountFen: null,
      when: [[{ fact: 'sessions' }]],
    });
    Object.assign(values, { oral: { paid: false, percent: 30, proof: 'NONE' } });
    const result = saveRulesSchema.safeParse(rulesInput(values));
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues;
    const at = (p: string) => issues.filter((i) => i.path.join('.') === p).map((i) => i.message);
    expect(at('rules.id')).toEqual(['规则编号只能用小写字母、数字和连字符']);
    expect(at('rules.title')[0]).toMatch(/规则名称/);
    // A condition is a union: the schema names the condition, whose row then shows the message.
    expect(at('rules.tiers.1.when.0.0')).toEqual(['档次条件格式不正确']);
    // Cross-field rules run once the fields themselves are right.
    const oral = blankRules('2026-01-01');
    Object.assign(oral, {
      id: 'county-a',
      title: '某县办法',
      issuer: '某县司法局',
      oral: { paid: false, percent: 30, proof: 'NONE' },
    });
    ((oral.tiers as Record<string, unknown>[])[0] as Record<string, unknown>).amountFen = 10_000;
    const second = saveRulesSchema.safeParse(rulesInput(oral));
    expect(
      second.success ? [] : second.error.issues.map((i) => [i.path.join('.'), i.message]),
    ).toEqual([['rules.oral.percent', '口头调解不补贴时比例应为 0']]);
  });
});
