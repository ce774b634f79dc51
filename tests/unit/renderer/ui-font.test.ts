import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { uiFontCharacters } from '../../../build/ui-font/ui-font-characters.ts';
import { subsetUiFont, UI_FONT_WEIGHTS } from '../../../build/ui-font/ui-font-files.ts';
import { accountMessagesZhCN } from '../../../domain/messages/accounts-zh-CN';
import { storageMessagesZhCN } from '../../../domain/messages/storage-zh-CN';
import * as apiMessages from '../../../domain/messages/zh-CN';
import { CODE_TABLES } from '../../../domain/taxonomy';
import { uiText } from '../../../renderer/src/i18n/zh-CN';

// The UI font is a subset of Noto Sans SC: a UI string with a character the subset lacks would
// show that character in the fallback family (another slice fetched, a visibly different glyph).
// These read the subset's own cmap, as the browser does.

const root = path.resolve(__dirname, '../../..');
const requireHere = createRequire(__filename);

/** Every string (and the text of every message function) reachable from a value. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'function') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) stringsIn(item, into);
  }
  return into;
}

/** The UI's fixed text: its own catalogue, the API's messages, code-table labels, antd's locale. */
function uiStrings(): string[] {
  const codeTableRows = CODE_TABLES.map((table) => table.rows);
  const antdLocale: unknown = requireHere('antd/lib/locale/zh_CN.js');
  return stringsIn([
    uiText,
    apiMessages,
    accountMessagesZhCN,
    storageMessagesZhCN,
    codeTableRows,
    antdLocale,
  ]);
}

function openFont(bytes: Buffer): fontkit.Font {
  const font = fontkit.create(bytes);
  if ('fonts' in font) throw new Error('expected one font, not a collection');
  return font;
}

const subsets = new Map<number, fontkit.Font>();
const sources = new Map<number, fontkit.Font>();

beforeAll(async () => {
  const characters = uiFontCharacters(root);
  for (const { weight, source } of UI_FONT_WEIGHTS) {
    subsets.set(weight, openFont(await subsetUiFont(root, weight, characters)));
    sources.set(weight, openFont(fs.readFileSync(requireHere.resolve(source))));
  }
}, 120_000);

describe('the UI font subset', () => {
  it('has a glyph for every character of the UI’s fixed text that Noto Sans SC has', () => {
    const characters = new Set(uiStrings().flatMap((text) => [...text]));
    expect(characters.size).toBeGreaterThan(1000);
    for (const { weight } of UI_FONT_WEIGHTS) {
      const subset = subsets.get(weight) as fontkit.Font;
      const source = sources.get(weight) as fontkit.Font;
      const missing = [...characters].filter((character) => {
        const codePoint = character.codePointAt(0) as number;
        return source.hasGlyphForCodePoint(codePoint) && !subset.hasGlyphForCodePoint(codePoint);
      });
      expect({ weight, missing }).toEqual({ weight, missing: [] });
    }
  });

  it('is a subset: a rare character of a name is left to the fallback family', () => {
    for (const { weight } of UI_FONT_WEIGHTS) {
      const subset = subsets.get(weight) as fontkit.Font;
      expect(subset.hasGlyphForCodePoint('婠'.codePointAt(0) as number)).toBe(false);
      expect(subset.hasGlyphForCodePoint('𠮷'.codePointAt(0) as number)).toBe(false);
      expect(subset.hasGlyphForCodePoint('调'.codePointAt(0) as number)).toBe(true);
    }
  });

  it('makes the same bytes from the same characters', async () => {
    const characters = uiFontCharacters(root);
    const first = await subsetUiFont(root, 400, characters);
    const second = await subsetUiFont(root, 400, characters);
    expect(first.equals(second)).toBe(true);
    // two woff2 files of a few hundred KB instead of two dozen slices (705 KB)
    expect(first.length).toBeLessThan(300 * 1024);
  }, 120_000);
});
