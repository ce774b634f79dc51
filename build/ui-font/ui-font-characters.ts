import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Every fixed string the UI shows lives in these folders: the renderer's own text
 * (renderer/src/i18n), the API's messages (domain/messages), the code tables' labels
 * (domain/taxonomy) and the few sentences services put together (electron, db). Whole files
 * are read, comments included: a few extra characters cost less than a missing one.
 */
const SOURCE_FOLDERS = ['renderer/src', 'domain', 'electron', 'db'];
const SOURCE_FILE = /\.(ts|tsx|css|html)$/;
/** Written by the build itself; never a source of characters. */
const GENERATED_FOLDER = path.join('renderer', 'src', 'generated');

/** antd's and dayjs's Chinese texts (pager, date picker, empty lists), read from the packages. */
const LOCALE_ENTRIES = ['antd/lib/locale/zh_CN.js', 'dayjs/locale/zh-cn.js'];

/**
 * Characters typed or shown around data whatever the strings hold: ASCII, Latin-1 (×, ·),
 * general punctuation (—, …, “”), CJK symbols and punctuation (、。《》【】〇), circled numbers
 * and the full-width forms (，：（）０-９).
 */
const FIXED_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2010, 0x205e],
  [0x2460, 0x2473],
  [0x3000, 0x303f],
  [0xff01, 0xff5e],
];

function sourceFiles(folder: string, root: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (path.relative(root, full) === GENERATED_FOLDER) continue;
    if (entry.isDirectory()) files.push(...sourceFiles(full, root));
    else if (SOURCE_FILE.test(entry.name)) files.push(full);
  }
  return files;
}

/** A locale file and the locale files it requires (antd's picker and pager locales). */
function localeFiles(root: string): string[] {
  const seen = new Set<string>();
  const pending = LOCALE_ENTRIES.map((entry) =>
    createRequire(path.join(root, 'package.json')).resolve(entry),
  );
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/require\("([^"]*locale[^"]*)"\)/g)) {
      pending.push(createRequire(file).resolve(specifier as string));
    }
  }
  return [...seen];
}

/**
 * The UI font's characters, sorted by code point so the subset's bytes depend only on the set.
 * Control characters (line breaks in the sources) are left out.
 */
export function uiFontCharacters(root: string): string {
  const codePoints = new Set<number>();
  for (const [first, last] of FIXED_RANGES) {
    for (let codePoint = first; codePoint <= last; codePoint += 1) codePoints.add(codePoint);
  }
  const files = [
    ...SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder), root)),
    ...localeFiles(root),
  ];
  for (const file of files) {
    for (const character of fs.readFileSync(file, 'utf8')) {
      const codePoint = character.codePointAt(0) as number;
      if (codePoint >= 0x20 && !(codePoint >= 0x7f && codePoint < 0xa0)) codePoints.add(codePoint);
    }
  }
  return [...codePoints]
    .sort((a, b) => a - b)
    .map((codePoint) => String.fromCodePoint(codePoint))
    .join('');
}
