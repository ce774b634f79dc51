import { z } from 'zod';

/**
 * Every code table has the same shape so that one seeding migration can copy all of them into
 * SQLite and one picker component can show any of them. Rows stay plain data (no functions, no
 * class instances) because they are serialised into the database.
 */
export interface CodeRow {
  readonly code: string;
  readonly label: string;
  /** Grouping row this row belongs to (e.g. a subtype's category); absent for top-level rows. */
  readonly parent?: string;
}

export type CodeOf<R extends readonly CodeRow[]> = R[number]['code'];

/** The codes of a table in table order, typed as the literal union so `z.enum` keeps it. */
export function codesOf<const R extends readonly CodeRow[]>(rows: R): CodeOf<R>[] {
  return rows.map((row) => row.code);
}

/**
 * A zod enum over a table's codes. The Chinese message matters: a wrong code can only come from
 * a bug or stale data, and the mediator must still see something readable.
 */
export function codeEnum<const R extends readonly CodeRow[]>(rows: R, tableLabel: string) {
  // An empty picker asks for a choice; only a value that is not in the table is "out of range".
  return z.enum(codesOf(rows), {
    error: (issue) =>
      issue.input === undefined || issue.input === null || issue.input === ''
        ? `请选择${tableLabel}`
        : `${tableLabel}不在可选范围内`,
  });
}

/** Label lookup; the `code` type guarantees a hit, the fallback only guards against stale data. */
export function labelLookup<const R extends readonly CodeRow[]>(
  rows: R,
): (code: CodeOf<R>) => string {
  const labels = new Map<string, string>(rows.map((row) => [row.code, row.label]));
  return (code) => labels.get(code) ?? code;
}

/** Codes that have no child rows: the ones a user may pick when a table groups its rows. */
export function leafCodesOf<const R extends readonly CodeRow[]>(rows: R): CodeOf<R>[] {
  const parents = new Set(rows.map((row) => row.parent).filter((p) => p !== undefined));
  return codesOf(rows).filter((code) => !parents.has(code));
}
