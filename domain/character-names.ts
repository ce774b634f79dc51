/**
 * How a message names a character nobody can see: "U+200C 零宽不连字（ZERO WIDTH NON-JOINER）".
 * Quoting the character itself would put the same invisible thing into the message (and into a
 * screenshot or a bug report), so messages about text always use this instead.
 */

const NAMES: Readonly<Record<number, readonly [string, string]>> = {
  0x0009: ['制表符', 'CHARACTER TABULATION'],
  0x000a: ['换行符', 'LINE FEED'],
  0x000d: ['回车符', 'CARRIAGE RETURN'],
  0x0000: ['空字符', 'NULL'],
  0x001b: ['转义符', 'ESCAPE'],
  0x007f: ['删除符', 'DELETE'],
  0x0085: ['下一行符', 'NEXT LINE'],
  0x00a0: ['不换行空格', 'NO-BREAK SPACE'],
  0x00ad: ['软连字符', 'SOFT HYPHEN'],
  0x034f: ['组合字形连接符', 'COMBINING GRAPHEME JOINER'],
  0x061c: ['阿拉伯字母标记', 'ARABIC LETTER MARK'],
  0x115f: ['韩文初声填充符', 'HANGUL CHOSEONG FILLER'],
  0x1160: ['韩文中声填充符', 'HANGUL JUNGSEONG FILLER'],
  0x180b: ['蒙古文自由变体选择符一', 'MONGOLIAN FREE VARIATION SELECTOR ONE'],
  0x180c: ['蒙古文自由变体选择符二', 'MONGOLIAN FREE VARIATION SELECTOR TWO'],
  0x180d: ['蒙古文自由变体选择符三', 'MONGOLIAN FREE VARIATION SELECTOR THREE'],
  0x180e: ['蒙古文元音分隔符', 'MONGOLIAN VOWEL SEPARATOR'],
  0x180f: ['蒙古文自由变体选择符四', 'MONGOLIAN FREE VARIATION SELECTOR FOUR'],
  0x200b: ['零宽空格', 'ZERO WIDTH SPACE'],
  0x200c: ['零宽不连字', 'ZERO WIDTH NON-JOINER'],
  0x200d: ['零宽连字', 'ZERO WIDTH JOINER'],
  0x200e: ['从左至右标记', 'LEFT-TO-RIGHT MARK'],
  0x200f: ['从右至左标记', 'RIGHT-TO-LEFT MARK'],
  0x2028: ['行分隔符', 'LINE SEPARATOR'],
  0x2029: ['段分隔符', 'PARAGRAPH SEPARATOR'],
  0x202a: ['从左至右嵌入符', 'LEFT-TO-RIGHT EMBEDDING'],
  0x202b: ['从右至左嵌入符', 'RIGHT-TO-LEFT EMBEDDING'],
  0x202c: ['方向格式结束符', 'POP DIRECTIONAL FORMATTING'],
  0x202d: ['从左至右强制符', 'LEFT-TO-RIGHT OVERRIDE'],
  0x202e: ['从右至左强制符', 'RIGHT-TO-LEFT OVERRIDE'],
  0x202f: ['窄不换行空格', 'NARROW NO-BREAK SPACE'],
  0x2060: ['字连接符', 'WORD JOINER'],
  0x2066: ['从左至右隔离符', 'LEFT-TO-RIGHT ISOLATE'],
  0x2067: ['从右至左隔离符', 'RIGHT-TO-LEFT ISOLATE'],
  0x2068: ['方向隔离符', 'FIRST STRONG ISOLATE'],
  0x2069: ['方向隔离结束符', 'POP DIRECTIONAL ISOLATE'],
  0x2800: ['盲文空白', 'BRAILLE PATTERN BLANK'],
  0x3000: ['全角空格', 'IDEOGRAPHIC SPACE'],
  0x3164: ['韩文填充符', 'HANGUL FILLER'],
  0xfeff: ['零宽不换行空格（BOM）', 'ZERO WIDTH NO-BREAK SPACE'],
  0xffa0: ['半角韩文填充符', 'HALFWIDTH HANGUL FILLER'],
  0xfffc: ['对象替换符', 'OBJECT REPLACEMENT CHARACTER'],
  0xfffd: ['乱码替换符', 'REPLACEMENT CHARACTER'],
};

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function isNoncharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

function categoryName(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (cp >= 0xd800 && cp <= 0xdfff) return '不成对的代理码元';
  if (isNoncharacter(cp)) return '非字符';
  if (/\p{Cc}/u.test(ch)) return '控制字符';
  if (/\p{Co}/u.test(ch)) return '私用区字符';
  if (cp >= 0xe0000 && cp <= 0xe007f) return '标签字符';
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return '变体选择符';
  if (/\p{Cn}/u.test(ch)) return '未分配的码位';
  if (/\p{Cf}/u.test(ch)) return '格式字符';
  if (/\p{Zs}/u.test(ch)) return '空格字符';
  return '字符';
}

/** "U+200C 零宽不连字（ZERO WIDTH NON-JOINER）", or "U+E000 私用区字符" when unnamed here. */
export function describeCodePoint(cp: number): string {
  const named = NAMES[cp];
  if (named) return `${codePointLabel(cp)} ${named[0]}（${named[1]}）`;
  return `${codePointLabel(cp)} ${categoryName(cp)}`;
}
