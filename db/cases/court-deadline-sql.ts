import { COURT_DAYS, COURT_EXTENSION_DAYS } from '../../domain/cases/court-deadline.js';

/**
 * The court's deadline of a delegated case in SQL, as `courtDeadline()` works it out: the day
 * received + 30, + 30 more once the court consented. For the ledger filter and the reminders,
 * which must not read every court case into JavaScript to compare dates.
 */
export const courtDueSql = (alias: string): string =>
  `date(${alias}.court_received_on, CASE WHEN ${alias}.court_extended_on IS NULL
     THEN '+${COURT_DAYS} days' ELSE '+${COURT_DAYS + COURT_EXTENSION_DAYS} days' END)`;

/** The most days between receipt and deadline: bounds an index range on the day received. */
export const COURT_MAX_DAYS = COURT_DAYS + COURT_EXTENSION_DAYS;

/**
 * States in which the room still owes the court a result (the case page's "open": not yet
 * accepted, or awaiting an outcome — a referred case may come back).
 */
export const COURT_OPEN_STATES_SQL = `('INTAKE', 'ACCEPTED', 'INVESTIGATING', 'MEDIATING', 'REFERRED')`;
