/**
 * A file name built from user text (the committee's name) that is safe on Windows, macOS and
 * Linux: no path separators or reserved characters, no control characters, no trailing dots or
 * spaces, no reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9), at most 120 characters.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export function safeFileName(name: string): string {
  let s = [...name.normalize('NFC')]
    .map((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp < 0x20 || cp === 0x7f || '\\/:*?"<>|'.includes(ch) ? '_' : ch;
    })
    .join('')
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '');
  if (s === '' || s === '..' || s === '.') s = '导出文件';
  const dot = s.lastIndexOf('.');
  const stem = dot > 0 ? s.slice(0, dot) : s;
  if (RESERVED.test(stem) || RESERVED.test(s)) s = `_${s}`;
  if ([...s].length <= 120) return s;
  const at = s.lastIndexOf('.');
  const ext = at > 0 && s.length - at <= 10 ? s.slice(at) : '';
  return [...s.slice(0, s.length - ext.length)].slice(0, 120 - ext.length).join('') + ext;
}
