import mongolianFontUrl from '@expo-google-fonts/noto-sans-mongolian/400Regular/NotoSansMongolian_400Regular.ttf?url';
import tibetanFontUrl from '@expo-google-fonts/noto-serif-tibetan/400Regular/NotoSerifTibetan_400Regular.ttf?url';
import type { ScriptKind } from '../../../domain/validation/own-script';

/**
 * The fonts of the parties' own scripts, from the npm font packages the documents use. Vite
 * copies each file into the renderer's own assets, so the strict CSP (`font-src 'self'`) lets
 * it load; it is registered through the FontFace API (no inline style) and only when a
 * Mongolian or Tibetan box is first shown, so the Chinese-only screens never fetch 1 MB of
 * fonts. The operating system may have neither font, and without one Mongolian shows as boxes.
 */
export const OWN_SCRIPT_FONT_FAMILY: Readonly<Record<ScriptKind, string>> = {
  MONGOLIAN: 'Noto Sans Mongolian',
  TIBETAN: 'Noto Serif Tibetan',
};

const FONT_URL: Readonly<Record<ScriptKind, string>> = {
  MONGOLIAN: mongolianFontUrl,
  TIBETAN: tibetanFontUrl,
};

const loading = new Map<ScriptKind, Promise<void>>();

/** Registers (once) and loads the font of `script`; resolves when it can be drawn. */
export function loadOwnScriptFont(script: ScriptKind): Promise<void> {
  let pending = loading.get(script);
  if (pending === undefined) {
    const face = new FontFace(OWN_SCRIPT_FONT_FAMILY[script], `url("${FONT_URL[script]}")`);
    document.fonts.add(face);
    pending = face.load().then(
      () => undefined,
      // A missing font file leaves the system fallback: shown, maybe as boxes, never a crash.
      () => undefined,
    );
    loading.set(script, pending);
  }
  return pending;
}
