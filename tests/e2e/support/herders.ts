/**
 * Herders for group grazing disputes: natural persons without ID numbers, each with a phone,
 * as `cases.create` takes them. One builder for the e2e files that need a large party list.
 */
export function herders(count: number, address = '锡林浩特市宝力格苏木巴音嘎查') {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'NATURAL',
    role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
    name: `${['巴特尔', '额尔敦', '朝鲁', '苏和', '萨仁', '斯琴', '乌力吉'][i % 7] ?? ''}${i + 1}`,
    gender: 'MALE',
    ethnicity: '01',
    birthDate: '1980-01-01',
    occupation: '牧民',
    phone: { phone: `139047${String(91000 + i)}` },
    address,
    idDocument: null,
    preferredLanguage: 'zh',
    needsInterpreter: false,
  }));
}
