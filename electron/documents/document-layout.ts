import { createHash } from 'node:crypto';
import type { Font } from 'fontkit';
import type { DocumentData } from './document-data.js';
import type { DocumentFonts } from './font-registry.js';
import type { LaidOutPage } from './layout-boxes.js';
import { DocumentRenderError, measureDocument, MM, type Annex } from './layout-measure.js';
import { paginate } from './layout-paginate.js';
import type { MongolianFont } from './mongolian-font.js';
import { MissingValueError } from './placeholders.js';
import { TextMetrics, type MetricFonts } from './text-metrics.js';
import type { DocumentTemplate } from './template-loader.js';

/*
 * What a document check needs of the render without pdfkit: the layout (measure + paginate)
 * and the verification code. The core's document engine checks drafts with these and imports
 * the drawing (render-document.ts, pdfkit) on the first print, so the core worker starts
 * without compiling or running pdfkit (issue 13, host start).
 */
export interface RenderOptions {
  readonly creationDate: Date;
  readonly fonts: Pick<DocumentFonts, 'serif' | 'serifBold' | 'tibetan'> & {
    /** Rare-character fallbacks (font-registry parses them lazily). */
    readonly fallbacks?: readonly Font[] | undefined;
    /**
     * The traditional Mongolian font and its HarfBuzz shaper (mongolian-font.ts), opened by the
     * caller before a document with a Mongolian annex is checked or printed.
     */
    readonly mongolian?: MongolianFont | undefined;
  };
  /**
   * Print even if some characters are missing from the font (they come out as boxes). Callers
   * show `checkDocumentText(...).warnings` to the mediator first.
   */
  readonly allowMissingGlyphs?: boolean;
  /**
   * Draw a dashed half-circle on the right edge of every page of a multi-page document: where
   * the committee puts its page-edge seal (骑缝章) across the stacked pages.
   */
  readonly pageEdgeSealMark?: boolean;
}

/**
 * A short code printed in the footer that identifies the content of this document: the same
 * template version and the same data give the same code. Not a signature; it lets a
 * committee match a paper copy to the record it was printed from.
 */
export function documentVerificationCode(template: DocumentTemplate, data: DocumentData): string {
  const hex = contentHash(template, data).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`;
}

export function contentHash(template: DocumentTemplate, data: DocumentData): string {
  const canonical = JSON.stringify([
    template.file.id,
    template.file.version,
    sortedEntries(data.fields),
    Object.keys(data.lists)
      .sort()
      .map((name) => [name, (data.lists[name] ?? []).map(sortedEntries)]),
    data.translations ?? [],
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function sortedEntries(record: Readonly<Record<string, string>>): [string, string][] {
  return Object.keys(record)
    .sort()
    .map((k) => [k, record[k] ?? '']);
}

interface PageGeometry {
  readonly margins: { top: number; bottom: number; left: number; right: number };
  readonly pageWidth: number;
  readonly pageHeightPt: number;
}

const A4 = { width: 595.28, height: 841.89 };

export function geometry(template: DocumentTemplate): PageGeometry {
  const m = template.file.page.marginsMm;
  return {
    margins: { top: m.top * MM, bottom: m.bottom * MM, left: m.left * MM, right: m.right * MM },
    pageWidth: A4.width,
    pageHeightPt: A4.height,
  };
}

export interface DocumentLayout {
  readonly pages: readonly LaidOutPage[];
  readonly annexes: readonly Annex[];
}

/**
 * Measure + paginate without drawing: what a check runs, so that a document that passes the
 * check is laid out by the very same code when it is printed.
 */
export function layoutDocument(
  template: DocumentTemplate,
  data: DocumentData,
  fonts: RenderOptions['fonts'],
  metrics: TextMetrics = new TextMetrics(metricFonts(fonts)),
): DocumentLayout {
  const g = geometry(template);
  const pageHeight = g.pageHeightPt - g.margins.top - g.margins.bottom;
  try {
    const measured = measureDocument({
      template,
      data,
      metrics,
      left: g.margins.left,
      width: g.pageWidth - g.margins.left - g.margins.right,
      pageHeight,
      mongolian: fonts.mongolian?.shaper,
    });
    const pages = paginate(measured.boxes, {
      pageHeight,
      signaturePageNote: measured.signaturePageNote,
      endOfTextNote: measured.endOfTextNote,
    });
    return { pages, annexes: measured.annexes };
  } catch (error) {
    if (error instanceof MissingValueError) {
      throw new DocumentRenderError('MISSING_VALUE', error.message);
    }
    throw error;
  }
}

export function metricFonts(fonts: RenderOptions['fonts']): MetricFonts {
  return {
    serif: fonts.serif,
    serifBold: fonts.serifBold,
    // Parsed only when Tibetan text is measured (font-registry's lazy getter).
    get tibetan() {
      return fonts.tibetan;
    },
    get fallbacks() {
      return fonts.fallbacks;
    },
  };
}
