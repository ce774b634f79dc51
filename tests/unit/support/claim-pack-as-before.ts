import type { Db } from '../../../db/connection.js';
import { getMediators } from '../../../db/cases/mediator-queries.js';
import { getRoomSettings } from '../../../db/room-settings-queries.js';
import {
  claimCaseRows,
  disputeIdentitiesAround,
  identityOfClaimRow,
} from '../../../db/subsidy/claim-case-query.js';
import { buildClaimPack, type ClaimCase } from '../../../domain/subsidy/claim-pack.js';
import type { SubsidyRules } from '../../../domain/subsidy/subsidy-rules.js';
import type { SubsidyClaimPack } from '../../../domain/subsidy/subsidy-views.js';
import type { Period } from '../../../domain/statistics/period.js';
import {
  claimVolumes,
  duplicatesAmong,
  toClaimCase,
  windowStart,
} from '../../../electron/services/subsidy-claim-cases.js';

/**
 * The oracle of the one-pass packs: one mediator's pack computed the way `subsidy.claimPack` did
 * before the room's year was read in one pass (53ce8d8) — that mediator's cases read alone, the
 * same-dispute check over what their own parties' look-up finds in the ledger.
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
  const rows = claimCaseRows(db, period, rules.id, mediatorId);
  const volumes = claimVolumes(db, rows);
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
      disputeIdentitiesAround(db, rows.map(identityOfClaimRow), {
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
