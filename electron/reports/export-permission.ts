import type { Role } from '../../domain/accounts/roles.js';

/**
 * Who may make the identified (full, not pseudonymised) 台账 export: the director only
 * (domain.md §7.3, §7.6), after typing the confirmation sentence; every such export is recorded
 * in the export register and the audit chain. Statisticians get the pseudonymised one.
 */
export interface ExportActor {
  readonly role: Role | null;
}

export function mayExportIdentifiedLedger(actor: ExportActor): boolean {
  return actor.role === 'DIRECTOR';
}
