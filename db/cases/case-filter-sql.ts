/**
 * Whose cases a list holds (domain.md §7.3, decided in electron/services/case-scope.ts): null
 * the whole room; otherwise the cases assigned to one mediator profile, none when the profile
 * is null (a mediator account nobody linked yet).
 */
export type CaseFilter = { readonly mediatorId: number | null } | null;

/** A list a 登记员 sees too: or the cases one account registered (case_file.registrar_account_id). */
export type CaseListFilter = CaseFilter | { readonly registrarAccountId: number };

/**
 * The filter as a condition on a case id column, with its parameter. A lookup per row in
 * case_mediator's key (case_id, mediator_id), the same as the ledger's mediator filter.
 */
export function caseFilterSql(
  filter: CaseListFilter,
  caseIdColumn: string,
): { readonly sql: string; readonly params: Record<string, number> } {
  if (filter === null) return { sql: '1', params: {} };
  if ('registrarAccountId' in filter) {
    // The registrar's cases read from their index (a 登记员 registers a few hundred a year),
    // not a lookup of every listed row's case.
    return {
      sql: `${caseIdColumn} IN (SELECT scope_c.id FROM case_file scope_c
                                 WHERE scope_c.registrar_account_id = @scopeRegistrar)`,
      params: { scopeRegistrar: filter.registrarAccountId },
    };
  }
  if (filter.mediatorId === null) return { sql: '0', params: {} };
  return {
    sql: `EXISTS (SELECT 1 FROM case_mediator scope_m
                   WHERE scope_m.case_id = ${caseIdColumn} AND scope_m.mediator_id = @scopeMediator)`,
    params: { scopeMediator: filter.mediatorId },
  };
}
