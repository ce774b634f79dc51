import type { RoomSettings, RoomSettingsValues } from '../domain/room-settings.js';
import type { Db } from './connection.js';

interface RoomSettingsRow {
  committee_name: string;
  room_name: string;
  organisation_type: RoomSettingsValues['organisationType'];
  division_code: string | null;
  number_abbreviation: string;
  case_number_pattern: string;
  document_date_style: RoomSettingsValues['documentDateStyle'];
  county_office_name: string;
  version: number;
  updated_at: string;
}

function fromRow(row: RoomSettingsRow): RoomSettings {
  return {
    committeeName: row.committee_name,
    roomName: row.room_name,
    organisationType: row.organisation_type,
    divisionCode: row.division_code,
    numberAbbreviation: row.number_abbreviation,
    caseNumberPattern: row.case_number_pattern,
    documentDateStyle: row.document_date_style,
    countyOfficeName: row.county_office_name,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function getRoomSettings(db: Db): RoomSettings | null {
  const row = db.prepare('SELECT * FROM room_settings WHERE id = 1').get() as
    RoomSettingsRow | undefined;
  return row ? fromRow(row) : null;
}

export type SaveOutcome =
  | { readonly ok: true; readonly settings: RoomSettings }
  | { readonly ok: false; readonly currentVersion: number };

/**
 * Writes the settings if nobody saved since `expectedVersion` was read (0 = never saved).
 * The check and the write are one transaction, so two windows cannot both win.
 */
export function saveRoomSettings(
  db: Db,
  values: RoomSettingsValues,
  expectedVersion: number,
  nowIso: string,
): SaveOutcome {
  return db.transaction((): SaveOutcome => {
    const current = db.prepare('SELECT version FROM room_settings WHERE id = 1').get() as
      { version: number } | undefined;
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) return { ok: false, currentVersion };
    const params = {
      committee_name: values.committeeName,
      room_name: values.roomName,
      organisation_type: values.organisationType,
      division_code: values.divisionCode,
      number_abbreviation: values.numberAbbreviation,
      case_number_pattern: values.caseNumberPattern,
      document_date_style: values.documentDateStyle,
      county_office_name: values.countyOfficeName,
      now: nowIso,
    };
    if (current) {
      db.prepare(
        `UPDATE room_settings SET committee_name = @committee_name, room_name = @room_name,
           organisation_type = @organisation_type, division_code = @division_code,
           number_abbreviation = @number_abbreviation, case_number_pattern = @case_number_pattern,
           document_date_style = @document_date_style, county_office_name = @county_office_name,
           version = version + 1, updated_at = @now
         WHERE id = 1`,
      ).run(params);
    } else {
      db.prepare(
        `INSERT INTO room_settings (id, committee_name, room_name, organisation_type, division_code,
           number_abbreviation, case_number_pattern, document_date_style, county_office_name,
           version, created_at, updated_at)
         VALUES (1, @committee_name, @room_name, @organisation_type, @division_code,
           @number_abbreviation, @case_number_pattern, @document_date_style, @county_office_name,
           1, @now, @now)`,
      ).run(params);
    }
    const saved = getRoomSettings(db);
    if (!saved) throw new Error('room settings vanished inside their own transaction');
    return { ok: true, settings: saved };
  })();
}
