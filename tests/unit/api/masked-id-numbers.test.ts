import { describe, expect, it } from 'vitest';
import { maskIdNumbers } from '../../../electron/api/masked-id-numbers.js';

const WHOLE = '632801198507041246';
const MASKED = '632801********1246';

describe('maskIdNumbers', () => {
  it('masks every ID number and identity document, at any depth, without changing the answer', () => {
    const answer = {
      caseId: 7,
      parties: [
        { name: '卓玛', idNumber: WHOLE, idDocument: { type: 'ID_CARD', number: WHOLE } },
        { name: '扎西', idNumber: null, idDocument: null },
      ],
      history: [[{ idNumber: WHOLE }]],
    };
    const before = structuredClone(answer);
    expect(maskIdNumbers(answer)).toEqual({
      caseId: 7,
      parties: [
        { name: '卓玛', idNumber: MASKED, idDocument: { type: 'ID_CARD', number: MASKED } },
        { name: '扎西', idNumber: null, idDocument: null },
      ],
      history: [[{ idNumber: MASKED }]],
    });
    expect(answer).toEqual(before);
  });

  it('hands back what holds no ID number as it is, copying only the paths to one', () => {
    const lines = Array.from({ length: 3 }, (_, i) => ({ caseId: i, reasons: ['卷宗不完整'] }));
    const pack = { lines, totals: { cases: 3 } };
    expect(maskIdNumbers(pack)).toBe(pack);

    const party = { name: '卓玛', idNumber: WHOLE };
    const answer = { pack, parties: [party] };
    const masked = maskIdNumbers(answer) as typeof answer;
    expect(masked).not.toBe(answer);
    expect(masked.parties[0]).toEqual({ name: '卓玛', idNumber: MASKED });
    expect(masked.pack).toBe(pack);
  });

  it('still answers a plain copy of anything that is not a plain record', () => {
    class Row {
      constructor(readonly idNumber: string) {}
    }
    const masked = maskIdNumbers({ row: new Row(WHOLE) }) as { row: unknown };
    expect(masked.row).not.toBeInstanceOf(Row);
    expect(masked.row).toEqual({ idNumber: MASKED });
  });
});
