/**
 * A two-party grassland intake (王芳 and 卓玛) for tests that need a case in the ledger and do
 * not care how it got there: the damage, restore and audit e2e files.
 */
const party = (role: string, name: string) => ({
  kind: 'NATURAL',
  role,
  name,
  gender: 'FEMALE',
  ethnicity: '01',
  birthDate: null,
  occupation: '牧民',
  phone: { phone: '13800001234' },
  address: '格尔木市唐古拉山镇长江源村',
  idDocument: null,
});

export const grasslandIntake = (title: string) => ({
  title,
  intakeDate: '2026-03-02',
  source: 'ON_APPLICATION',
  category: 'FOREST_LAND',
  subtype: 'GRASSLAND',
  summary: '申请人与被申请人因冬季草场边界发生争议，被申请人的牛羊多次越界放牧。',
  requests: ['确认草场边界'],
  riskLevel: 'MEDIUM',
  parties: [party('APPLICANT', '王芳'), party('RESPONDENT', '卓玛')],
});

/** The grassland intake with 王芳's resident ID number: the masking, reveal and lock tests. */
export const grasslandIntakeWithId = (title: string, idNumber: string) => {
  const intake = grasslandIntake(title);
  const [applicant, respondent] = intake.parties;
  return {
    ...intake,
    parties: [{ ...applicant, idDocument: { type: 'RESIDENT_ID', number: idNumber } }, respondent],
  };
};
