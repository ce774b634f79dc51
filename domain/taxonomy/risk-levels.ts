import { codeEnum, labelLookup } from './code-table';
import { rows } from './risk-level-rows';

export { version, rows, type Code, defaultDueDaysOf } from './risk-level-rows';

export const codeSchema = codeEnum(rows, '风险等级');

export const labelOf = labelLookup(rows);
