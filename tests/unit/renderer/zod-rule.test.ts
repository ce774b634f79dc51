import { describe, expect, it } from 'vitest';
import { caseIntakeSchema } from '../../../domain/cases/case-input';
import { zodRule } from '../../../renderer/src/forms/zod-rule';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const check = (rule: ReturnType<typeof zodRule>, value: unknown) =>
  (rule as { validator: Validator }).validator({}, value);

describe('zodRule', () => {
  const persons = caseIntakeSchema.shape.personsInvolved;

  it('lets an optional number box stay empty when told its empty value is null', async () => {
    const rule = zodRule(persons, { empty: null });
    await expect(check(rule, undefined)).resolves.toBeUndefined();
    await expect(check(rule, null)).resolves.toBeUndefined();
    await expect(check(rule, 300)).resolves.toBeUndefined();
    await expect(check(rule, 2.5)).rejects.toThrow('涉及人数必须是整数');
    await expect(check(rule, 0)).rejects.toThrow('涉及人数至少为 1');
  });

  it('checks an empty text box as the empty string (the default)', async () => {
    const rule = zodRule(caseIntakeSchema.shape.summary);
    await expect(check(rule, undefined)).rejects.toThrow();
    // the number box without the option is what broke intake at stop 19's end
    await expect(check(zodRule(persons), undefined)).rejects.toThrow('涉及人数必须是整数');
  });
});
