import type { CaseState } from '../../domain/case-lifecycle.js';
import type { DuplicateCase } from '../../domain/cases/case-views.js';
import type { Db } from '../connection.js';

/** Closed states: a dispute that ended long ago is not "未结". */
const NOT_OPEN_SQL = `('REJECTED', 'CLOSED', 'ARCHIVED')`;

interface Hit {
  caseId: number;
  caseNumber: string | null;
  title: string;
  status: CaseState;
  partyName: string;
}

/** Open cases with a party of this ID number, or of this exact name and phone. */
export function findOpenCasesOfParty(
  db: Db,
  probe: { idNumber: string | null; name: string | null; phone: string | null },
  excludeCaseId: number | null,
): DuplicateCase[] {
  const found = new Map<number, DuplicateCase>();
  const base = `SELECT DISTINCT c.id AS caseId, c.case_number AS caseNumber, c.title, c.status,
      p.name AS partyName
    FROM party p JOIN case_file c ON c.id = p.case_id
    WHERE c.status NOT IN ${NOT_OPEN_SQL} AND c.id IS NOT @exclude`;
  if (probe.idNumber !== null) {
    const hits = db
      .prepare(`${base} AND p.id_number = @id ORDER BY c.id DESC LIMIT 50`)
      .all({ id: probe.idNumber, exclude: excludeCaseId }) as Hit[];
    for (const h of hits) found.set(h.caseId, { ...h, matchedBy: 'ID_NUMBER' });
  }
  if (probe.name !== null && probe.phone !== null) {
    const hits = db
      .prepare(`${base} AND p.name = @name AND p.phone = @phone ORDER BY c.id DESC LIMIT 50`)
      .all({ name: probe.name, phone: probe.phone, exclude: excludeCaseId }) as Hit[];
    for (const h of hits)
      if (!found.has(h.caseId)) found.set(h.caseId, { ...h, matchedBy: 'NAME_AND_PHONE' });
  }
  return [...found.values()];
}
