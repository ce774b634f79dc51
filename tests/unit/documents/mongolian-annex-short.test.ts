import { beforeAll, describe, expect, it } from 'vitest';
import type { LaidOutPage } from '../../../electron/documents/layout-boxes.js';
import {
  MONGOLIAN_COLUMN_PITCH_EM,
  mongolianColumnBoxes,
  type MongolianColumnsInput,
} from '../../../electron/documents/layout-mongolian.js';
import {
  loadMongolianFont,
  type MongolianFont,
} from '../../../electron/documents/mongolian-font.js';
import { layoutDocument } from '../../../electron/documents/render-document.js';
import { agreementData, agreementTemplate, fonts } from './fixtures.js';

/**
 * A short Mongolian annex takes only the height it needs: set in shorter columns, it leaves
 * room on its page for the translator's line and the signatures (before, its full-length
 * columns sent them overleaf under the 签署页 note). A long annex keeps full-length columns.
 */
let mongolian: MongolianFont;
beforeAll(async () => {
  mongolian = await loadMongolianFont(fonts().files);
});

const SHORT = [
  'ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠠᠷᠠᠳ ᠪᠡᠯᠴᠢᠭᠡᠷ\u202fᠦᠨ ᠲᠣᠭᠲᠠᠭᠠᠪᠠ᠃',
  'ᠬᠢᠵᠠᠭᠠᠷ\u202fᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ᠃',
  'ᠠᠷᠠᠳ ᠮᠣᠩᠭᠣᠯ᠃',
].join('\n');

const layoutWith = (text: string) =>
  layoutDocument(
    agreementTemplate(),
    agreementData({
      translations: [
        { language: 'mn', title: '蒙古文译文', text, prevailing: 'CHINESE', translator: '乌力吉' },
      ],
    }),
    { ...fonts(), mongolian },
  );

const hasColumns = (page: LaidOutPage) =>
  page.boxes.some((b) => b.box.ops.some((op) => op.kind === 'mongolian'));

describe('a short Mongolian annex', () => {
  it('leaves room for the translator and the signatures on its page', () => {
    const { pages } = layoutWith(SHORT);
    const annexPage = pages.findIndex(hasColumns);
    expect(annexPage).toBeGreaterThan(0);
    // The annex's page is the last one and holds its heading, its columns and every signature.
    expect(annexPage).toBe(pages.length - 1);
    const roles = pages[annexPage]?.boxes.map((b) => b.box.role) ?? [];
    expect(roles[0]).toBe('heading');
    expect(roles).toContain('signature');
    expect(roles).toContain('seal');
    const text = (pages[annexPage]?.boxes ?? []).flatMap((b) =>
      b.box.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : [])),
    );
    expect(text.some((t) => t.startsWith('翻译人：乌力吉'))).toBe(true);
    // No 签署页 note: the signatures stand with text.
    expect(text.some((t) => t.includes('签署页'))).toBe(false);
    // Its words are all there, in order.
    const words = pages[annexPage]?.boxes.flatMap((b) =>
      b.box.ops.flatMap((op) => (op.kind === 'mongolian' ? op.words : [])),
    );
    expect(words).toEqual(SHORT.split(/[ \n]/));
  });
});

describe('the columns of an annex', () => {
  const input = (paragraphs: readonly string[], roomAfter?: number): MongolianColumnsInput => ({
    paragraphs,
    shaper: mongolian.shaper,
    size: 16,
    left: 0,
    width: 450,
    columnLength: 580,
    roomAfter,
  });
  const lengths = (boxes: ReturnType<typeof mongolianColumnBoxes>) => boxes.map((b) => b.height);
  const words = (boxes: ReturnType<typeof mongolianColumnBoxes>) =>
    boxes.flatMap((b) => b.ops.flatMap((op) => (op.kind === 'mongolian' ? [op.words] : [])));
  const perPage = Math.floor(450 / (16 * MONGOLIAN_COLUMN_PITCH_EM));
  /** As many words as one full-length column holds. */
  const fullColumn = () => {
    const words = ['ᠮᠣᠩᠭᠣᠯ'];
    while (mongolian.shaper.width([...words, 'ᠮᠣᠩᠭᠣᠯ'].join(' '), 16) <= 580) {
      words.push('ᠮᠣᠩᠭᠣᠯ');
    }
    return words.join(' ');
  };

  it('are shortened to leave the room asked for, the words unchanged', () => {
    const paragraphs = [SHORT];
    const full = mongolianColumnBoxes(input(paragraphs));
    const short = mongolianColumnBoxes(input(paragraphs, 460));
    expect(lengths(full)[0]).toBeGreaterThan(120);
    expect(lengths(short)[0]).toBeLessThanOrEqual(120);
    expect(words(short).flat()).toEqual(words(full).flat());
  });

  it('keep the full length when the annex needs more than one page', () => {
    const paragraphs = Array.from({ length: perPage + 1 }, fullColumn);
    const full = mongolianColumnBoxes(input(paragraphs));
    expect(full.length).toBe(2);
    expect(mongolianColumnBoxes(input(paragraphs, 460))).toEqual(full);
  });

  it('keep the full length when shorter columns would not fit the page across', () => {
    const paragraphs = Array.from({ length: 4 }, fullColumn);
    const full = mongolianColumnBoxes(input(paragraphs));
    expect(full.length).toBe(1);
    expect(mongolianColumnBoxes(input(paragraphs, 460))).toEqual(full);
  });

  it('keep the full length when the room left would make columns too short to read', () => {
    const full = mongolianColumnBoxes(input([SHORT]));
    expect(mongolianColumnBoxes(input([SHORT], 500))).toEqual(full);
  });

  it('keep the full length when the full columns already leave the room', () => {
    const paragraphs = ['ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ'];
    const full = mongolianColumnBoxes(input(paragraphs));
    expect(mongolianColumnBoxes(input(paragraphs, 460))).toEqual(full);
  });
});
