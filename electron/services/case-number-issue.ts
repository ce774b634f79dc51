import type { Db } from '../../db/connection.js';
import {
  numberIsTaken,
  recordIssuedNumber,
  takeNextSequence,
} from '../../db/cases/case-numbering.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import { renderCaseNumber } from '../../domain/case-number-pattern.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';

// A pattern edited mid-year could render a number issued before; skipping is bounded.
const MAX_NUMBER_SKIPS = 1000;

/**
 * Gives a case the next number of `year` (§4.9: one counter per committee and year, numbers
 * never reused). Used at acceptance and when a corrected acceptance date moves the case into
 * another year. Runs inside the caller's transaction.
 */
export function issueCaseNumber(db: Db, caseId: number, year: number, now: string): string {
  const settings = getRoomSettings(db);
  if (!settings) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
  for (let i = 0; i < MAX_NUMBER_SKIPS; i += 1) {
    const sequence = takeNextSequence(db, settings.committeeName, year);
    const number = renderCaseNumber(settings.caseNumberPattern, {
      year,
      abbreviation: settings.numberAbbreviation,
      sequence,
    });
    if (numberIsTaken(db, number)) continue;
    recordIssuedNumber(
      db,
      { number, caseId, committee: settings.committeeName, year, sequence },
      now,
    );
    return number;
  }
  throw new ApiError('INVALID_STATE', '无法生成新的案件编号，请检查案件编号格式设置');
}
