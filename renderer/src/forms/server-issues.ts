import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';

/**
 * Puts the main process's field-level BAD_INPUT issues next to the fields they concern.
 * Returns false when the error was not about fields (the caller then shows the message).
 */
export function showServerIssues(
  form: FormInstance,
  error: unknown,
  stripPrefix: readonly string[] = [],
): boolean {
  if (!(error instanceof ApiCallError) || error.code !== 'BAD_INPUT' || !error.issues) return false;
  const fields = error.issues
    .filter((issue) => stripPrefix.every((part, i) => issue.path[i] === part))
    .map((issue) => ({ name: issue.path.slice(stripPrefix.length), errors: [issue.message] }))
    .filter((field) => field.name.length > 0);
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
