import type { FormInstance } from 'antd';
import type { FieldIssue } from '../../../domain/api/errors';
import { ApiCallError } from '../api/client';

type Path = readonly (string | number)[];

const key = (path: Path) => path.join('\u0000');

/**
 * Puts issues (from a local zod parse or the server's BAD_INPUT) next to the fields they name,
 * trying the path and then its parents, since the schema sometimes reports an object (the phone
 * pair, the ID document) where the form shows one box. Returns the issues no field could show,
 * so the caller can list them instead of losing them.
 */
export function applyFieldIssues(
  form: FormInstance,
  issues: readonly FieldIssue[],
  stripPrefix: Path = [],
): FieldIssue[] {
  const registered = new Map(
    form.getFieldsError().map((f) => [key(f.name as Path), f.name as (string | number)[]]),
  );
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    if (!stripPrefix.every((part, i) => issue.path[i] === part)) continue;
    let path = issue.path.slice(stripPrefix.length);
    let name: (string | number)[] | undefined;
    while (path.length > 0 && name === undefined) {
      name = registered.get(key(path));
      path = path.slice(0, -1);
    }
    if (name === undefined) {
      unplaced.push(issue);
      continue;
    }
    const entry = byField.get(key(name)) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key(name), entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}

/** The field issues of a BAD_INPUT answer, or null for any other failure. */
export function badInputIssues(error: unknown): readonly FieldIssue[] | null {
  return error instanceof ApiCallError && error.code === 'BAD_INPUT' && error.issues
    ? error.issues
    : null;
}
