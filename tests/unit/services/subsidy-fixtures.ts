import { expect } from 'vitest';
import type { ImportRulesResult, SubsidyRulesList } from '../../../domain/subsidy/subsidy-views.js';
import type { TestLedger } from './case-fixtures.js';

/** Imports one of the shipped example rules and makes it the active rule. */
export async function activateExampleRules(
  l: TestLedger,
  fileName = 'subsidy-example-difficulty.v1.json',
): Promise<ImportRulesResult> {
  const imported = await l.call<ImportRulesResult>('subsidy.importRules', {
    source: 'EXAMPLE',
    fileName,
  });
  const list = await l.call<SubsidyRulesList>('subsidy.listRules', {});
  await l.call('subsidy.activateRules', {
    rowId: imported.summary.rowId,
    expectedVersion: list.version,
  });
  return imported;
}

/** The call is refused with this code and a message matching `text`. */
export async function expectRefused(
  l: TestLedger,
  method: string,
  input: unknown,
  code: string,
  text: RegExp,
): Promise<void> {
  const res = await l.raw(method, input);
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.error.code).toBe(code);
    expect(res.error.message).toMatch(text);
  }
}
