/**
 * Whose cases a list holds (domain.md §7.3, decided in electron/services/case-scope.ts): null
 * the whole room; otherwise the cases assigned to one mediator profile, none when the profile
 * is null (a mediator account nobody linked yet).
 */
export type CaseFilter = { readonly mediatorId: number | null } | null;

/**
 * The filter as a condition on a case id column, with its parameter. A lookup per row in
 * case_mediator's key (case_id, mediator_id), the same as the ledger's mediator filter.
 */
export function caseFilterSql(
  filter: CaseFilter,
  caseIdColumn: string,
): { readonly sql: string; readonly params: Record<string, number> } {
  if (filter === null) return { sql: '1', params: {} };
  if (filter.mediatorId === null) return { sql: '0', params: {} };
  return {
    sql: `EXISTS (SELECT 1 FROM case_mediator scope_m
                   WHERE scope_m.case_id = ${caseIdColumn} AND scope_m.mediator_id = @scopeMediator)`,
    params: { scopeMediator: filter.mediatorId },
  };
}
