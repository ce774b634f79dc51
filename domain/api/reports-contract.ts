import { z } from 'zod';
import { rowIdField } from '../cases/input-fields';
import { screeningSaveSchema, type ScreeningRound, type ScreeningRoundSummary } from '../screening';
import type { StatisticsReport } from '../statistics/compute-report';
import {
  exportLedgerSchema,
  exportPackageSchema,
  exportStatisticsSchema,
  openExportFolderSchema,
} from '../statistics/export-inputs';
import { periodField } from '../statistics/period';
import { method } from './method.js';

const period = periodField;

/** One recorded export (the export register). */
export interface ExportRunView {
  readonly id: number;
  readonly kind: 'STATISTICS' | 'LEDGER' | 'LEDGER_IDENTIFIED' | 'PACKAGE';
  readonly period: string;
  readonly sinceExportId: number | null;
  readonly files: readonly { name: string; bytes: number; sha256: string }[];
  readonly directory: string;
  readonly actor: string;
  readonly confirmation: string | null;
  readonly createdAt: string;
}

/** 统计上报 and 矛盾纠纷排查 (issue 10, issue 9 must-have 4). */
export const reportsContract = {
  'statistics.get': method<StatisticsReport>()(z.strictObject({ period })),
  'screening.list': method<readonly ScreeningRoundSummary[]>()(z.strictObject({ period })),
  'screening.get': method<ScreeningRound>()(z.strictObject({ roundId: rowIdField('排查记录') })),
  'screening.save': method<ScreeningRound>()(screeningSaveSchema),
  'screening.linkableCases': method<
    readonly { id: number; caseNumber: string | null; title: string; intakeDate: string }[]
  >()(z.strictObject({})),
  'exports.statistics': method<ExportRunView>()(exportStatisticsSchema),
  'exports.ledger': method<ExportRunView>()(exportLedgerSchema),
  'exports.package': method<ExportRunView>()(exportPackageSchema),
  'exports.list': method<{ runs: readonly ExportRunView[]; defaultDirectory: string }>()(
    z.strictObject({}),
  ),
  'exports.openFolder': method<{ opened: boolean; directory: string; message: string | null }>()(
    openExportFolderSchema,
  ),
} as const;
export type ReportsContract = typeof reportsContract;
