const isoToMs = (column: string) =>
  `CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`;

/**
 * A case's version for the county merge: the last change to the case, its parties, its
 * agreements, its follow-up visits or its judicial confirmation (履行 and 司法确认 come from
 * those), in Unix ms (the last three keep ISO text).
 */
export const CASE_VERSION = `max(c.updated_at,
  coalesce((SELECT max(p.updated_at) FROM party AS p WHERE p.case_id = c.id), 0),
  coalesce((SELECT max(${isoToMs('a.updated_at')}) FROM agreement AS a WHERE a.case_id = c.id), 0),
  coalesce((SELECT max(${isoToMs('f.updated_at')}) FROM followup AS f WHERE f.case_id = c.id), 0),
  coalesce((SELECT max(${isoToMs('j.updated_at')})
              FROM judicial_confirmation AS j WHERE j.case_id = c.id), 0))`;
