import { z } from 'zod';
import { MEASURES } from './counting-rules';

/**
 * A county statistics template as data (domain §3.1: templates change by year and by receiving
 * body). It maps the ledger's internal codes to the report's rows and columns; a county that
 * changes its form gets a new JSON file in templates/, not new code.
 */
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: '代码格式不正确' });
const label = z.string().min(1).max(60);

export const DIMENSIONS = ['orgType', 'source', 'category'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const filterSchema = z
  .strictObject({
    dimension: z.enum(DIMENSIONS),
    codes: z.array(code).min(1),
  })
  .optional();

export const templateColumnSchema = z.strictObject({
  no: z.number().int().min(1),
  group: z.string().max(30),
  label,
  measure: z.enum(MEASURES),
  filter: filterSchema,
});

const rowSchema = z.strictObject({
  label,
  /** Report codes (after `categoryMap`/`sourceMap`) or internal subtypes counted in this row. */
  codes: z.array(code).min(1),
  /** 其中 rows: part of the row above, not added to the total again. */
  subRows: z.array(z.strictObject({ label, codes: z.array(code).min(1) })).default([]),
});

export const reportTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  templateYear: z.number().int().min(2000).max(2100),
  version: z.number().int().min(1),
  title: label,
  /** Internal code → report code where the template has no row of its own (e.g. IP → OTHER). */
  categoryMap: z.record(code, code).default({}),
  /** Internal source code → report code (children of ENTRUSTED are kept by default). */
  sourceMap: z.record(code, code).default({}),
  /** The main table: one row per organisation type, these numbered columns. */
  columns: z.array(templateColumnSchema).min(1).max(80),
  organisationRows: z.array(z.strictObject({ label, codes: z.array(code).min(1) })).min(1),
  /** The category table: these rows (with 其中 sub-rows) × `categoryMeasures`. */
  categoryRows: z.array(rowSchema).min(1),
  categoryMeasures: z
    .array(z.strictObject({ measure: z.enum(MEASURES), label }))
    .min(1)
    .max(20),
});
export type ReportTemplate = z.output<typeof reportTemplateSchema>;
export type TemplateColumn = z.output<typeof templateColumnSchema>;

/** Checks what zod cannot: columns numbered 1..n in order. */
export function checkTemplate(t: ReportTemplate): string | null {
  for (let i = 0; i < t.columns.length; i += 1) {
    if (t.columns[i]?.no !== i + 1) return `第 ${i + 1} 列的序号不连续`;
  }
  return null;
}
