import { describe, expect, it, vi } from 'vitest';
import { drawOps } from '../../../electron/documents/layout-draw.js';
import type { DrawOp } from '../../../electron/documents/layout-boxes.js';
import { TextMetrics } from '../../../electron/documents/text-metrics.js';
import { fonts } from './fixtures.js';

/** A pdfkit stand-in that records where each run of text is drawn. */
function recordingDoc() {
  const drawn: { font: string; text: string; x: number }[] = [];
  let font = '';
  const doc = {
    font(name: string) {
      font = name;
      return doc;
    },
    fontSize: () => doc,
    fillColor: () => doc,
    markContent: () => doc,
    endMarkedContent: () => doc,
    text(text: string, x: number) {
      drawn.push({ font, text, x });
      return doc;
    },
  };
  return { doc: doc as unknown as PDFKit.PDFDocument, drawn };
}

const textOp = (text: string, font: 'serif' | 'tibetan'): DrawOp => ({
  kind: 'text',
  text,
  x: 10,
  y: 0,
  font,
  size: 12,
});

describe('drawing a line of text', () => {
  it('does not measure a line that is one run (the advance after the last run is unused)', () => {
    const metrics = new TextMetrics(fonts());
    const width = vi.spyOn(metrics, 'width');
    const { doc, drawn } = recordingDoc();
    drawOps(
      { doc, metrics, top: 0 },
      [textOp('申请人称双方因草场边界发生争执，各执一词。', 'serif')],
      0,
    );
    expect(drawn).toEqual([
      { font: 'serif', text: '申请人称双方因草场边界发生争执，各执一词。', x: 10 },
    ]);
    expect(width).not.toHaveBeenCalled();
  });

  it('places each following run after the measured width of the runs before it', () => {
    const metrics = new TextMetrics(fonts());
    const { doc, drawn } = recordingDoc();
    // Tibetan text takes the full-width brackets from the Chinese font: three runs.
    const text = 'བོད（ཡིག）';
    drawOps({ doc, metrics, top: 0 }, [textOp(text, 'tibetan')], 0);
    expect(drawn.map((d) => d.font)).toEqual(['tibetan', 'serif', 'tibetan', 'serif']);
    let x = 10;
    for (const d of drawn) {
      expect(d.x).toBeCloseTo(x, 6);
      x += metrics.width(d.text, 'tibetan', 12);
    }
  });
});
