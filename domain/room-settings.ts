import { z } from 'zod';
import { checkCaseNumberPattern, DEFAULT_CASE_NUMBER_PATTERN } from './case-number-pattern.js';
import { DOCUMENT_DATE_STYLE_CODES } from './document-date.js';
import { singleLine } from './text-input.js';
import * as organisationTypes from './taxonomy/organisation-types';
import { optionalDivisionCodeField } from './validation/zod-fields.js';

/** 调解组织设置: who this room is, and how its numbers and documents look. */
export const roomSettingsInputSchema = z.strictObject({
  committeeName: singleLine({ label: '调解委员会名称', min: 2, max: 60 }),
  roomName: singleLine({ label: '调解室名称', min: 1, max: 60 }),
  organisationType: organisationTypes.codeSchema,
  divisionCode: optionalDivisionCodeField,
  numberAbbreviation: singleLine({ label: '编号简称', min: 1, max: 12 }).refine(
    (s) => !/[{}]/.test(s),
    { error: '编号简称不能包含花括号' },
  ),
  caseNumberPattern: singleLine({ label: '案件编号格式', min: 1, max: 60 }).superRefine(
    (s, ctx) => {
      const check = checkCaseNumberPattern(s);
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
    },
  ),
  documentDateStyle: z.enum(DOCUMENT_DATE_STYLE_CODES, { error: '请选择文书日期样式' }),
  countyOfficeName: singleLine({ label: '上报单位（县司法局／综治中心）名称', min: 2, max: 60 }),
});

export type RoomSettingsInput = z.input<typeof roomSettingsInputSchema>;
export type RoomSettingsValues = z.output<typeof roomSettingsInputSchema>;

export interface RoomSettings extends RoomSettingsValues {
  readonly version: number;
  readonly updatedAt: string;
}

export const DEFAULT_ROOM_SETTINGS: Readonly<
  Pick<RoomSettingsValues, 'caseNumberPattern' | 'documentDateStyle'>
> = {
  caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERN,
  documentDateStyle: 'ARABIC',
};
