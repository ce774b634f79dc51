import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { uiFontCharacters } from './ui-font-characters.ts';

/**
 * The UI font ("DeskUI"): Noto Sans SC cut down to the UI's own characters, one woff2 per
 * weight, so the first screen fetches two files instead of two dozen unicode-range slices.
 * Names and summaries with other characters fall back to the full @fontsource family.
 */
export const UI_FONT_WEIGHTS = [
  { weight: 400, source: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  { weight: 700, source: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
] as const;

export type UiFontWeight = (typeof UI_FONT_WEIGHTS)[number]['weight'];

/** Where the build writes the fonts; renderer/src/app/ui-font.css points here. */
export const UI_FONT_FOLDER = path.join('renderer', 'src', 'generated');

export function uiFontFileName(weight: UiFontWeight): string {
  return `desk-ui-${weight}.woff2`;
}

function sourceFontPath(root: string, weight: UiFontWeight): string {
  const entry = UI_FONT_WEIGHTS.find((font) => font.weight === weight);
  if (!entry) throw new Error(`no UI font of weight ${weight}`);
  return createRequire(path.join(root, 'package.json')).resolve(entry.source);
}

/** One weight of the UI font as woff2 bytes; the same characters and font give the same bytes. */
export async function subsetUiFont(
  root: string,
  weight: UiFontWeight,
  characters: string = uiFontCharacters(root),
): Promise<Buffer> {
  return subsetFont(fs.readFileSync(sourceFontPath(root, weight)), characters, {
    targetFormat: 'woff2',
  });
}

/** What the fonts are made of: a build with the same stamp reuses the files already written. */
function inputStamp(root: string, characters: string): string {
  const hash = createHash('sha256').update(characters);
  const require = createRequire(path.join(root, 'package.json'));
  for (const name of ['subset-font', 'harfbuzzjs/dist/harfbuzz-subset.wasm']) {
    hash.update(fs.readFileSync(require.resolve(name)));
  }
  for (const { weight } of UI_FONT_WEIGHTS) {
    const stat = fs.statSync(sourceFontPath(root, weight));
    hash.update(`${weight}:${stat.size}:${stat.mtimeMs}`);
  }
  return hash.digest('hex');
}

/**
 * Writes both weights into renderer/src/generated (not committed: generated from the sources
 * at every build, and skipped when nothing they are made of changed, since subsetting two
 * 10 MB fonts takes seconds).
 */
export async function writeUiFonts(root: string): Promise<void> {
  const folder = path.join(root, UI_FONT_FOLDER);
  const characters = uiFontCharacters(root);
  const stamp = inputStamp(root, characters);
  const stampFile = path.join(folder, 'desk-ui.stamp');
  const written = UI_FONT_WEIGHTS.every(({ weight }) =>
    fs.existsSync(path.join(folder, uiFontFileName(weight))),
  );
  if (written && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;
  fs.mkdirSync(folder, { recursive: true });
  for (const { weight } of UI_FONT_WEIGHTS) {
    const bytes = await subsetUiFont(root, weight, characters);
    fs.writeFileSync(path.join(folder, uiFontFileName(weight)), bytes);
  }
  fs.writeFileSync(stampFile, stamp);
}
