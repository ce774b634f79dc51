/**
 * Who may make the identified (full) ledger export. User accounts and roles (the trust issue)
 * do not exist yet: every local user may, after typing the confirmation sentence, and every
 * such export is recorded in the export register. The trust issue binds THIS function to the
 * roles of domain §7.3 (主任 / 管理员); nothing else decides it.
 */
export interface ExportActor {
  readonly name: string;
}

export function mayExportIdentifiedLedger(actor: ExportActor): boolean {
  return actor.name.length > 0;
}
