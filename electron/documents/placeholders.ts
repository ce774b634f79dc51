/**
 * Logic-less `{{path}}` placeholders, compiled once when a template is loaded.
 *
 * Substitution is a single pass over the *template* text: the compiled template is a list of
 * literal strings and paths, and a value is appended as literal text. A value that itself
 * contains `{{case.number}}`, `${...}` or `$&` is therefore printed exactly as typed and is
 * never looked at again (no String.replace patterns, no eval, no second pass).
 */

export type TextSegment = { readonly literal: string } | { readonly path: string };
export type CompiledText = readonly TextSegment[];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PATH = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+$/;

export class TemplateSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

/**
 * Compiles template text. `isKnown` decides which paths are allowed at this place of the
 * template; anything else (unknown path, bad syntax, a stray `{{` or `}}`) is an error.
 */
export function compileText(text: string, isKnown: (path: string) => boolean): CompiledText {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const start = match.index;
    const path = match[1] ?? '';
    const end = start + match[0].length;
    if (text[start - 1] === '{' || text[end] === '}') {
      throw new TemplateSyntaxError(`模板文字中有不成对的 {{ 或 }}：“${text}”`);
    }
    pushLiteral(segments, text.slice(last, start), text);
    if (!PATH.test(path)) throw new TemplateSyntaxError(`模板占位符格式错误：“${match[0]}”`);
    if (!isKnown(path)) throw new TemplateSyntaxError(`模板使用了未知的占位符：{{${path}}}`);
    segments.push({ path });
    last = end;
  }
  pushLiteral(segments, text.slice(last), text);
  return segments;
}

function pushLiteral(segments: TextSegment[], literal: string, whole: string): void {
  if (literal.includes('{{') || literal.includes('}}')) {
    throw new TemplateSyntaxError(`模板文字中有不成对的 {{ 或 }}：“${whole}”`);
  }
  if (literal !== '') segments.push({ literal });
}

export function placeholdersOf(text: CompiledText): readonly string[] {
  return text.flatMap((s) => ('path' in s ? [s.path] : []));
}

/** Looks a path up; undefined means "this document has no such value". */
export type Lookup = (path: string) => string | undefined;

export class MissingValueError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`文书缺少字段：${path}`);
    this.name = 'MissingValueError';
    this.path = path;
  }
}

export function resolveText(text: CompiledText, lookup: Lookup): string {
  let out = '';
  for (const segment of text) {
    if ('literal' in segment) {
      out += segment.literal;
    } else {
      const value = lookup(segment.path);
      if (value === undefined) throw new MissingValueError(segment.path);
      out += value;
    }
  }
  return out;
}
