import type { HolidayCalendar } from '../../domain/agreements/agreement-views.js';
import type { Db } from '../connection.js';

/** The single holiday-calendar row; version 0 means "never saved" (empty calendar). */
export function getHolidayCalendar(db: Db): HolidayCalendar {
  const row = db.prepare('SELECT * FROM holiday_calendar WHERE id = 1').get() as
    | { holidays_json: string; make_up_workdays_json: string; version: number; updated_at: string }
    | undefined;
  if (!row) return { holidays: [], makeUpWorkdays: [], version: 0, updatedAt: null };
  return {
    holidays: JSON.parse(row.holidays_json) as string[],
    makeUpWorkdays: JSON.parse(row.make_up_workdays_json) as string[],
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** False when `expectedVersion` is stale (someone else saved first). */
export function saveHolidayCalendar(
  db: Db,
  values: { holidays: readonly string[]; makeUpWorkdays: readonly string[] },
  expectedVersion: number,
  now: string,
): boolean {
  const holidays = JSON.stringify(values.holidays);
  const makeUp = JSON.stringify(values.makeUpWorkdays);
  if (expectedVersion === 0) {
    return (
      db
        .prepare(
          `INSERT INTO holiday_calendar (id, holidays_json, make_up_workdays_json, created_at, updated_at)
           VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        )
        .run(holidays, makeUp, now, now).changes === 1
    );
  }
  return (
    db
      .prepare(
        `UPDATE holiday_calendar SET holidays_json = ?, make_up_workdays_json = ?,
           version = version + 1, updated_at = ? WHERE id = 1 AND version = ?`,
      )
      .run(holidays, makeUp, now, expectedVersion).changes === 1
  );
}
