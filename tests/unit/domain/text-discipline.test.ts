import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCodePoint } from '../../../domain/character-names';
import { cleanText, refusalMessage, removalNote } from '../../../domain/text-discipline';

const value = (raw: string, kind: 'STRICT' | 'LINE' | 'MULTILINE') => {
  const r = cleanText(raw, kind);
  if (!r.ok) throw new Error(`refused U+${r.codePoint.toString(16)}`);
  return r.value;
};
const refused = (raw: string, kind: 'STRICT' | 'LINE' | 'MULTILINE') => {
  const r = cleanText(raw, kind);
  return r.ok ? null : r.codePoint;
};

describe('cleanText', () => {
  it('normalises to NFC, unifies line breaks and turns tabs into spaces', () => {
    expect(value('e\u0301', 'LINE')).toBe('\u00E9');
    expect(value('第一行\r\n第二行\r第三行\u2028第四行', 'MULTILINE')).toBe(
      '第一行\n第二行\n第三行\n第四行',
    );
    expect(value('张三\t500元', 'MULTILINE')).toBe('张三    500元');
    expect(value('长江源村\t三组', 'LINE')).toBe('长江源村 三组');
    expect(value('  王芳 \n', 'STRICT')).toBe('王芳');
  });

  it('removes the invisible characters the issue found in names and addresses', () => {
    for (const cp of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x00ad, 0x3164, 0x2800]) {
      const raw = `王${String.fromCodePoint(cp)}芳`;
      for (const kind of ['STRICT', 'LINE', 'MULTILINE'] as const) {
        expect(value(raw, kind), describeCodePoint(cp)).toBe('王芳');
      }
    }
    // Tags (hidden ASCII), the Mongolian vowel separator outside Mongolian, a BOM.
    expect(value('王\u{E0041}\u{E0042}芳', 'LINE')).toBe('王芳');
    expect(value('王\u180E芳', 'STRICT')).toBe('王芳');
    expect(value('\uFEFF王芳', 'STRICT')).toBe('王芳');
    expect(cleanText('王\u200C芳', 'STRICT')).toEqual({
      ok: true,
      value: '王芳',
      removed: [0x200c],
    });
  });

  it('refuses what changes the display or cannot be printed, by code point', () => {
    expect(refused('王\u202E芳', 'LINE')).toBe(0x202e);
    expect(refused('王\u2066芳\u2069', 'MULTILINE')).toBe(0x2066);
    expect(refused('王\uE000芳', 'STRICT')).toBe(0xe000);
    expect(refused('王\uFDD0芳', 'LINE')).toBe(0xfdd0);
    expect(refused('王\uFFFF芳', 'LINE')).toBe(0xffff);
    expect(refused('王\u0378芳', 'LINE')).toBe(0x378);
    expect(refused('王\uD800芳', 'MULTILINE')).toBe(0xd800);
    expect(refused('王\u0007芳', 'MULTILINE')).toBe(0x07);
    expect(refused('王\uFFFD芳', 'LINE')).toBe(0xfffd);
    // A line break inside one line is refused; long text keeps it.
    expect(refused('王\n芳', 'LINE')).toBe(0x0a);
    expect(refused('王\n芳', 'MULTILINE')).toBeNull();
  });

  it('keeps what Mongolian needs only inside Mongolian', () => {
    // ᠬᠠᠭᠠᠨ with FVS1 after a letter, MVS before the final a, NNBSP before a suffix.
    const mongolian = '\u182C\u180B\u1820\u182D\u180E\u1820 \u202F\u1836\u1822';
    const cleaned = value(mongolian, 'LINE');
    expect(cleaned).toContain('\u180B');
    expect(cleaned).toContain('\u180E');
    expect(cleaned).toContain('\u202F');
    // The same characters next to Chinese are removed (FVS, MVS) or become a space (NNBSP).
    expect(value('王\u180B芳', 'LINE')).toBe('王芳');
    expect(value('王\u180E芳', 'LINE')).toBe('王芳');
    expect(value('王\u202F芳', 'LINE')).toBe('王 芳');
    // ZWJ/ZWNJ between Tibetan or Arabic-script (Uyghur) letters stay; between Han they go.
    expect(value('\u0F40\u200D\u0F41', 'LINE')).toBe('\u0F40\u200D\u0F41');
    expect(value('\u0628\u200C\u0627', 'LINE')).toBe('\u0628\u200C\u0627');
    expect(value('王\u200D芳', 'LINE')).toBe('王芳');
  });

  it('turns other spaces into one space; long text keeps the ideographic indent', () => {
    expect(value('王\u00A0\u00A0芳', 'STRICT')).toBe('王 芳');
    expect(value('王\u3000芳', 'LINE')).toBe('王 芳');
    expect(value('\u3000\u3000第一段', 'MULTILINE')).toBe('\u3000\u3000第一段');
  });

  it('drops variation selectors from names but keeps them after a base in long text', () => {
    expect(value('葛\u{E0100}', 'STRICT')).toBe('葛');
    expect(value('葛\u{E0100}', 'MULTILINE')).toBe('葛\u{E0100}');
    expect(value('\uFE0F', 'MULTILINE')).toBe('');
  });

  it('is idempotent and never leaves a refused or removed class behind', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom('STRICT', 'LINE', 'MULTILINE'),
        (raw, kind) => {
          const once = cleanText(raw, kind);
          if (!once.ok) return;
          expect(cleanText(once.value, kind)).toMatchObject({ ok: true, value: once.value });
          expect(once.value).toBe(once.value.normalize('NFC'));
          expect(once.value).not.toMatch(/[\t\r\p{Cs}\p{Co}\p{Cn}\u202A-\u202E\u2066-\u2069]/u);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('messages about characters', () => {
  it('name the character by code point and name, never by quoting it', () => {
    const r = cleanText('王\u202E芳', 'LINE');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const message = refusalMessage('姓名', r);
      expect(message).toContain('U+202E 从右至左强制符（RIGHT-TO-LEFT OVERRIDE）');
      expect(message).not.toContain('\u202E');
    }
    expect(describeCodePoint(0xe000)).toBe('U+E000 私用区字符');
    expect(removalNote([0x200b, 0x200b])).toBe(
      '已删除 2 个不可见字符：U+200B 零宽空格（ZERO WIDTH SPACE）',
    );
  });
});
