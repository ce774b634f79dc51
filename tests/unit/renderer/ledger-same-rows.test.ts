import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../domain/cases/case-views';
import { keepSameRows } from '../../../renderer/src/pages/ledger/same-rows';

const row = (id: number, title = `案件${id}`): LedgerRow => ({
  id,
  version: 1,
  caseNumber: null,
  title,
  status: 'ACCEPTED',
  category: 'FOREST_LAND',
  subtype: 'GRASSLAND',
  source: 'ON_APPLICATION',
  riskLevel: 'MEDIUM',
  intakeDate: '2026-03-02',
  acceptedDate: null,
  dueDate: null,
  overdue: false,
  partyNames: ['王芳', '卓玛'],
  mediatorIds: [],
});

/** The ledger table redraws a row's cells only when the row is a new object. */
describe('keepSameRows', () => {
  it('keeps the object of a row whose data did not change, wherever it moved', () => {
    const shown = [row(1), row(2), row(3)];
    const answered = [row(3), row(1), row(4)];
    const kept = keepSameRows(shown, answered);
    expect(kept[0]).toBe(shown[2]);
    expect(kept[1]).toBe(shown[0]);
    expect(kept[2]).toBe(answered[2]);
  });

  it('takes the new object of a row whose data changed, a party name included', () => {
    const shown = [row(1), row(2)];
    const renamed = { ...row(2), partyNames: ['王芳', '卓玛', '巴特尔'] };
    const kept = keepSameRows(shown, [row(1, '改过的标题'), renamed]);
    expect(kept[0]).not.toBe(shown[0]);
    expect(kept[0]!.title).toBe('改过的标题');
    expect(kept[1]).toBe(renamed);
  });

  it('returns the very array on screen when the answer has the same rows in the same order', () => {
    const shown = [row(1), row(2)];
    expect(keepSameRows(shown, [row(1), row(2)])).toBe(shown);
    expect(keepSameRows(shown, [row(1)])).not.toBe(shown);
    expect(keepSameRows(shown, [row(2), row(1)])).not.toBe(shown);
  });
});
