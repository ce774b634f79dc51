import fs from 'node:fs';
import path from 'node:path';
import { parseBackupName } from '../../../db/backup-rotation.js';
import type { AuditPage } from '../../../domain/api/audit-contract.js';
import type { SystemStatus } from '../../../domain/api/system-contract.js';
import type { AuditEntryView, AuditVerification } from '../../../domain/audit/audit-views.js';
import type { AppCore } from '../../../electron/core/app-core.js';
import { ok } from './envelope.js';

/** What the conversion tests look at through the API and in the room's folder. */

export const statusOf = (core: AppCore) => ok<SystemStatus>(core.dispatch('system.status', {}));

export async function entriesOf(core: AppCore, action: string): Promise<readonly AuditEntryView[]> {
  return (await ok<AuditPage>(core.dispatch('audit.list', { action }))).entries;
}

export async function verified(core: AppCore): Promise<AuditVerification> {
  return ok<AuditVerification>(core.dispatch('audit.verify', {}));
}

/** The conversion's plain copies in the room's backups/ folder, by name. */
export function plainCopies(dataDir: string): string[] {
  const dir = path.join(dataDir, 'backups');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => parseBackupName(n)?.slot.startsWith('plain-to-encrypted-'))
    .sort();
}
