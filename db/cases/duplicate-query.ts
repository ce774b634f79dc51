import type { CaseState } from '../../domain/case-lifecycle.js';
import type { DuplicateCase } from '../../domain/cases/case-views.js';
import type { Db } from '../connection.js';

/** Closed states: a dispute that ended long ago is not "未结". */
const NOT_OPEN_SQL = `('REJECTED', 'CLOSED', 'ARCHIVED')`;

/** One party's identity as intake stores it (normalised); null where not known. */
export interface PartyProbe {
  readonly idNumber: string | null;
  readonly name: string | null;
  readonly phone: string | null;
}

interface Hit {
  ix: number;
  /** 0: by ID number; 1: by name and phone. */
  kind: 0 | 1;
  caseId: number;
  caseNumber: string | null;
  title: string;
  status: CaseState;
  partyName: string;
}

/**
 * For each probe, the open cases with a party of its ID number, or of its exact name and phone
 * (up to 50 of each, newest first). One statement for all the parties of an intake: the probes
 * go in as one JSON array, each looked up through the ID-number or phone index.
 */
const OPEN_CASES_OF_PARTIES_SQL = `
  WITH probe AS (
    SELECT key AS ix, value ->> 0 AS id_number, value ->> 1 AS name, value ->> 2 AS phone
      FROM json_each(@probes)
  ),
  hit AS (
    SELECT DISTINCT probe.ix, 0 AS kind, c.id AS caseId, c.case_number AS caseNumber, c.title,
        c.status, p.name AS partyName
      FROM probe JOIN party p ON p.id_number = probe.id_number
        JOIN case_file c ON c.id = p.case_id
      WHERE c.status NOT IN ${NOT_OPEN_SQL} AND c.id IS NOT @exclude
    UNION ALL
    SELECT DISTINCT probe.ix, 1, c.id, c.case_number, c.title, c.status, p.name
      FROM probe JOIN party p ON p.name = probe.name AND p.phone = probe.phone
        JOIN case_file c ON c.id = p.case_id
      WHERE c.status NOT IN ${NOT_OPEN_SQL} AND c.id IS NOT @exclude
  ),
  ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY ix, kind ORDER BY caseId DESC) AS n FROM hit
  )
  SELECT ix, kind, caseId, caseNumber, title, status, partyName FROM ranked
    WHERE n <= 50 ORDER BY ix, kind, caseId DESC`;

/** The open cases of each probe, in the probes' order; a case found by ID number first. */
export function findOpenCasesOfParties(
  db: Db,
  probes: readonly PartyProbe[],
  excludeCaseId: number | null,
): DuplicateCase[][] {
  const found = probes.map(() => new Map<number, DuplicateCase>());
  // A name alone (or a phone alone) finds nobody: both are needed for the second match.
  const asJson = probes.map((p) => [
    p.idNumber,
    p.name !== null && p.phone !== null ? p.name : null,
    p.name !== null && p.phone !== null ? p.phone : null,
  ]);
  if (asJson.every(([id, name]) => id === null && name === null)) return found.map(() => []);
  const hits = db
    .prepare(OPEN_CASES_OF_PARTIES_SQL)
    .all({ probes: JSON.stringify(asJson), exclude: excludeCaseId }) as Hit[];
  for (const { ix, kind, ...hit } of hits) {
    const cases = found[ix];
    if (!cases) continue;
    if (kind === 0) cases.set(hit.caseId, { ...hit, matchedBy: 'ID_NUMBER' });
    else if (!cases.has(hit.caseId)) cases.set(hit.caseId, { ...hit, matchedBy: 'NAME_AND_PHONE' });
  }
  return found.map((cases) => [...cases.values()]);
}
