import { ApiError } from '../api/errors';

/**
 * An archived case is read-only (一案一卷, §4.8). The ledger refuses the write itself (triggers
 * of migration 014 raise `CASE_ARCHIVED`); this turns that refusal into the API's error, so a
 * write path that forgot to check still answers with the same clear sentence.
 */
export const ARCHIVED_CASE_MESSAGE =
  '该案件已立卷归档，卷宗只读，不能再修改。如需更正，请在“卷宗”中追加情况说明';

export function archivedCaseError(error: unknown): ApiError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  return error.message === 'CASE_ARCHIVED'
    ? new ApiError('CASE_ARCHIVED', ARCHIVED_CASE_MESSAGE)
    : null;
}
