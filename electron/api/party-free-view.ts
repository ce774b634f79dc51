import type { Role } from '../../domain/accounts/roles.js';
import type { ApiMethod } from '../../domain/api/contract.js';
import type { RestorePreview } from '../../domain/api/system-contract.js';
import type { MediatorWorkload } from '../../domain/cases/mediator-workload.js';

/**
 * The roles that see no case content (domain.md §7.3): 统计员 aggregates, 技术管理员 accounts,
 * backups and settings. A case's title is "<申请人>与<被申请人>…纠纷", so the few answers of
 * theirs that list cases keep the case number and drop the title.
 * `tests/unit/api/party-free-roles.test.ts` calls every method these roles may call on a seeded
 * ledger and fails on any party name, phone, address or ID number, or on a method not read.
 */
const PARTY_FREE: ReadonlySet<Role> = new Set<Role>(['STATISTICIAN', 'ADMIN']);

export function partyFreeView(role: Role, method: ApiMethod, value: unknown): unknown {
  if (!PARTY_FREE.has(role)) return value;
  switch (method) {
    case 'mediators.workload': {
      const workload = value as MediatorWorkload;
      return { ...workload, outcomes: workload.outcomes.map((o) => ({ ...o, title: null })) };
    }
    case 'system.restorePreview':
    case 'system.unlockBackup': {
      const preview = value as RestorePreview;
      const lost = preview.lostCases;
      if (!lost) return preview;
      return {
        ...preview,
        lostCases: { ...lost, sample: lost.sample.map((c) => ({ ...c, title: null })) },
      };
    }
    default:
      return value;
  }
}
