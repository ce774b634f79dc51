import type { StatisticsReport } from '../statistics/compute-report';
import type { RoomReporting } from '../statistics/room-reporting';
import {
  countyExportSchema,
  countyImportSchema,
  countyReportSchema,
} from '../statistics/county-inputs';
import { method } from './method.js';

export interface CountyImportView {
  /** Packages refused by verification; when any is, nothing at all was merged. */
  readonly refused: readonly { file: string; reason: string }[];
  readonly merged: readonly {
    file: string;
    alreadyImported: boolean;
    added: number;
    replaced: number;
    kept: number;
    corrected: number;
  }[];
}

export interface CountyImportRowView {
  readonly fileName: string;
  readonly committeeName: string;
  readonly period: string;
  readonly kind: string;
  readonly added: number;
  readonly replaced: number;
  readonly kept: number;
  readonly importedAt: string;
}

/** A county table written from the county database (its export register). */
export interface CountyExportRowView {
  readonly period: string;
  readonly fileName: string;
  readonly directory: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly rooms: number;
  readonly cases: number;
  readonly actor: string;
  readonly exportedAt: string;
}

/**
 * 县级汇总 in the app (issue 10, must-have 4): the same import and report as
 * `npm run county`, on a county database of its own beside the ledger (never in it).
 */
export const countyContract = {
  'county.import': method<CountyImportView>()(countyImportSchema),
  'county.report': method<{
    report: StatisticsReport;
    rooms: number;
    /** Which rooms reported for the period, sent a 零报告, or sent nothing. */
    roomReports: readonly RoomReporting[];
    imports: readonly CountyImportRowView[];
    exports: readonly CountyExportRowView[];
  }>()(countyReportSchema),
  'county.exportReport': method<{ file: string; directory: string }>()(countyExportSchema),
} as const;
export type CountyContract = typeof countyContract;
