import type { CodeOf } from './code-table';

/**
 * Risk level (风险等级, domain §4.5). No national grading exists, so colours and due days are data
 * a county can change; the four codes are fixed because reports and reminders key on them.
 * Default due days are all 30 (PMR-2002 Art. 33: conclude within one month, §4.3).
 * No zod here: the 工作台 shows risk tags on the first screen; the schema is in `risk-levels.ts`.
 */
export const version = 1;

export const rows = [
  { code: 'LOW', label: '低', rank: 1, colourLabel: '蓝', colour: '#1565C0', defaultDueDays: 30 },
  {
    code: 'MEDIUM',
    label: '中',
    rank: 2,
    colourLabel: '黄',
    colour: '#F9A825',
    defaultDueDays: 30,
  },
  { code: 'HIGH', label: '高', rank: 3, colourLabel: '橙', colour: '#EF6C00', defaultDueDays: 30 },
  {
    code: 'CRITICAL',
    label: '重大',
    rank: 4,
    colourLabel: '红',
    colour: '#C62828',
    defaultDueDays: 30,
  },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
  readonly rank: number;
  readonly colourLabel: string;
  readonly colour: `#${string}`;
  readonly defaultDueDays: number;
}[];

export type Code = CodeOf<typeof rows>;

export function defaultDueDaysOf(code: Code): number {
  return rows.find((r) => r.code === code)?.defaultDueDays ?? 30;
}
