import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
// Before pdfkit and fontkit load: lighter stand-ins for some of their dependencies (see there).
import './dependency-stand-ins.js';
import * as fontkit from 'fontkit';
import { primeGlyphOffsets } from './glyph-offsets.js';

/**
 * Where the document fonts live and how they are loaded.
 *
 * Fonts are parsed once per process and the parsed fontkit objects are shared by every
 * document: pdfkit accepts a fontkit font in `registerFont`, which halves warm render time
 * (platform notes: 44 ms → 23 ms) and avoids holding a 15 MB buffer per document.
 *
 * The fonts directory is injectable: in development it is `node_modules/@expo-google-fonts`,
 * a packaged app passes `appFontsDir(distDir)` (`dist/fonts`, filled by build/copy-fonts.mjs with
 * `NotoSerifSC-Regular.ttf` …); files may also sit flat under their npm names
 * (`<dir>/NotoSerifSC_400Regular.ttf`) or in the npm layout.
 */

export const DOCUMENT_FONT_ROLES = [
  'serif',
  'serifBold',
  'tibetan',
  'mongolian',
  'rareTc',
  'rareJp',
] as const;
export type DocumentFontRole = (typeof DOCUMENT_FONT_ROLES)[number];

/** Path of each font relative to `node_modules/@expo-google-fonts`. */
const NPM_LAYOUT: Readonly<Record<DocumentFontRole, string>> = {
  serif: 'noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifBold: 'noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  tibetan: 'noto-serif-tibetan/400Regular/NotoSerifTibetan_400Regular.ttf',
  mongolian: 'noto-sans-mongolian/400Regular/NotoSansMongolian_400Regular.ttf',
  // Fallbacks for rare characters (生僻字) that Noto Serif SC lacks: the Traditional Chinese
  // cut has ~1,700 CJK Extension B characters (HK/TW names), the Japanese cut adds others
  // such as 𠮷 (U+20BB7).
  rareTc: 'noto-serif-tc/400Regular/NotoSerifTC_400Regular.ttf',
  rareJp: 'noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf',
};

/** File names in the packaged app's flat `fonts/` directory (build/copy-fonts.mjs). */
const APP_LAYOUT: Readonly<Partial<Record<DocumentFontRole, string>>> = {
  serif: 'NotoSerifSC-Regular.ttf',
  serifBold: 'NotoSerifSC-Bold.ttf',
  tibetan: 'NotoSerifTibetan-Regular.ttf',
  mongolian: 'NotoSansMongolian-Regular.ttf',
  rareTc: 'NotoSerifTC-Regular.ttf',
  rareJp: 'NotoSerifJP-Regular.ttf',
};

export interface DocumentFontFiles {
  readonly serif: string;
  readonly serifBold: string;
  readonly tibetan: string;
  /** Located when present; shaped by HarfBuzz, not by pdfkit (mongolian-font.ts). */
  readonly mongolian?: string | undefined;
  /** Fallback fonts for rare characters, in the order they are tried (when installed). */
  readonly rare: readonly string[];
}

/** `dist/fonts` next to `dist/electron` (main process: `appFontsDir(path.join(__dirname, '..'))`). */
export function appFontsDir(distDir: string): string {
  return path.join(distDir, 'fonts');
}

export function defaultDevFontsDir(cwd: string = process.cwd()): string {
  return path.join(cwd, 'node_modules', '@expo-google-fonts');
}

export class FontNotFoundError extends Error {
  constructor(role: DocumentFontRole, tried: readonly string[]) {
    super(`找不到文书字体（${role}）：${tried.join('；')}`);
    this.name = 'FontNotFoundError';
  }
}

export function resolveFontFiles(fontsDir: string = defaultDevFontsDir()): DocumentFontFiles {
  const candidatesOf = (role: DocumentFontRole): string[] => {
    const relative = NPM_LAYOUT[role];
    const app = APP_LAYOUT[role];
    return [
      ...(app === undefined ? [] : [path.join(fontsDir, app)]),
      path.join(fontsDir, path.basename(relative)),
      path.join(fontsDir, relative),
    ];
  };
  const resolve = (role: DocumentFontRole): string => {
    const candidates = candidatesOf(role);
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found) throw new FontNotFoundError(role, candidates);
    return found;
  };
  const optional = (role: DocumentFontRole) =>
    candidatesOf(role).find((candidate) => existsSync(candidate));
  const mongolian = optional('mongolian');
  return {
    serif: resolve('serif'),
    serifBold: resolve('serifBold'),
    tibetan: resolve('tibetan'),
    ...(mongolian === undefined ? {} : { mongolian }),
    rare: (['rareTc', 'rareJp'] as const).flatMap((role) => {
      const found = optional(role);
      return found === undefined ? [] : [found];
    }),
  };
}

/** Parsed fonts shared across documents. Mongolian is opened apart (mongolian-font.ts). */
export interface DocumentFonts {
  readonly serif: fontkit.Font;
  readonly serifBold: fontkit.Font;
  readonly tibetan: fontkit.Font;
  /** Rare-character fallbacks, parsed on first use (only a document with such a character). */
  readonly fallbacks: readonly fontkit.Font[];
  readonly files: DocumentFontFiles;
}

function openFont(file: string): fontkit.Font {
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes);
  if ('fonts' in font) throw new Error(`文书字体不能是字体集合（.ttc）：${file}`);
  primeGlyphOffsets(font, bytes);
  return font;
}

const cache = new Map<string, DocumentFonts>();

/** Loads (once per directory per process) the fonts used by the document renderer. */
export function loadDocumentFonts(fontsDir: string = defaultDevFontsDir()): DocumentFonts {
  const key = path.resolve(fontsDir);
  const cached = cache.get(key);
  if (cached) return cached;
  const files = resolveFontFiles(fontsDir);
  let tibetan: fontkit.Font | null = null;
  let fallbacks: fontkit.Font[] | null = null;
  const fonts: DocumentFonts = {
    serif: openFont(files.serif),
    serifBold: openFont(files.serifBold),
    // Parsed on first use: most documents have no Tibetan page, and the first document's
    // time matters at the desk.
    get tibetan() {
      tibetan ??= openFont(files.tibetan);
      return tibetan;
    },
    get fallbacks() {
      fallbacks ??= files.rare.map(openFont);
      return fallbacks;
    },
    files,
  };
  cache.set(key, fonts);
  return fonts;
}
