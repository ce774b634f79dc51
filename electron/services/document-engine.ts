import { createHash } from 'node:crypto';
import { ApiError } from '../../domain/api/errors.js';
import type { DraftIssue } from '../../domain/agreements/agreement-views.js';
import type { DocumentData } from '../documents/document-data.js';
import { loadDocumentFonts, type DocumentFonts } from '../documents/font-registry.js';
import { loadMongolianFont, type MongolianFont } from '../documents/mongolian-font.js';
import { documentVerificationCode, layoutDocument } from '../documents/document-layout.js';
import { DocumentRenderError } from '../documents/layout-measure.js';
import { checkDocumentText, type TextIssue } from '../documents/text-coverage.js';
import {
  loadDocumentTemplate,
  type DocumentTemplate,
  type DocumentTemplateKind,
} from '../documents/template-loader.js';

export interface DocumentEngineOptions {
  readonly fontsDir: string;
  readonly templatesDir: string;
}

export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly verificationCode: string;
  readonly templateId: string;
  readonly templateVersion: number;
}

export const sha256Hex = (bytes: Buffer | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** TextIssue (document field names) → DraftIssue (what the API reports). */
export function textIssueToDraftIssue(issue: TextIssue, level: 'ERROR' | 'WARNING'): DraftIssue {
  return { code: issue.code, level, field: issue.field, message: issue.message };
}

export function hasMongolianAnnex(data: Pick<DocumentData, 'translations'>): boolean {
  return (data.translations ?? []).some((t) => t.language === 'mn');
}

/**
 * The document fonts and templates, loaded on first use and shared by every service: parsing
 * the 15 MB CJK font takes a noticeable moment, and a ledger that never prints should not pay it.
 * Failures to load are configuration faults of the installation, reported in Chinese.
 */
type DrawingModule = typeof import('../documents/render-document.js');
let drawing: Promise<DrawingModule> | null = null;

/**
 * The drawing half (pdfkit), imported on the first print, not while the core starts: a draft's
 * check needs only the layout. A failed import is kept, so every later print gets the same
 * sentence (a bundle would hand a second import a half-run module).
 */
function drawingModule(): Promise<DrawingModule> {
  drawing ??= import('../documents/render-document.js').catch((error: unknown) => {
    console.error('[documents] the PDF renderer failed to load:', error);
    throw new ApiError('INTERNAL', '文书组件无法加载，无法生成文书。请重新安装调解工作台');
  });
  return drawing;
}

export class DocumentEngine {
  private fonts: DocumentFonts | null = null;
  private mongolian: MongolianFont | null = null;
  private readonly templates = new Map<DocumentTemplateKind, DocumentTemplate>();

  /** Public so a thread rendering for this core (volume assembly) uses the same files. */
  constructor(readonly options: DocumentEngineOptions) {}

  private loadFonts(): DocumentFonts {
    if (this.fonts) return this.fonts;
    try {
      this.fonts = loadDocumentFonts(this.options.fontsDir);
    } catch (error) {
      console.error('[documents] fonts failed to load:', error);
      throw new ApiError('INTERNAL', '找不到文书字体，无法生成文书。请重新安装调解工作台');
    }
    return this.fonts;
  }

  /**
   * Opens the traditional Mongolian font and HarfBuzz (an asynchronous WebAssembly load, once
   * per process). Callers await it before checking or printing data with a Mongolian annex:
   * `check` is synchronous, and without the font it refuses the annex as it always did.
   */
  async openMongolian(): Promise<void> {
    if (this.mongolian) return;
    try {
      this.mongolian = await loadMongolianFont(this.loadFonts().files);
    } catch (error) {
      console.error('[documents] Mongolian font failed to load:', error);
      throw new ApiError(
        'INTERNAL',
        '找不到传统蒙古文字体，无法排印蒙古文译文。请重新安装调解工作台',
      );
    }
  }

  /** The document fonts with the Mongolian font when opened (the Tibetan one stays lazy). */
  private documentFonts(): DocumentFonts & { readonly mongolian?: MongolianFont } {
    const fonts = this.loadFonts();
    if (!this.mongolian) return fonts;
    const mongolian = this.mongolian;
    return {
      serif: fonts.serif,
      serifBold: fonts.serifBold,
      get tibetan() {
        return fonts.tibetan;
      },
      get fallbacks() {
        return fonts.fallbacks;
      },
      files: fonts.files,
      mongolian,
    };
  }

  template(kind: DocumentTemplateKind): DocumentTemplate {
    const cached = this.templates.get(kind);
    if (cached) return cached;
    let template: DocumentTemplate;
    try {
      template = loadDocumentTemplate(this.options.templatesDir, kind);
    } catch (error) {
      console.error('[documents] template failed to load:', error);
      throw new ApiError('INTERNAL', '文书模板无法读取，无法生成文书。请重新安装调解工作台');
    }
    this.templates.set(kind, template);
    return template;
  }

  /**
   * Printable-text problems as API issues: Mongolian/Tibetan-in-body are errors, glyphs
   * warnings. When the text is printable the document is also laid out (measure + paginate,
   * the same code the print runs), so a check that passes never fails at print.
   */
  check(kind: DocumentTemplateKind, data: DocumentData): DraftIssue[] {
    const template = this.template(kind);
    const fonts = this.documentFonts();
    const result = checkDocumentText(template, data, fonts);
    const issues = [
      ...result.errors.map((i) => textIssueToDraftIssue(i, 'ERROR')),
      ...result.warnings.map((i) => textIssueToDraftIssue(i, 'WARNING')),
    ];
    if (result.errors.length > 0) return issues;
    try {
      layoutDocument(template, data, fonts);
    } catch (error) {
      if (!(error instanceof DocumentRenderError)) throw error;
      issues.push({
        code: 'NOT_PRINTABLE',
        level: 'ERROR',
        field: 'document',
        message: `文书无法排版：${error.message}`,
      });
    }
    return issues;
  }

  async render(
    kind: DocumentTemplateKind,
    data: DocumentData,
    options: {
      readonly creationDate: Date;
      readonly allowMissingGlyphs: boolean;
      readonly pageEdgeSealMark?: boolean;
    },
  ): Promise<RenderedPdf> {
    const template = this.template(kind);
    if (hasMongolianAnnex(data)) await this.openMongolian();
    const { renderDocument } = await drawingModule();
    let bytes: Buffer;
    try {
      bytes = await renderDocument(template, data, {
        creationDate: options.creationDate,
        fonts: this.documentFonts(),
        allowMissingGlyphs: options.allowMissingGlyphs,
        pageEdgeSealMark: options.pageEdgeSealMark ?? false,
      });
    } catch (error) {
      if (error instanceof DocumentRenderError) {
        const hint =
          error.code === 'TEXT_NOT_PRINTABLE' &&
          error.issues.every((i) => i.code === 'MISSING_GLYPHS')
            ? '（确认后可选择“允许缺字打印”）'
            : '';
        throw new ApiError(
          'BAD_INPUT',
          `文书无法生成：${error.message}${hint}`,
          error.issues.map((i) => ({ path: [i.field], message: i.message })),
        );
      }
      throw error;
    }
    return {
      bytes,
      sha256: sha256Hex(bytes),
      verificationCode: documentVerificationCode(template, data),
      templateId: template.file.id,
      templateVersion: template.file.version,
    };
  }
}
