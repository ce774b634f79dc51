import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  DOCUMENT_FIELDS,
  DOCUMENT_LISTS,
  FOOTER_FIELDS,
  isDocumentListName,
} from './document-fields.js';
import { compileText, TemplateSyntaxError, type CompiledText } from './placeholders.js';
import {
  documentTemplateSchema,
  type DocumentTemplateFile,
  type TemplateBlock,
} from './template-schema.js';

/** A validated template with every text compiled once. */
export interface DocumentTemplate {
  readonly file: DocumentTemplateFile;
  /** Compiled form of every template string, keyed by the raw string. */
  readonly compiled: ReadonlyMap<string, CompiledText>;
}

export class TemplateLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateLoadError';
  }
}

export function defaultTemplatesDir(cwd: string = process.cwd()): string {
  return path.join(cwd, 'templates');
}

/**
 * `dist/templates` next to `dist/electron` (build/build.mjs copies `templates/*.json` there):
 * the main process passes `path.join(__dirname, '..')`.
 */
export function appTemplatesDir(distDir: string): string {
  return path.join(distDir, 'templates');
}

/** File names of the current version of every document template. */
export const DOCUMENT_TEMPLATE_FILES = {
  AGREEMENT: 'agreement.v1.json',
  RIGHTS_NOTICE: 'rights-notice.v1.json',
  APPLICATION: 'application.v1.json',
  ACCEPTANCE_REGISTER: 'acceptance-register.v1.json',
  INVESTIGATION_RECORD: 'investigation-record.v1.json',
  SESSION_RECORD: 'session-record.v1.json',
  ORAL_AGREEMENT_REGISTER: 'oral-agreement-register.v1.json',
  FOLLOWUP_RECORD: 'followup-record.v1.json',
  CONFIRMATION_APPLICATION: 'confirmation-application.v1.json',
  VOLUME_COVER: 'volume-cover.v1.json',
  VOLUME_INDEX: 'volume-index.v1.json',
  VOLUME_BACK_COVER: 'volume-back-cover.v1.json',
  REFUSAL_NOTICE: 'refusal-notice.v1.json',
  TERMINATION_NOTICE: 'termination-notice.v1.json',
  MEDIATION_NOTICE: 'mediation-notice.v1.json',
  CLOSING_REPORT: 'closing-report.v1.json',
  MAJOR_DISPUTE_REPORT: 'major-dispute-report.v1.json',
  CORRECTION_HISTORY: 'correction-history.v1.json',
  COURT_RESULT_LETTER: 'court-result-letter.v1.json',
  MEDIATOR_REGISTER: 'mediator-register.v1.json',
  SUBSIDY_RECOGNITION: 'subsidy-recognition.v1.json',
  SUBSIDY_CLAIM_SHEET: 'subsidy-claim-sheet.v1.json',
} as const;

export type DocumentTemplateKind = keyof typeof DOCUMENT_TEMPLATE_FILES;

export function loadDocumentTemplate(templatesDir: string, kind: DocumentTemplateKind) {
  return loadTemplateFile(path.join(templatesDir, DOCUMENT_TEMPLATE_FILES[kind]));
}

/** Reads `templates/<name>.v<version>.json`. */
export function loadTemplateFile(file: string): DocumentTemplate {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateLoadError(`无法读取文书模板 ${path.basename(file)}`, { cause: error });
  }
  return parseTemplate(json, path.basename(file));
}

export function parseTemplate(json: unknown, source = '模板'): DocumentTemplate {
  const parsed = documentTemplateSchema.safeParse(json);
  if (!parsed.success) {
    throw new TemplateLoadError(`文书模板 ${source} 格式错误：${z.prettifyError(parsed.error)}`);
  }
  const file = parsed.data;
  const compiled = new Map<string, CompiledText>();
  try {
    compileBlocks(file.blocks, new Set(), compiled);
    const footerScope = (p: string) =>
      Object.hasOwn(DOCUMENT_FIELDS, p) || Object.hasOwn(FOOTER_FIELDS, p);
    compile(file.footer.pageNumber, footerScope, compiled);
    if (file.footer.verification !== undefined) {
      compile(file.footer.verification, footerScope, compiled);
    }
    const documentScope = (p: string) => Object.hasOwn(DOCUMENT_FIELDS, p);
    if (file.composition?.signaturePageNote !== undefined) {
      compile(file.composition.signaturePageNote, documentScope, compiled);
    }
    if (file.composition?.endOfTextNote !== undefined) {
      compile(file.composition.endOfTextNote, documentScope, compiled);
    }
  } catch (error) {
    if (error instanceof TemplateSyntaxError) {
      throw new TemplateLoadError(`文书模板 ${source}：${error.message}`, { cause: error });
    }
    throw error;
  }
  return { file, compiled };
}

function compile(
  raw: string,
  isKnown: (p: string) => boolean,
  compiled: Map<string, CompiledText>,
): void {
  // The same raw string may appear in two scopes; compile it in each so both are checked.
  compiled.set(raw, compileText(raw, isKnown));
}

function listOf(name: string) {
  if (!isDocumentListName(name)) throw new TemplateSyntaxError(`模板引用了未知的列表：${name}`);
  return DOCUMENT_LISTS[name];
}

function knownIn(lists: ReadonlySet<string>): (p: string) => boolean {
  return (p) => {
    if (Object.hasOwn(DOCUMENT_FIELDS, p)) return true;
    for (const name of lists) {
      if (Object.hasOwn(listOf(name).fields, p)) return true;
    }
    return false;
  };
}

function isKnownCondition(p: string, lists: ReadonlySet<string>): boolean {
  return knownIn(lists)(p) || isDocumentListName(p);
}

function compileBlocks(
  blocks: readonly TemplateBlock[],
  lists: ReadonlySet<string>,
  compiled: Map<string, CompiledText>,
): void {
  const known = knownIn(lists);
  for (const block of blocks) {
    if (block.if !== undefined && !isKnownCondition(block.if, lists)) {
      throw new TemplateSyntaxError(`模板条件使用了未知的字段：${block.if}`);
    }
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        compile(block.text, known, compiled);
        break;
      case 'field-rows':
        for (const row of block.rows) {
          for (const cell of row) {
            if (cell.if !== undefined && !isKnownCondition(cell.if, lists)) {
              throw new TemplateSyntaxError(`模板条件使用了未知的字段：${cell.if}`);
            }
            compile(cell.value, known, compiled);
          }
        }
        break;
      case 'repeat':
        listOf(block.over);
        compileBlocks(block.blocks, new Set([...lists, block.over]), compiled);
        break;
      case 'numbered-list':
        listOf(block.over);
        compile(block.text, knownIn(new Set([...lists, block.over])), compiled);
        break;
      case 'signature-table':
        for (const slot of block.slots) {
          const scope = slot.over === undefined ? lists : new Set([...lists, slot.over]);
          if (slot.over !== undefined) listOf(slot.over);
          if (slot.if !== undefined && !isKnownCondition(slot.if, scope)) {
            throw new TemplateSyntaxError(`模板条件使用了未知的字段：${slot.if}`);
          }
          compile(slot.label, knownIn(scope), compiled);
          if (slot.hint !== undefined) compile(slot.hint, knownIn(scope), compiled);
        }
        if (block.dateLine !== undefined) compile(block.dateLine, known, compiled);
        if (block.continuationNote !== undefined) compile(block.continuationNote, known, compiled);
        if (block.compact !== undefined) listOf(block.compact.over);
        break;
      case 'seal-area':
        for (const line of block.lines) compile(line, known, compiled);
        break;
      case 'form-table': {
        const columns = block.columnWidths.length;
        block.rows.forEach((row, i) => {
          const spanned = row.cells.reduce((n, cell) => n + (cell.span ?? 1), 0);
          if (spanned !== columns) {
            throw new TemplateSyntaxError(`表格第 ${i + 1} 行占 ${spanned} 列，应为 ${columns} 列`);
          }
          if (row.over !== undefined) listOf(row.over);
          const scope = row.over === undefined ? lists : new Set([...lists, row.over]);
          if (row.if !== undefined && !isKnownCondition(row.if, scope)) {
            throw new TemplateSyntaxError(`模板条件使用了未知的字段：${row.if}`);
          }
          for (const cell of row.cells) compile(cell.text, knownIn(scope), compiled);
        });
        break;
      }
      case 'data-table': {
        listOf(block.over);
        const scope = new Set([...lists, block.over]);
        if (block.where !== undefined) {
          if (!knownIn(scope)(block.where.field)) {
            throw new TemplateSyntaxError(`表格筛选使用了未知的字段：${block.where.field}`);
          }
          compile(block.where.equals, known, compiled);
        }
        block.columns.forEach((column, i) => {
          if ((column.text === undefined) === (column.number !== true)) {
            throw new TemplateSyntaxError(`表格第 ${i + 1} 列应有 text 或 number 之一`);
          }
          compile(column.header, known, compiled);
          if (column.text !== undefined) compile(column.text, knownIn(scope), compiled);
        });
        break;
      }
      case 'spacer':
      case 'page-break':
        break;
      default: {
        const unreachable: never = block;
        throw new TemplateSyntaxError(`未知的模板块：${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/** Every string of a template that is printed, for glyph checks. */
export function templateLiterals(template: DocumentTemplate): readonly string[] {
  const out: string[] = [template.file.title];
  for (const compiledText of template.compiled.values()) {
    for (const segment of compiledText) if ('literal' in segment) out.push(segment.literal);
  }
  return out;
}
