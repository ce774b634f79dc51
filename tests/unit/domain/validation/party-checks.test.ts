import { describe, expect, it } from 'vitest';
import { checkPartyPerson, type PartyCheckInput } from '../../../../domain/validation/party-checks';

const ON = '2025-06-15';
const options = { onDate: ON, today: ON };

function idFor(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0);
  return first17 + ('10X98765432'[sum % 11] ?? '');
}

const adult: PartyCheckInput = {
  kind: 'NATURAL',
  birthDate: '1985-07-04',
  gender: 'MALE',
  idDocType: 'RESIDENT_ID',
  idNumber: '632801198507041238',
  hasGuardian: false,
};

describe('checkPartyPerson', () => {
  it('finds nothing wrong with a consistent adult', () => {
    expect(checkPartyPerson(adult, options)).toEqual([]);
  });

  it('skips organisations', () => {
    expect(checkPartyPerson({ ...adult, kind: 'LEGAL', birthDate: '2020-01-01' }, options)).toEqual(
      [],
    );
    expect(
      checkPartyPerson({ ...adult, kind: 'OTHER_ORG', birthDate: '2020-01-01' }, options),
    ).toEqual([]);
  });

  it('requires a guardian for a minor (ERROR), and not once one is registered', () => {
    const minor: PartyCheckInput = {
      kind: 'NATURAL',
      birthDate: '2007-06-16',
      hasGuardian: false,
    };
    const issues = checkPartyPerson(minor, options);
    expect(issues).toEqual([
      {
        level: 'ERROR',
        field: 'hasGuardian',
        message: expect.stringContaining('未满18周岁（17岁）'),
      },
    ]);
    expect(checkPartyPerson({ ...minor, hasGuardian: true }, options)).toEqual([]);
    expect(checkPartyPerson({ ...minor, birthDate: '2007-06-15' }, options)).toEqual([]);
  });

  it('uses the ID birth date when none was typed', () => {
    const issues = checkPartyPerson(
      { kind: 'NATURAL', idNumber: idFor('63280120100101123'), hasGuardian: false },
      options,
    );
    expect(issues.map((i) => [i.level, i.field])).toEqual([['ERROR', 'hasGuardian']]);
  });

  it('refuses a gender that contradicts the ID unless it is confirmed', () => {
    expect(checkPartyPerson({ ...adult, gender: 'FEMALE' }, options)).toEqual([
      { level: 'ERROR', field: 'gender', message: expect.stringContaining('已核实') },
    ]);
    expect(
      checkPartyPerson({ ...adult, gender: 'FEMALE', genderConfirmed: true }, options),
    ).toEqual([{ level: 'WARNING', field: 'gender', message: expect.stringContaining('已确认') }]);
  });

  it('refuses a stated birth date giving an age over 120', () => {
    const issues = checkPartyPerson(
      { kind: 'NATURAL', birthDate: '1800-01-01', hasGuardian: false },
      options,
    );
    expect(issues).toEqual([
      { level: 'ERROR', field: 'birthDate', message: expect.stringContaining('超过120岁') },
    ]);
  });

  it('warns about a birth date that contradicts the ID, and judges age by the later one', () => {
    const issues = checkPartyPerson(
      { ...adult, idNumber: idFor('63280120100101123'), birthDate: '1990-01-01', gender: 'MALE' },
      options,
    );
    expect(issues.map((i) => [i.level, i.field])).toEqual([
      ['WARNING', 'birthDate'],
      ['ERROR', 'hasGuardian'],
    ]);
  });

  it('does not read a passport number as an ID', () => {
    expect(
      checkPartyPerson(
        { ...adult, idDocType: 'PASSPORT', idNumber: '632801201001011230' },
        options,
      ),
    ).toEqual([]);
  });

  it('leaves invalid ID numbers to the field check', () => {
    expect(
      checkPartyPerson({ ...adult, idNumber: '632801198507041237', gender: 'FEMALE' }, options),
    ).toEqual([]);
  });

  it('reports a birth date after the document date', () => {
    const issues = checkPartyPerson(
      { kind: 'NATURAL', birthDate: '2025-07-01', hasGuardian: false },
      options,
    );
    expect(issues).toEqual([
      { level: 'ERROR', field: 'birthDate', message: expect.stringContaining('晚于文书日期') },
    ]);
  });
});
