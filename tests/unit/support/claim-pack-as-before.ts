import type { Db } from '../../../db/connection.js';
import { getMediators } from '../../../db/cases/mediator-queries.js';
import { getRoomSettings } from '../../../db/room-settings-queries.js';
import { identityOfClaimRow } from '../../../db/subsidy/claim-case-query.js';
import { buildClaimPack, type ClaimCase } from '../../../domain/subsidy/claim-pack.js';
import type { SubsidyRules } from '../../../domain/subsidy/subsidy-rules.js';
import type { SubsidyClaimPack } from '../../../domain/subsidy/subsidy-views.js';
import type { Period } from '../../../domain/statistics/period.js';
import { claimVolumeOf } from '../../../domain/subsidy/volume-evidence.js';
import { volumeChecklist } from '../../../domain/volume/volume-checklist.js';
import {
  duplicatesAmong,
  toClaimCase,
  windowStart,
} from '../../../electron/services/subsidy-claim-cases.js';
import {
  claimCaseRowsAsBefore,
  disputeIdentitiesAroundAsBefore,
  volumeFactsOfCasesAsBefore,
} from './claim-reads-as-before.js';

/**
 * The oracle of the one-pass packs: one mediator's pack computed the way `subsidy.claimPack` did
 * before the room's year was read in one pass (53ce8d8) — that mediator's cases read alone with
 * the reads of then (`claim-reads-as-before.ts`), the same-dispute check over what their own
 * parties' look-up finds in the ledger.
 */
export function claimPackAsBefore(
  db: Db,
  rules: SubsidyRules,
  period: Period,
  mediatorId: number,
): SubsidyClaimPack {
  const room = getRoomSettings(db);
  const mediator = getMediators(db, [mediatorId])[0];
  if (!room || !mediator) throw new Error('room or mediator missing');
  const rows = claimCaseRowsAsBefore(db, period, rules.id, mediatorId);
  const facts = volumeFactsOfCasesAsBefore(
    db,
    rows.map((r) => r.caseId),
  );
  const volumes = rows.map((row) => {
    const f = facts.get(row.caseId);
    if (!f) throw new Error(`volume facts missing for case ${row.caseId}`);
    return claimVolumeOf(volumeChecklist(f), row.printedKinds);
  });
  const pack = buildClaimPack({
    rules,
    committeeLevel: room.organisationType,
    periodStart: period.start,
    periodEnd: period.end,
    mediator: {
      id: mediator.id,
      name: mediator.name,
      filed: mediator.profile.filingStatus === 'FILED',
    },
    cases: rows
      .map((row, i) => toClaimCase(row, volumes[i] as ClaimCase['volume']))
      .filter((c): c is ClaimCase => c !== null),
    duplicates: duplicatesAmong(
      disputeIdentitiesAroundAsBefore(db, rows.map(identityOfClaimRow), {
        start: windowStart(rules, period.start),
        end: period.end,
      }),
      rules,
    ),
  });
  return {
    ...pack,
    periodKey: period.key,
    periodLabel: period.label,
    committeeName: room.committeeName,
  };
}
