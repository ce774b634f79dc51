import fs from 'node:fs';
import path from 'node:path';

/**
 * The PDF fonts the app ships: only the weights documents use (see build/fonts/LICENSES.md).
 * They come from npm packages so the repository does not carry 30 MB of binaries.
 */
export const APP_FONTS = [
  [
    '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    'NotoSerifSC-Regular.ttf',
  ],
  ['@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf', 'NotoSerifSC-Bold.ttf'],
  [
    '@expo-google-fonts/noto-serif-tibetan/400Regular/NotoSerifTibetan_400Regular.ttf',
    'NotoSerifTibetan-Regular.ttf',
  ],
  // Traditional Mongolian annexes: shaped by HarfBuzz, embedded by pdfkit (mongolian-draw.ts).
  [
    '@expo-google-fonts/noto-sans-mongolian/400Regular/NotoSansMongolian_400Regular.ttf',
    'NotoSansMongolian-Regular.ttf',
  ],
  // Fallbacks for rare characters (生僻字, CJK Extension B …) that Noto Serif SC lacks.
  [
    '@expo-google-fonts/noto-serif-tc/400Regular/NotoSerifTC_400Regular.ttf',
    'NotoSerifTC-Regular.ttf',
  ],
  [
    '@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf',
    'NotoSerifJP-Regular.ttf',
  ],
];

export function copyAppFonts(root, destination) {
  fs.mkdirSync(destination, { recursive: true });
  for (const [from, to] of APP_FONTS) {
    const source = path.join(root, 'node_modules', from);
    if (!fs.existsSync(source)) throw new Error(`font missing: ${from} (run npm ci)`);
    fs.copyFileSync(source, path.join(destination, to));
  }
}
