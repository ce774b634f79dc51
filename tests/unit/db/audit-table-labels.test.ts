import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedTables } from '../../../db/audit/audit-schema.js';
import { auditTableLabel } from '../../../domain/audit/audit-views.js';
import { openTestLedger, type TestLedger } from '../services/case-fixtures.js';

/**
 * The audit viewer names the table of every row entry in Chinese: a table a migration adds (the
 * desk's settings row gained the committee's read-only setting) must not reach a director as its
 * SQL name.
 */
describe('audit table labels', () => {
  let l: TestLedger;
  beforeAll(async () => {
    l = await openTestLedger();
  });
  afterAll(() => l.close());

  it('labels every table the audit triggers cover', () => {
    const raw = auditedTables(l.core.ledger.db())
      .map((t) => t.name)
      .filter((name) => auditTableLabel(name) === name);
    expect(raw).toEqual([]);
  });
});
