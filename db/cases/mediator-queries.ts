import type { Mediator } from '../../domain/cases/case-views.js';
import type { MediatorValues } from '../../domain/cases/ledger-inputs.js';
import {
  EMPTY_MEDIATOR_PROFILE,
  type MediatorProfile,
} from '../../domain/cases/mediator-profile.js';
import type { Db } from '../connection.js';

interface MediatorRow {
  id: number;
  name: string;
  is_people_mediator: number;
  languages_json: string;
  active: number;
  grade: MediatorProfile['grade'];
  filing_number: string | null;
  filing_status: MediatorProfile['filingStatus'];
  employment: MediatorProfile['employment'];
  profile_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: MediatorRow): Mediator => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  name: r.name,
  isPeopleMediator: r.is_people_mediator === 1,
  languages: JSON.parse(r.languages_json) as Mediator['languages'],
  active: r.active === 1,
  profile: {
    ...EMPTY_MEDIATOR_PROFILE,
    ...(JSON.parse(r.profile_json) as Partial<MediatorProfile>),
    grade: r.grade,
    filingNumber: r.filing_number,
    filingStatus: r.filing_status,
    employment: r.employment,
  },
});

/** The profile columns; the personal lines and trainings travel as one JSON value. */
function profileParams(p: MediatorProfile) {
  const { grade, filingNumber, filingStatus, employment, ...rest } = p;
  return {
    grade,
    filingNumber,
    filingStatus,
    employment,
    profileJson: JSON.stringify(rest),
  };
}

export function listMediators(db: Db, includeInactive: boolean): Mediator[] {
  return (
    db
      .prepare(`SELECT * FROM mediator ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY id`)
      .all() as MediatorRow[]
  ).map(fromRow);
}

export function getMediators(db: Db, ids: readonly number[]): Mediator[] {
  return (
    db
      .prepare('SELECT * FROM mediator WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as MediatorRow[]
  ).map(fromRow);
}

export type MediatorSaveOutcome =
  | { readonly ok: true; readonly mediator: Mediator }
  | { readonly ok: false; readonly reason: 'NOT_FOUND' | 'CONFLICT' };

export function saveMediator(db: Db, v: MediatorValues, nowIso: string): MediatorSaveOutcome {
  const params = {
    name: v.name,
    ipm: v.isPeopleMediator ? 1 : 0,
    langs: JSON.stringify(v.languages),
    active: v.active ? 1 : 0,
    now: nowIso,
  };
  let id: number;
  if (v.id === null) {
    id = Number(
      db
        .prepare(
          `INSERT INTO mediator (name, is_people_mediator, languages_json, active, version,
             created_at, updated_at) VALUES (@name, @ipm, @langs, @active, 1, @now, @now)`,
        )
        .run(params).lastInsertRowid,
    );
  } else {
    const changed = db
      .prepare(
        `UPDATE mediator SET name = @name, is_people_mediator = @ipm, languages_json = @langs,
           active = @active, version = version + 1, updated_at = @now
         WHERE id = @id AND version = @expected`,
      )
      .run({ ...params, id: v.id, expected: v.expectedVersion }).changes;
    if (changed !== 1) {
      const exists = db.prepare('SELECT 1 FROM mediator WHERE id = ?').get(v.id) !== undefined;
      return { ok: false, reason: exists ? 'CONFLICT' : 'NOT_FOUND' };
    }
    id = v.id;
  }
  if (v.profile !== undefined) {
    db.prepare(
      `UPDATE mediator SET grade = @grade, filing_number = @filingNumber,
         filing_status = @filingStatus, employment = @employment, profile_json = @profileJson
       WHERE id = @id`,
    ).run({ ...profileParams(v.profile), id });
  }
  const row = db.prepare('SELECT * FROM mediator WHERE id = ?').get(id) as MediatorRow;
  return { ok: true, mediator: fromRow(row) };
}
