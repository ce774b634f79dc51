import type { ClaimCaseRow, PeriodCaseRow } from '../../db/subsidy/claim-case-query.js';
import type { ClaimCase } from '../../domain/subsidy/claim-pack.js';
import { CASE_STATES } from '../../domain/case-states.js';
import { OUTCOMES } from '../../domain/statistics/counting-rules.js';
import { VOLUME_DOCUMENTS, type VolumeDocument } from '../../domain/subsidy/subsidy-rules.js';
import * as caseSources from '../../domain/taxonomy/case-sources.js';
import * as disputeCategories from '../../domain/taxonomy/dispute-categories.js';
import * as riskLevels from '../../domain/taxonomy/risk-levels.js';

/**
 * The claim summary's payload as stored (logic version 2): what the period's packs take of a case
 * and its volume's verdict, values in a fixed order. A year is 22,000 payloads read and parsed on
 * every pack, the first call of a freshly opened core included, so a payload holds only what a
 * pack uses: not the volume's ending, the printed kinds or the party ids (the volume judge's
 * inputs: its verdict is stored), and the taxonomy codes as numbers, so a year's parse makes a
 * few strings a case instead of two dozen (version 1: ~430 characters and ~28 strings a case).
 */
export type StoredSummary = [
  caseId: number,
  caseNumber: string | null,
  title: string,
  category: Word,
  subtype: string | null,
  source: Word,
  riskLevel: Word,
  riskFactors: readonly string[],
  isDifficult: boolean,
  amountClaimedFen: number | null,
  intakeDate: string,
  acceptedDate: string | null,
  status: Word,
  outcome: Word | null,
  outcomeDate: string | null,
  agreementAmountFen: number,
  persons: number,
  sessions: number,
  mediatorIds: readonly number[],
  inCountyRegister: boolean | null,
  crossArea: boolean,
  oralAttendanceProven: boolean,
  confirmedTierCode: string | null,
  confirmedReason: string | null,
  /** ID number, name and phone of each party in order. */
  parties: (string | null)[],
  complete: boolean,
  problems: readonly string[],
  /** A bit per document of PRESENT_ORDER, or the list when one is not there. */
  present: number | readonly string[],
];

/** A code stored as its place in WORDS, or as itself when it is not there. */
type Word = number | string;

/**
 * Codes stored by number: their place in this list. Stored payloads decode through it, so any
 * change to it (a taxonomy code added, removed or moved) needs a new logic version; the list's
 * fingerprint is frozen in `claim-summary-payload.test.ts` to say so. A code not in it is stored
 * as itself.
 */
const WORDS: readonly string[] = [
  ...new Set<string>([
    ...CASE_STATES,
    ...OUTCOMES,
    ...disputeCategories.rows.map((r) => r.code),
    ...caseSources.rows.map((r) => r.code),
    ...riskLevels.rows.map((r) => r.code),
  ]),
];
const WORD_AT = new Map(WORDS.map((word, at) => [word, at]));

/** The documents of `present`'s bits, in bit order (frozen with WORDS). */
const PRESENT_ORDER: readonly VolumeDocument[] = VOLUME_DOCUMENTS;

/** What the stored codes decode through, for the test that freezes them. */
export const STORED_CODE_LISTS = { words: WORDS, present: PRESENT_ORDER } as const;

function wordOf(code: string): Word {
  return WORD_AT.get(code) ?? code;
}

function codeOf(word: Word): string {
  return typeof word === 'number' ? (WORDS[word] as string) : word;
}

function isWord(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && WORDS[value] !== undefined);
}

/** The bits of `present` when every document has one (in PRESENT_ORDER's order, as judged). */
function presentBits(present: readonly VolumeDocument[]): number | readonly string[] {
  let bits = 0;
  let last = -1;
  for (const document of present) {
    const at = PRESENT_ORDER.indexOf(document);
    // Out of order or unknown: the bits would give the list back in another order.
    if (at <= last) return present;
    bits |= 1 << at;
    last = at;
  }
  return bits;
}

// A volume's present documents are one of a few lists: one shared list per set of bits, as the
// pack only reads them (a year made 22,000 lists of the same dozen).
const presentLists = new Map<number, readonly VolumeDocument[]>();

function presentOf(stored: number | readonly string[]): readonly VolumeDocument[] {
  if (typeof stored !== 'number') return stored as readonly VolumeDocument[];
  let list = presentLists.get(stored);
  if (list === undefined) {
    list = Object.freeze(PRESENT_ORDER.filter((_, i) => (stored & (1 << i)) !== 0));
    presentLists.set(stored, list);
  }
  return list;
}

export function storedSummaryOf(r: ClaimCaseRow, v: ClaimCase['volume']): StoredSummary {
  const parties: (string | null)[] = [];
  for (const p of r.parties) parties.push(p.idNumber, p.name, p.phone);
  return [
    r.caseId,
    r.caseNumber,
    r.title,
    wordOf(r.category),
    r.subtype,
    wordOf(r.source),
    wordOf(r.riskLevel),
    r.riskFactors,
    r.isDifficult,
    r.amountClaimedFen,
    r.intakeDate,
    r.acceptedDate,
    wordOf(r.status),
    r.outcome === null ? null : wordOf(r.outcome),
    r.outcomeDate,
    r.agreementAmountFen,
    r.persons,
    r.sessions,
    r.mediatorIds,
    r.inCountyRegister,
    r.crossArea,
    r.oralAttendanceProven,
    r.confirmedTierCode,
    r.confirmedReason,
    parties,
    v.complete,
    v.problems,
    presentBits(v.present),
  ];
}

const isArray = Array.isArray as (value: unknown) => value is unknown[];

/**
 * Whether a parsed payload has the stored shape of case `caseId` (what `summaryOfStored` relies
 * on). Values are not checked here: the audit's verify recomputes every row and compares.
 */
export function isStoredSummary(value: unknown, caseId: number): value is StoredSummary {
  if (!isArray(value) || value.length !== 28 || value[0] !== caseId) return false;
  const parties = value[24];
  const present = value[27];
  return (
    isWord(value[3]) &&
    isWord(value[5]) &&
    isWord(value[6]) &&
    isWord(value[12]) &&
    (value[13] === null || isWord(value[13])) &&
    isArray(value[7]) &&
    isArray(value[18]) &&
    isArray(parties) &&
    parties.length % 3 === 0 &&
    isArray(value[26]) &&
    (typeof present === 'number' || isArray(present))
  );
}

/** The row and the volume a stored summary holds (the row's parties made here, one per party). */
export function summaryOfStored(s: StoredSummary): [PeriodCaseRow, ClaimCase['volume']] {
  const flat = s[24];
  const parties: PeriodCaseRow['parties'][number][] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    parties.push({
      idNumber: flat[i] as string | null,
      name: flat[i + 1] as string,
      phone: flat[i + 2] as string,
    });
  }
  const row: PeriodCaseRow = {
    caseId: s[0],
    caseNumber: s[1],
    title: s[2],
    category: codeOf(s[3]),
    subtype: s[4],
    source: codeOf(s[5]),
    riskLevel: codeOf(s[6]),
    riskFactors: s[7],
    isDifficult: s[8],
    amountClaimedFen: s[9],
    intakeDate: s[10],
    acceptedDate: s[11],
    status: codeOf(s[12]),
    outcome: s[13] === null ? null : (codeOf(s[13]) as PeriodCaseRow['outcome']),
    outcomeDate: s[14],
    agreementAmountFen: s[15],
    persons: s[16],
    sessions: s[17],
    mediatorIds: s[18],
    inCountyRegister: s[19],
    crossArea: s[20],
    oralAttendanceProven: s[21],
    confirmedTierCode: s[22],
    confirmedReason: s[23],
    parties,
  };
  return [row, { complete: s[25], problems: s[26], present: presentOf(s[27]) }];
}
