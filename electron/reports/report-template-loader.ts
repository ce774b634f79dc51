import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkTemplate,
  reportTemplateSchema,
  type ReportTemplate,
} from '../../domain/statistics/report-template.js';

/** The default county template: the 41-column layout of domain §3.5. */
export const DEFAULT_STATISTICS_TEMPLATE = 'statistics-2016.v1.json';

const cache = new Map<string, ReportTemplate>();

/**
 * Reads and checks a statistics template (data in templates/). A broken template is a
 * deployment error, so it throws with the file name rather than producing a wrong table.
 */
export function loadReportTemplate(
  templatesDir: string,
  fileName: string = DEFAULT_STATISTICS_TEMPLATE,
): ReportTemplate {
  const file = path.join(templatesDir, path.basename(fileName));
  const cached = cache.get(file);
  if (cached) return cached;
  const parsed = reportTemplateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`统计报表模板 ${fileName} 格式不正确：${parsed.error.message}`);
  const problem = checkTemplate(parsed.data);
  if (problem) throw new Error(`统计报表模板 ${fileName}：${problem}`);
  cache.set(file, parsed.data);
  return parsed.data;
}
