/**
 * Case numbers such as （2026）金峰调字第015号 come from a pattern kept in settings. The pattern is
 * a tiny fixed vocabulary, not a template language: anything else in braces is refused, so a
 * typo can never print a raw placeholder on an agreement.
 */
export const DEFAULT_CASE_NUMBER_PATTERN = '（{yyyy}）{abbr}调字第{seq:03}号';

const TOKEN = /\{([^{}]*)\}/g;
const SEQ = /^seq(?::0([1-8]))?$/;

export interface CaseNumberParts {
  readonly year: number;
  readonly abbreviation: string;
  readonly sequence: number;
}

export type PatternCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

export function checkCaseNumberPattern(pattern: string): PatternCheck {
  if (pattern.length === 0) return { ok: false, message: '请填写案件编号格式' };
  if (pattern.length > 60) return { ok: false, message: '案件编号格式太长（最多 60 个字）' };
  const stray = pattern.replace(TOKEN, '');
  if (stray.includes('{') || stray.includes('}')) {
    return { ok: false, message: '案件编号格式中的花括号不成对' };
  }
  let seqCount = 0;
  let yearCount = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    const name = match[1] ?? '';
    if (SEQ.test(name)) seqCount += 1;
    else if (name === 'yyyy' || name === 'yy') yearCount += 1;
    else if (name !== 'abbr') {
      return {
        ok: false,
        message: `案件编号格式中有无法识别的占位符 {${name}}，可用：{yyyy} {yy} {abbr} {seq} {seq:03}`,
      };
    }
  }
  if (seqCount !== 1) return { ok: false, message: '案件编号格式必须且只能包含一个序号 {seq}' };
  // The counter restarts every year, so a pattern without the year would repeat numbers.
  if (yearCount === 0) return { ok: false, message: '案件编号格式必须包含年份 {yyyy}' };
  return { ok: true };
}

export function renderCaseNumber(pattern: string, parts: CaseNumberParts): string {
  return pattern.replace(TOKEN, (whole, name: string) => {
    if (name === 'yyyy') return String(parts.year);
    if (name === 'yy') return String(parts.year % 100).padStart(2, '0');
    if (name === 'abbr') return parts.abbreviation;
    const seq = SEQ.exec(name);
    if (seq) return String(parts.sequence).padStart(Number(seq[1] ?? '1'), '0');
    return whole;
  });
}
