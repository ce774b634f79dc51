import type { Db } from '../../../db/connection.js';
import {
  insertCase,
  insertParty,
  recordHistory,
  setCaseMediators,
  setCaseState,
} from '../../../db/cases/case-writes.js';
import type { PartyValues } from '../../../domain/cases/party-input.js';
import type { SessionValues } from '../../../domain/cases/record-inputs.js';
import { PNG_BYTES } from '../followups/followup-fixtures.js';

/** Cases and records written straight into a ledger for the claim-pack tests. */

const NOW = '2026-04-10T02:00:00.000Z';

/** A settled case of `lead` with these parties, accepted and settled on the days given. */
export function settledCase(
  db: Db,
  c: { lead: number; parties: readonly PartyValues[]; accepted: string; settled: string },
): number {
  const id = insertCase(
    db,
    {
      title: '院墙纠纷',
      intakeDate: c.accepted,
      source: 'ON_APPLICATION',
      category: 'NEIGHBOUR',
      subtype: null,
      summary: '双方因院墙发生争执。',
      requests: ['请求调解'],
      riskLevel: 'LOW',
      riskFactors: [],
      preventionFlags: [],
      isDifficult: false,
      amountClaimedFen: null,
      remarks: null,
    },
    'INTAKE',
    NOW,
  );
  setCaseMediators(db, id, [c.lead]);
  for (const party of c.parties) insertParty(db, id, party, NOW);
  setCaseState(db, id, 'SETTLED_WRITTEN', { acceptedDate: c.accepted });
  recordHistory(db, {
    caseId: id,
    from: 'MEDIATING',
    to: 'SETTLED_WRITTEN',
    action: 'SETTLE_WRITTEN',
    data: { action: 'SETTLE_WRITTEN' },
    at: `${c.settled}T02:00:00.000Z`,
    actor: '本机用户',
  });
  return id;
}

/** A session of `day` (09:30–11:00) held by `mediatorId`, to continue. */
export function plainSession(day: string, mediatorId: number): SessionValues {
  return {
    startAt: `${day}T09:30`,
    endAt: `${day}T11:00`,
    place: '调解室',
    subject: null,
    partyIdsPresent: [],
    mediatorIds: [mediatorId],
    recorder: '李明',
    participants: [],
    interpreter: null,
    isPublic: false,
    recordMode: 'SIMPLE',
    content: '调解员告知双方权利义务。',
    result: 'CONTINUE',
    readBackConfirmed: true,
  };
}

/** A print-register row of the case's paper `kind` (the bytes are a stand-in). */
export function printOf(caseId: number, kind: string) {
  return {
    caseId,
    kind,
    recordKey: 'case',
    issuesJson: '[]',
    contentSha256: 'c'.repeat(64),
    templateId: kind.toLowerCase(),
    templateVersion: 1,
    fileName: `${kind}.pdf`,
    pdf: PNG_BYTES,
    pdfSha256: 'd'.repeat(64),
    verificationCode: 'TEST',
    createdBy: '本机用户',
  };
}
