import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * 预警等级 as 综治 centres ask for it (domain §4.11: three levels). Not the room's own risk
 * level (§4.5, four levels driving due days): the centre's grading is reported, not acted on.
 * Local colours differ (red/orange/yellow, red/yellow/blue), so the label names the level first.
 */
export const version = 1;

export const rows = [
  { code: 'LEVEL_1', label: '一级（红色）' },
  { code: 'LEVEL_2', label: '二级（橙色）' },
  { code: 'LEVEL_3', label: '三级（黄色）' },
] as const;

export const codeSchema = codeEnum(rows, '预警等级');
export type Code = CodeOf<typeof rows>;
export const labelOf = labelLookup(rows);
