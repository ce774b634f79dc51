import { z } from 'zod';
import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Risk factors (风险因素, domain §4.5): the checkbox list a mediator ticks at intake. Thresholds
 * are data because the only source (one local 重大疑难 rule) is not binding elsewhere.
 */
export const version = 1;

export const rows = [
  { code: 'THREAT_OF_VIOLENCE', label: '扬言实施暴力' },
  { code: 'THREAT_OF_SELF_HARM', label: '扬言自伤、自杀' },
  { code: 'WEAPONS', label: '涉及凶器' },
  { code: 'ALCOHOL', label: '酗酒' },
  { code: 'PRIOR_POLICE_CALLS', label: '此前曾报警' },
  {
    code: 'MANY_PARTIES',
    label: '涉及人数众多（群体性）',
    threshold: { value: 10, unit: '人' },
  },
  { code: 'PETITION_THREAT', label: '扬言上访' },
  { code: 'UNNATURAL_DEATH', label: '涉及非正常死亡' },
  { code: 'MIGRANT_WAGE_ARREARS', label: '拖欠农民工工资' },
  { code: 'LAND_OWNERSHIP', label: '涉及土地、草场权属' },
  { code: 'LARGE_AMOUNT', label: '涉及金额较大', threshold: { value: 100_000, unit: '元' } },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
  readonly threshold?: { readonly value: number; readonly unit: string };
}[];

export const codeSchema = codeEnum(rows, '风险因素');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

/** The ticked boxes of one case; a box ticked twice is a UI bug, not a second factor. */
export const selectionSchema = z
  .array(codeSchema, { error: '风险因素格式不正确' })
  .refine((codes) => new Set(codes).size === codes.length, { message: '风险因素有重复' });
