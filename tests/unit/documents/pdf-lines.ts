/** Lines with their boxes from `pdftotext -bbox-layout`. */
export interface PdfLine {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

export function pdfLines(bboxXml: string): PdfLine[] {
  const out: PdfLine[] = [];
  bboxXml
    .split('<page ')
    .slice(1)
    .forEach((pageXml, index) => {
      for (const m of pageXml.matchAll(
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
      )) {
        const words = [...(m[5] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
        out.push({
          page: index + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: words,
        });
      }
    });
  return out;
}

/** Closing punctuation that must never start a line (禁则). */
export const CLOSING_PUNCTUATION = '，。、）》；：！？」』】〕’”';

export function overlappingLines(lines: readonly PdfLine[]): string[] {
  const problems: string[] = [];
  lines.forEach((a, i) => {
    for (const b of lines.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const overlapX = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const overlapY = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (overlapX > 1 && overlapY > 1) problems.push(`第${a.page}页：“${a.text}” 与 “${b.text}”`);
    }
  });
  return problems;
}
