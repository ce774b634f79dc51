import { describe, expect, it } from 'vitest';
import {
  disputeAnchorOf,
  neighbourFinder,
  type DisputeParty,
} from '../../../domain/subsidy/dispute-scope';

const party = (idNumber: string | null, name: string, phone = '无'): DisputeParty => ({
  idNumber,
  name,
  phone,
});
const caseOf = (caseId: number, ...parties: DisputeParty[]) => ({ caseId, parties });

describe('neighbourFinder', () => {
  // Anchors: 1 → ID A, 2 → ID B, 3 → phone 138, 4 → name 丁 (no ID, no phone).
  const one = caseOf(1, party('A', '甲'), party(null, '乙', '139'));
  const two = caseOf(2, party('B', '丙'));
  const three = caseOf(3, party(null, '戊', '138'));
  const four = caseOf(4, party(null, '丁'));
  // Holds A in two parties (listed once), and B.
  const five = caseOf(5, party('A', '甲'), party('A', '甲'), party('B', '丙'));
  const six = caseOf(6, party('A', '甲'), party(null, '丁'));
  const seven = caseOf(7, party(null, '己', '138'));
  const eight = caseOf(8, party('C', '庚'));
  const given = [one, two, three, four];
  const find = neighbourFinder([...given, five, six, seven, eight], given);

  it('gives each case the candidates holding its anchor value in the same column, each once', () => {
    expect(find([one]).map((c) => c.caseId)).toEqual([1, 5, 6]);
    expect(find([two]).map((c) => c.caseId)).toEqual([2, 5]);
    expect(find([three]).map((c) => c.caseId)).toEqual([3, 7]);
    expect(find([four]).map((c) => c.caseId)).toEqual([4, 6]);
    expect(find([one, two]).map((c) => c.caseId)).toEqual([1, 2, 5, 6]);
  });

  it('finds nothing more for an anchor no other candidate holds, and asks a new case afresh', () => {
    const alone = neighbourFinder([one, eight], [one]);
    expect(alone([one]).map((c) => c.caseId)).toEqual([1]);
    expect(find([caseOf(9, party('B', '丙'))]).map((c) => c.caseId)).toEqual([9, 2, 5]);
    expect(find([caseOf(10)]).map((c) => c.caseId)).toEqual([10]);
  });
});

describe('disputeAnchorOf', () => {
  it('takes an ID number from any party before a phone from an earlier one', () => {
    expect(disputeAnchorOf([party(null, '乙', '139'), party('A', '甲')])).toEqual({
      column: 'id_number',
      value: 'A',
    });
  });

  it('takes the first real phone when no party has an ID number (an empty one is none)', () => {
    expect(
      disputeAnchorOf([party('', '丁'), party(null, '戊', '138'), party(null, '己', '137')]),
    ).toEqual({ column: 'phone', value: '138' });
  });

  it('falls back to the first name, and gives nothing for a case without parties', () => {
    expect(disputeAnchorOf([party(null, '丁'), party(null, '戊')])).toEqual({
      column: 'name',
      value: '丁',
    });
    expect(disputeAnchorOf([])).toBeNull();
  });
});
