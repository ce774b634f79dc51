import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedCase } from '../../../domain/cases/case-views.js';
import {
  agent,
  intake,
  openTestLedger,
  person,
  setUpRoom,
  type TestLedger,
} from './case-fixtures.js';

/**
 * An intake writes its case row once: the generated title and its mark are in the INSERT, so
 * the audit chain holds one entry for the new row (issue 8: every row written costs its entry,
 * its HMAC and its index updates inside the intake's commit).
 */
let l: TestLedger;
let mediatorId: number;
beforeEach(async () => {
  l = await openTestLedger();
  ({ mediatorId } = await setUpRoom(l));
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

  it('deletes nothing: a new case has no mediators and its new parties no representatives yet', async () => {
    const db = l.core.ledger.db();
    const statements = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
      run: (...args: unknown[]) => unknown;
    };
    const run = vi.spyOn(statements, 'run');
    const saved = await l.call<SavedCase>(
      'cases.create',
      intake({
        mediatorIds: [mediatorId],
        parties: [
          person({ representatives: [agent('李律师', '632801196001011235')] }),
          person({ role: 'RESPONDENT', name: '扎西多杰', gender: 'MALE', idDocument: null }),
        ],
      }),
    );
    const ran = run.mock.contexts.map((s) => String((s as { source: string }).source));
    run.mockRestore();
    expect(
      ran.filter((sql) => /^\s*DELETE FROM (case_mediator|party_representative)/.test(sql)),
    ).toEqual([]);
    // still written, each row once, as before
    expect(saved.case.mediatorIds).toEqual([mediatorId]);
    expect(saved.case.parties[0]?.representatives.map((r) => r.name)).toEqual(['李律师']);
    const audited = db
      .prepare(
        `SELECT tbl, action FROM audit_log WHERE tbl IN ('case_mediator', 'party_representative')
           AND case_id = ? ORDER BY seq`,
      )
      .all(saved.case.id);
    expect(audited).toEqual([
      { tbl: 'case_mediator', action: 'INSERT' },
      { tbl: 'party_representative', action: 'INSERT' },
    ]);
  });
});
