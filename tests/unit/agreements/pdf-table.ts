import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A word with its box, from `pdftotext -bbox-layout` (a line may run across table cells). */
export interface PdfWord {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly text: string;
}

export function pdfWords(bboxXml: string): PdfWord[] {
  return bboxXml
    .split('<page ')
    .slice(1)
    .flatMap((pageXml, index) =>
      [
        ...pageXml.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        page: index + 1,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        yMax: Number(m[3]),
        text: m[4] ?? '',
      })),
    );
}

/**
 * The text of each obligee's row of the table under a group obligation, keyed by name: every
 * word below the page's table header whose vertical centre is nearer that name than any other
 * name on the page (cells are centred in their row), read column by column and top to bottom
 * so that wrapped cell text joins up.
 */
export function obligeeRows(
  words: readonly PdfWord[],
  names: readonly string[],
): Map<string, string> {
  const centre = (w: PdfWord) => (w.yMin + w.yMax) / 2;
  const header = words.filter((w) => w.text === '序号');
  const anchors = words.filter(
    (w) => names.includes(w.text) && header.some((h) => h.page === w.page && h.yMax < w.yMin),
  );
  const out = new Map<string, string>();
  for (const anchor of anchors) {
    const top = Math.max(
      ...header.filter((h) => h.page === anchor.page && h.yMax < anchor.yMin).map((h) => h.yMax),
    );
    const own = words.filter((w) => {
      if (w.page !== anchor.page || w.yMin < top) return false;
      const d = Math.abs(centre(w) - centre(anchor));
      return anchors.every(
        (other) => other.page !== anchor.page || Math.abs(centre(w) - centre(other)) >= d,
      );
    });
    const ordered = [...own].sort(
      (a, b) => Math.round(a.xMin / 4) - Math.round(b.xMin / 4) || a.yMin - b.yMin,
    );
    // The first table on the page wins (a compact signature table lists the names again).
    if (!out.has(anchor.text)) out.set(anchor.text, ordered.map((w) => w.text).join(''));
  }
  return out;
}

/** The text of the PDF with its layout kept, whitespace removed (table rows read across). */
export function pdfLayoutText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-pdf-table-'));
  try {
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).replace(/\s+/g, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
