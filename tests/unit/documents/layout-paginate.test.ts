import { describe, expect, it } from 'vitest';
import { makeBox, type Box, type BoxRole } from '../../../electron/documents/layout-boxes.js';
import { pageRoles, paginate } from '../../../electron/documents/layout-paginate.js';

/** Pagination is a pure function of boxes: no PDF, no fonts. */

const box = (role: BoxRole, height: number, extra: Partial<Box> = {}): Box =>
  makeBox(role, height, [], extra);
const note = box('note', 10, { spaceAfter: 2 });
const end = box('note', 10);
const run = (boxes: readonly Box[], pageHeight = 100) =>
  paginate(boxes, { pageHeight, signaturePageNote: note, endOfTextNote: end });

describe('paginate', () => {
  it('fills pages in order and drops space before a box at the top of a page', () => {
    const pages = run([box('body', 60), box('body', 30, { spaceBefore: 20 }), box('body', 30)]);
    // 40 % of page 1 stays blank, but the text goes on: no “以下无正文”.
    expect(pageRoles(pages)).toEqual([['body'], ['body', 'body']]);
    expect(pages[1]?.boxes[0]?.y).toBe(0);
    expect(pages[1]?.boxes[1]?.y).toBe(30);
  });

  it('moves a keep-with-next chain to the next page when it fits there', () => {
    const pages = run([
      box('body', 75),
      box('heading', 10, { keepWithNext: true }),
      box('body', 10, { keepWithNext: true }),
      box('body', 10),
    ]);
    expect(pageRoles(pages)[1]).toEqual(['heading', 'body', 'body']);
  });

  it('takes the last clause along instead of leaving signatures alone; no “以下无正文” then', () => {
    const pages = run([
      box('body', 50),
      box('body', 10, { keepWithNext: true }),
      box('signature', 30, { keepWithNext: true }),
      box('signature', 30, { keepWithNext: true }),
      box('seal', 15),
    ]);
    // Half of page 1 is blank, but the text goes on overleaf: the note would say otherwise.
    expect(pageRoles(pages)).toEqual([['body'], ['body', 'signature', 'signature', 'seal']]);
  });

  it('notes the blank tail where the text ends and only signatures follow', () => {
    const pages = run([
      box('body', 50),
      box('signature', 30, { keepWithNext: true }),
      box('signature', 30, { keepWithNext: true }),
      box('seal', 15),
    ]);
    expect(pageRoles(pages)).toEqual([
      ['body', 'note'],
      ['note', 'signature', 'signature', 'seal'],
    ]);
    expect(pages[0]?.boxes[1]?.box).toBe(end);
    expect(pages[1]?.boxes[0]?.box).toBe(note);
  });

  it('notes the end of the body before a new part (附页) even though the part holds text', () => {
    const pages = run([box('body', 50), box('break', 0), box('heading', 10), box('body', 30)]);
    expect(pageRoles(pages)).toEqual([
      ['body', 'note'],
      ['heading', 'body'],
    ]);
    expect(pages[1]?.opensPart).toBe(true);
    expect(pages[0]?.opensPart).toBeUndefined();
  });

  it('starts a page holding only signatures with the 签署页 note', () => {
    const rows = Array.from({ length: 6 }, () => box('signature', 30, { keepWithNext: true }));
    const pages = run([box('body', 10, { keepWithNext: true }), ...rows, box('seal', 15)]);
    for (const page of pages.slice(1)) {
      expect(page.boxes[0]?.box).toBe(note);
    }
    expect(pages[0]?.boxes.some((b) => b.box === note)).toBe(false);
    const all = pages.flatMap((p) => p.boxes.map((b) => b.box.role));
    expect(all.filter((r) => r === 'signature')).toHaveLength(6);
    // The seal never stands alone on a page.
    const sealPage = pages.find((p) => p.boxes.some((b) => b.box.role === 'seal'));
    expect(sealPage?.boxes.some((b) => b.box.role === 'signature')).toBe(true);
  });

  it('repeats the header row of a table continued on a new page', () => {
    const header = box('header', 10, { keepWithNext: true });
    const rows = Array.from({ length: 12 }, () => box('body', 15, { repeatHeader: header }));
    const pages = run([header, ...rows]);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.boxes[0]?.box).toBe(header);
    for (const page of pages) {
      const last = page.boxes[page.boxes.length - 1];
      expect((last?.y ?? 0) + (last?.box.height ?? 0)).toBeLessThanOrEqual(100);
    }
  });

  it('never places boxes below the type area or on top of each other', () => {
    const boxes: Box[] = [];
    for (let i = 0; i < 200; i += 1) {
      boxes.push(
        box(i % 17 === 0 ? 'heading' : 'body', 3 + ((i * 7) % 23), {
          spaceBefore: i % 5,
          keepWithNext: i % 17 === 0 || i % 3 === 0,
        }),
      );
    }
    const pages = run(boxes);
    let count = 0;
    for (const page of pages) {
      let bottom = 0;
      for (const placed of page.boxes) {
        expect(placed.y).toBeGreaterThanOrEqual(bottom - 1e-9);
        bottom = placed.y + placed.box.height;
        expect(bottom).toBeLessThanOrEqual(100.01);
        if (placed.box.role !== 'note') count += 1;
      }
    }
    expect(count).toBe(200);
  });

  it('starts a new page at a break box', () => {
    expect(pageRoles(run([box('body', 10), box('break', 0), box('body', 10)]))).toEqual([
      ['body', 'note'],
      ['body'],
    ]);
    const plain = paginate([box('body', 10), box('break', 0), box('body', 10)], {
      pageHeight: 100,
    });
    expect(pageRoles(plain)).toEqual([['body'], ['body']]);
  });
});
