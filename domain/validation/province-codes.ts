/**
 * Province-level prefixes of GB/T 2260 (first two digits of every division code and of
 * every resident ID number). Only the province is checked against a fixed list: county and
 * township codes change every year, and an ID keeps the code that was valid when it was issued.
 */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/** Prefixes that appear in division codes. */
export const DIVISION_PROVINCE_CODES: readonly string[] = Object.keys(PROVINCE_NAMES);

/**
 * Prefixes that appear in ID numbers: the division prefixes plus 83, which is not a division
 * but is used by residence permits for Taiwan residents (830000).
 */
export const ID_PROVINCE_CODES: readonly string[] = [...DIVISION_PROVINCE_CODES, '83'];

export function isKnownDivisionProvince(prefix: string): boolean {
  return Object.hasOwn(PROVINCE_NAMES, prefix);
}

export function isKnownIdProvince(prefix: string): boolean {
  return isKnownDivisionProvince(prefix) || prefix === '83';
}
