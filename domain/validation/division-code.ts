import { isKnownDivisionProvince } from './province-codes';

/**
 * Administrative division codes (§6.5): the 6-digit county-level code of GB/T 2260 and the
 * 12-digit statistical code of the National Bureau of Statistics (county + township +
 * village). Codes change every year, so only the structure and the province are checked;
 * whether a code exists is a question for the dated code table, not for this file.
 */

export type DivisionLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

export type DivisionCodeResult =
  | { readonly ok: true; readonly normalised: string; readonly level: DivisionLevel }
  | { readonly ok: false; readonly error: string };

const MAX_RAW_LENGTH = 64;

export function normaliseDivisionCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/gu, '');
}

function countyLevel(code: string): DivisionCodeResult {
  const province = code.slice(0, 2);
  const prefecture = code.slice(2, 4);
  const county = code.slice(4, 6);
  if (!isKnownDivisionProvince(province)) {
    return { ok: false, error: `区划代码前两位（${province}）不是已知的省级行政区代码，请核对` };
  }
  if (prefecture === '00' && county !== '00') {
    return { ok: false, error: `区划代码第3–4位为00时，第5–6位也应为00（现为${county}），请核对` };
  }
  const level: DivisionLevel =
    prefecture === '00' ? 'PROVINCE' : county === '00' ? 'PREFECTURE' : 'COUNTY';
  return { ok: true, normalised: code, level };
}

/** 6-digit GB/T 2260 code of a province, prefecture or county. */
export function checkCountyCode(raw: string): DivisionCodeResult {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) {
    return { ok: false, error: '县级区划代码应为6位数字' };
  }
  const code = normaliseDivisionCode(raw);
  if (code === '') return { ok: false, error: '请填写区划代码' };
  if (!/^\d{6}$/.test(code)) {
    return { ok: false, error: `县级区划代码应为6位数字（如 632801），现在是“${code}”` };
  }
  return countyLevel(code);
}

/**
 * 12-digit statistical code. Township segment: 001–099 街道, 100–199 镇, 200–399 乡/苏木,
 * 400–599 farms and similar units. Village segment: 001–199 居委会/社区, 200–399 村委会/嘎查.
 * A trailing 000 marks a code for the township, or for the county when both segments are 000.
 * A county segment of 00 is allowed below it: prefecture-level cities without counties (东莞,
 * 中山, 儋州) number their townships directly.
 */
export function checkDivisionCode(raw: string): DivisionCodeResult {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) {
    return { ok: false, error: '区划代码应为12位数字' };
  }
  const code = normaliseDivisionCode(raw);
  if (code === '') return { ok: false, error: '请填写区划代码' };
  if (!/^\d{12}$/.test(code)) {
    const length = [...code].length;
    return {
      ok: false,
      error: /^\d+$/.test(code)
        ? `区划代码应为12位数字，现在是${length}位，请核对`
        : '区划代码只能包含数字（12位），请删除其他字符',
    };
  }
  const township = Number(code.slice(6, 9));
  const village = Number(code.slice(9, 12));
  if (township > 599) {
    return {
      ok: false,
      error: `区划代码第7–9位（乡镇段 ${code.slice(6, 9)}）不在有效范围001–599内，请核对`,
    };
  }
  if (village > 399) {
    return {
      ok: false,
      error: `区划代码第10–12位（村级段 ${code.slice(9, 12)}）不在有效范围001–399内，请核对`,
    };
  }
  if (township === 0 && village !== 0) {
    return { ok: false, error: '村级区划代码的第7–9位（乡镇段）不能是000，请核对' };
  }
  const county = countyLevel(code.slice(0, 6));
  if (!county.ok) return county;
  if (county.level === 'PROVINCE' && township !== 0) {
    return {
      ok: false,
      error: '乡镇级区划代码的第3–6位不能是0000（乡镇必须属于某个市或县），请核对',
    };
  }
  if (township === 0) return { ...county, normalised: code };
  return { ok: true, normalised: code, level: village === 0 ? 'TOWNSHIP' : 'VILLAGE' };
}
