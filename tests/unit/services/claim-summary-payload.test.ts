import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ClaimCaseRow } from '../../../db/subsidy/claim-case-query.js';
import type { ClaimCase } from '../../../domain/subsidy/claim-pack.js';
import {
  isStoredSummary,
  STORED_CODE_LISTS,
  storedSummaryOf,
  summaryOfStored,
} from '../../../electron/services/claim-summary-payload.js';
import { CLAIM_SUMMARY_LOGIC_VERSION } from '../../../electron/services/subsidy-claim-cases.js';

/**
 * The claim summary's payload (logic version 2) stores taxonomy codes by their place in a list
 * and the papers present as bits. What a pack takes must come back exactly, the fallbacks too (a
 * code not in the list, papers in another order), and the lists must not move under stored rows.
 */

const ROW: ClaimCaseRow = {
  caseId: 7,
  caseNumber: '（2025）格调字第7号',
  title: '院墙纠纷',
  category: 'NEIGHBOUR',
  subtype: null,
  source: 'ENTRUSTED_POLICE',
  riskLevel: 'HIGH',
  riskFactors: ['MANY_PARTIES'],
  isDifficult: true,
  amountClaimedFen: 400_000,
  intakeDate: '2025-03-01',
  acceptedDate: '2025-03-02',
  status: 'ARCHIVED',
  outcome: 'SUCCESS_WRITTEN',
  outcomeDate: '2025-04-01',
  agreementAmountFen: 300_000,
  persons: 3,
  sessions: 2,
  ending: 'SETTLED_WRITTEN',
  mediatorIds: [2, 5],
  inCountyRegister: null,
  crossArea: false,
  oralAttendanceProven: true,
  confirmedTierCode: 'DIFFICULT',
  confirmedReason: '案情复杂',
  printedKinds: ['APPLICATION', 'CLOSING_REPORT'],
  parties: [
    { partyId: 11, idNumber: '632801198001011020', name: '祁学明', phone: '13800000020' },
    { partyId: 12, idNumber: null, name: '韩永贵', phone: '无' },
  ],
};

const VOLUME: ClaimCase['volume'] = {
  complete: false,
  problems: ['尚未打印权利义务告知书'],
  present: ['APPLICATION_OR_REGISTER', 'SESSION_RECORD', 'CLOSING_REPORT'],
};

/** Stored and read back as a pack reads it. */
function roundTrip(row: ClaimCaseRow, volume: ClaimCase['volume']) {
  const text = JSON.stringify(storedSummaryOf(row, volume));
  const parsed = JSON.parse(text) as unknown;
  if (!isStoredSummary(parsed, row.caseId)) throw new Error(`not a stored summary: ${text}`);
  return { text, summary: summaryOfStored(parsed) };
}

/** What the packs take of a claim row: all but the volume judge's own inputs. */
function packPart(row: ClaimCaseRow) {
  const { ending: _ending, printedKinds: _printed, parties, ...rest } = row;
  return {
    ...rest,
    parties: parties.map(({ idNumber, name, phone }) => ({ idNumber, name, phone })),
  };
}

describe('the claim summary payload', () => {
  it('gives back what a pack takes, with codes as numbers and the papers as bits', () => {
    const { text, summary } = roundTrip(ROW, VOLUME);
    expect(summary).toEqual([packPart(ROW), VOLUME]);
    expect(text).not.toContain('NEIGHBOUR');
    expect(text).not.toContain('SESSION_RECORD');
    expect(text).not.toContain('SETTLED_WRITTEN');
    // One list per set of papers, shared by every case that has it.
    expect(roundTrip({ ...ROW, caseId: 8 }, VOLUME).summary[1].present).toBe(summary[1].present);
  });

  it('stores a code not in the list, and papers out of order, as themselves', () => {
    const row = { ...ROW, category: 'NEW_CATEGORY', status: 'NEW_STATE', outcome: null };
    const volume = { ...VOLUME, present: ['SESSION_RECORD', 'APPLICATION_OR_REGISTER'] as const };
    const { text, summary } = roundTrip(row, volume);
    expect(text).toContain('NEW_CATEGORY');
    expect(summary).toEqual([packPart(row), volume]);
  });

  it('a payload whose number names no code is not a stored summary (the pack recomputes it)', () => {
    const payload = storedSummaryOf(ROW, VOLUME) as unknown[];
    expect(isStoredSummary(JSON.parse(JSON.stringify(payload)), 7)).toBe(true);
    expect(isStoredSummary(JSON.parse(JSON.stringify(payload)), 8)).toBe(false);
    payload[3] = STORED_CODE_LISTS.words.length;
    expect(isStoredSummary(JSON.parse(JSON.stringify(payload)), 7)).toBe(false);
  });

  // Stored rows of this logic version decode through these lists: a taxonomy code added,
  // removed or moved changes them, and needs CLAIM_SUMMARY_LOGIC_VERSION bumped (with a new
  // frozen file, see subsidy-claim-packs.test.ts) and the fingerprint below made anew.
  it('the code lists stay as this logic version stored them', () => {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(STORED_CODE_LISTS))
      .digest('hex');
    expect({ version: CLAIM_SUMMARY_LOGIC_VERSION, fingerprint }).toEqual({
      version: 2,
      fingerprint: '82039c39ba8e40e6a1a0f5679d18ad86deec497af1173467de8a8d3d483f56bb',
    });
  });
});
