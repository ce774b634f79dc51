import { idCheckCharacter } from '../../../domain/validation/id-number';

function idNumber(i: number): string {
  // Area 632801, born 198x-0m-1d, a sequence of three digits: 17 digits and the check.
  const body = `632801198${i % 10}0${(i % 9) + 1}1${i % 9}${String(100 + i).slice(-3)}`;
  return body + idCheckCharacter(body);
}

/** The intake form's values with 15 parties, as the autosave keeps them. */
export function fifteenPartyDraft(today: string, run: number): string {
  const parties = Array.from({ length: 15 }, (_, i) => ({
    kind: 'NATURAL',
    role: i < 8 ? 'APPLICANT' : 'RESPONDENT',
    name: `测试${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰'[i] ?? '甲'}${run}`,
    // The ID number's 17th digit says the gender: odd for a man.
    gender: (run * 15 + i) % 2 === 1 ? 'MALE' : 'FEMALE',
    genderConfirmed: true,
    ethnicity: '01',
    birthDate: null,
    occupation: '牧民',
    idDocument: { type: 'RESIDENT_ID', number: idNumber(run * 15 + i) },
    phone: { phone: `139${String(10_000_000 + run * 15 + i).slice(-8)}` },
    address: `格尔木市唐古拉山镇长江源村${i + 1}组`,
    preferredLanguage: 'zh',
    needsInterpreter: false,
    representatives: [],
  }));
  const values = {
    intakeDate: today,
    source: 'ON_APPLICATION',
    category: 'FOREST_LAND',
    subtype: 'GRASSLAND',
    summary: '十五户牧民因冬季草场边界和围栏位置发生争议，多次协商未果，申请调解。',
    requests: ['确认草场边界', '拆除越界围栏'],
    riskLevel: 'MEDIUM',
    riskFactors: [],
    preventionFlags: [],
    mediatorIds: [],
    parties,
  };
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64');
}
