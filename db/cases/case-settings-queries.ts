import type { CaseSettings } from '../../domain/cases/case-views.js';
import type { CaseSettingsValues } from '../../domain/cases/ledger-inputs.js';
import { DEFAULT_RECORD_GRACE_DAYS } from '../../domain/cases/record-dates.js';
import * as ethnicGroups from '../../domain/taxonomy/ethnic-groups.js';
import * as riskLevels from '../../domain/taxonomy/risk-levels.js';
import { writeEthnicExtensions } from '../code-tables.js';
import type { Db } from '../connection.js';

const defaults = (): CaseSettings => ({
  dueDays: {
    LOW: riskLevels.defaultDueDaysOf('LOW'),
    MEDIUM: riskLevels.defaultDueDaysOf('MEDIUM'),
    HIGH: riskLevels.defaultDueDaysOf('HIGH'),
    CRITICAL: riskLevels.defaultDueDaysOf('CRITICAL'),
  },
  ethnicExtensions: ethnicGroups.DEFAULT_EXTENSIONS,
  recordGraceDays: DEFAULT_RECORD_GRACE_DAYS,
  version: 0,
  updatedAt: '',
});

/** The defaults of §4.3 (30 days, PMR-2002 Art. 33) until the room saves its own. */
export function getCaseSettings(db: Db): CaseSettings {
  const row = db.prepare('SELECT * FROM case_settings WHERE id = 1').get() as
    | {
        due_days_json: string;
        ethnic_extensions_json: string;
        record_grace_days: number;
        version: number;
        updated_at: string;
      }
    | undefined;
  if (!row) return defaults();
  return {
    dueDays: JSON.parse(row.due_days_json) as CaseSettings['dueDays'],
    ethnicExtensions: JSON.parse(row.ethnic_extensions_json) as CaseSettings['ethnicExtensions'],
    recordGraceDays: row.record_grace_days,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Null when someone saved since `expectedVersion`. Runs inside the caller's transaction. */
export function saveCaseSettings(
  db: Db,
  v: CaseSettingsValues,
  nowIso: string,
): CaseSettings | null {
  const current = getCaseSettings(db);
  if (current.version !== v.expectedVersion) return null;
  const due = JSON.stringify(v.dueDays);
  const ext = JSON.stringify(v.ethnicExtensions);
  // Absent from an older caller: keep what the room set.
  const grace = v.recordGraceDays ?? current.recordGraceDays;
  if (current.version === 0) {
    db.prepare(
      `INSERT INTO case_settings (id, due_days_json, ethnic_extensions_json, record_grace_days,
         version, created_at, updated_at)
       VALUES (1, ?, ?, ?, 1, ?, ?)`,
    ).run(due, ext, grace, nowIso, nowIso);
  } else {
    db.prepare(
      `UPDATE case_settings SET due_days_json = ?, ethnic_extensions_json = ?,
         record_grace_days = ?, version = version + 1, updated_at = ? WHERE id = 1`,
    ).run(due, ext, grace, nowIso);
  }
  writeEthnicExtensions(db, v.ethnicExtensions);
  return getCaseSettings(db);
}
