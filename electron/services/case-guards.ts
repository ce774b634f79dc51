import type { Db } from '../../db/connection.js';
import { codeExists } from '../../db/code-tables.js';
import { getMediators } from '../../db/cases/mediator-queries.js';
import { ApiError, type FieldIssue } from '../../domain/api/errors.js';
import type { PartyValues } from '../../domain/cases/party-input.js';
import type { CaseDates } from '../../domain/cases/record-dates.js';
import { getCaseSettings } from '../../db/cases/case-settings-queries.js';

/**
 * Checks that need the ledger (configured codes, the mediator list); the schemas have already
 * checked everything that does not. Each failure names the field, like a schema issue would.
 */

export function badInput(message: string, path: readonly (string | number)[]): ApiError {
  const issues: FieldIssue[] = [{ path, message }];
  return new ApiError('BAD_INPUT', message, issues);
}

export function checkEthnicities(
  db: Db,
  parties: readonly PartyValues[],
  path: (index: number) => readonly (string | number)[],
): void {
  parties.forEach((p, i) => {
    if (p.kind === 'NATURAL' && !codeExists(db, 'ethnic_group', p.ethnicity)) {
      throw badInput('民族不在可选范围内', [...path(i), 'ethnicity']);
    }
  });
}

/**
 * Every listed id must be a mediator on file; `mustMediate` adds PML 13 (§6.9 ERROR): only an
 * active registered 人民调解员 may host a session.
 */
export function checkMediators(
  db: Db,
  ids: readonly number[],
  path: readonly (string | number)[],
  mustMediate: boolean,
): void {
  if (ids.length === 0) return;
  const found = new Map(getMediators(db, ids).map((m) => [m.id, m]));
  for (const id of ids) {
    const m = found.get(id);
    if (!m) throw badInput('所选调解员不存在，请刷新后重新选择', path);
    if (mustMediate && !(m.active && m.isPeopleMediator)) {
      throw badInput(`“${m.name}”不是在岗的人民调解员，不能主持调解`, path);
    }
  }
}

/** The dates the record-date checks need (`domain/cases/record-dates.ts`), from the case row. */
export function caseDatesOf(
  db: Db,
  row: { readonly intake_date: string; readonly accepted_date: string | null },
  today: string,
): CaseDates {
  return {
    intakeDate: row.intake_date,
    acceptedDate: row.accepted_date,
    today,
    recordGraceDays: getCaseSettings(db).recordGraceDays,
  };
}
