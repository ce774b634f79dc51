import { z } from 'zod';
import { rowIdField } from '../cases/input-fields';
import { screeningSaveSchema, type ScreeningRound, type ScreeningRoundSummary } from '../screening';
import type { StatisticsReport } from '../statistics/compute-report';
import { periodField } from '../statistics/period';
import { method } from './method.js';

const period = periodField;

/** 统计上报 and 矛盾纠纷排查 (issue 10, issue 9 must-have 4). */
export const reportsContract = {
  'statistics.get': method<StatisticsReport>()(z.strictObject({ period })),
  'screening.list': method<readonly ScreeningRoundSummary[]>()(z.strictObject({ period })),
  'screening.get': method<ScreeningRound>()(z.strictObject({ roundId: rowIdField('排查记录') })),
  'screening.save': method<ScreeningRound>()(screeningSaveSchema),
  'screening.linkableCases': method<
    readonly { id: number; caseNumber: string | null; title: string; intakeDate: string }[]
  >()(z.strictObject({})),
} as const;
export type ReportsContract = typeof reportsContract;
