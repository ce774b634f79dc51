import { z } from 'zod';
import { singleLine } from '../text-input';
import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Prevention indicators (domain §3.5). Each is reported as two numbers, cases (件) and persons
 * (人); persons are entered by the mediator, not derived from parties (§3.7), and a short
 * justification is kept because these counts feed evaluations and get audited.
 */
export const version = 1;

export const rows = [
  {
    code: 'SUICIDE',
    indicator: 'prevented_suicide',
    label: '防止民间纠纷引起自杀',
    caseUnit: '件',
    personUnit: '人',
  },
  {
    code: 'CRIMINAL',
    indicator: 'prevented_criminal',
    label: '防止民间纠纷转化为刑事案件',
    shortLabel: '防止民转刑',
    caseUnit: '件',
    personUnit: '人',
  },
  {
    code: 'GROUP_PETITION',
    indicator: 'prevented_group_petition',
    label: '防止群体性上访',
    caseUnit: '件',
    personUnit: '人',
  },
  {
    code: 'GROUP_FIGHT',
    indicator: 'prevented_group_fight',
    label: '防止群体性械斗',
    caseUnit: '件',
    personUnit: '人',
  },
] as const satisfies readonly {
  readonly code: string;
  readonly indicator: string;
  readonly label: string;
  readonly shortLabel?: string;
  readonly caseUnit: '件';
  readonly personUnit: '人';
}[];

export const codeSchema = codeEnum(rows, '预防类型');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

/** One flag attached to a case. */
export const flagSchema = z.object({
  code: codeSchema,
  persons: z
    .number({ error: '请填写涉及人数' })
    .int({ error: '涉及人数必须是整数' })
    .min(1, { error: '涉及人数至少为 1' })
    .max(100_000, { error: '涉及人数过大' }),
  note: singleLine({ label: '情况说明', min: 1, max: 200 }),
});
export type Flag = z.infer<typeof flagSchema>;
