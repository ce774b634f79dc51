import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedCase } from '../../../domain/cases/case-views.js';
import { intake, openTestLedger, setUpRoom, type TestLedger } from './case-fixtures.js';

/**
 * An intake writes its case row once: the generated title and its mark are in the INSERT, so
 * the audit chain holds one entry for the new row (issue 8: every row written costs its entry,
 * its HMAC and its index updates inside the intake's commit).
 */
let l: TestLedger;
beforeEach(async () => {
  l = await openTestLedger();
  await setUpRoom(l);
});
afterEach(() => l.close());

function caseRow(caseId: number) {
  const db = l.core.ledger.db();
  return {
    titleGenerated: (
      db.prepare('SELECT title_generated AS g FROM case_file WHERE id = ?').get(caseId) as {
        g: number;
      }
    ).g,
    auditActions: (
      db
        .prepare(
          `SELECT action FROM audit_log WHERE tbl = 'case_file' AND row_key = ? ORDER BY seq`,
        )
        .all(caseId) as { action: string }[]
    ).map((r) => r.action),
  };
}

describe('cases.create', () => {
  it('writes a generated title with its mark in one insert', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake());
    expect(saved.case.title).toContain('王芳与扎西多杰');
    expect(caseRow(saved.case.id)).toEqual({ titleGenerated: 1, auditActions: ['INSERT'] });
  });

  it('keeps a typed title unmarked', async () => {
    const saved = await l.call<SavedCase>('cases.create', intake({ title: '冬季草场边界案' }));
    expect(saved.case.title).toBe('冬季草场边界案');
    expect(caseRow(saved.case.id)).toEqual({ titleGenerated: 0, auditActions: ['INSERT'] });
  });
});
