import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { LedgerExportCase } from '../../db/reports/ledger-export-query.js';
import type { StatisticsReport } from '../../domain/statistics/compute-report.js';
import type { RoomReporting } from '../../domain/statistics/room-reporting.js';
import { loadDocumentFonts } from '../documents/font-registry.js';
import { buildCountyPackage, type PackageSource } from './county-package-writer.js';
import { ledgerRows } from './ledger-rows.js';
import { writeLedgerXlsx } from './ledger-xlsx.js';
import { PseudonymKey } from './pseudonym-key.js';
import { renderStatisticsPdf } from './statistics-pdf.js';
import { writeStatisticsXlsx, type StatisticsHeader } from './statistics-xlsx.js';

/**
 * The render step of an export as plain data: what the ledger gave, and the temporary file to
 * write. Reading the ledger and recording the export stay with the core (SQL lives in db/);
 * this part only formats, so it can run on the export thread, where a 100,000-case sheet holds
 * nobody's request.
 */
export type ExportRenderJob =
  | {
      readonly kind: 'ledgerXlsx';
      readonly file: string;
      readonly title: string;
      readonly columns: readonly string[];
      readonly cases: readonly LedgerExportCase[];
      readonly committeeName: string;
      readonly identified: boolean;
    }
  | {
      readonly kind: 'statisticsXlsx';
      readonly file: string;
      readonly report: StatisticsReport;
      readonly header: StatisticsHeader;
      readonly rooms?: readonly RoomReporting[];
    }
  | {
      readonly kind: 'statisticsPdf';
      readonly file: string;
      readonly report: StatisticsReport;
      readonly header: StatisticsHeader;
      readonly fontsDir: string;
    }
  | {
      readonly kind: 'countyPackage';
      readonly file: string;
      readonly source: PackageSource;
      /** The room's pseudonym key (it stays in this process; never written into the package). */
      readonly pseudonymKey: Uint8Array;
    };

/** What was written under the temporary name: flushed to disk and hashed. */
export interface RenderedFile {
  readonly bytes: number;
  readonly sha256: string;
}

/** Writes the job's file (new, owner-only), flushes it and hashes what is on disk. */
export async function renderExportJob(job: ExportRenderJob): Promise<RenderedFile> {
  await write(job);
  const fd = openSync(job.file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // Hashed as read back, so the register holds the digest of the bytes that reached the disk.
  const bytes = readFileSync(job.file);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function write(job: ExportRenderJob): Promise<void> {
  switch (job.kind) {
    case 'ledgerXlsx':
      return writeLedgerXlsx(
        job.file,
        job.title,
        job.columns,
        ledgerRows(job.cases, job.committeeName, job.identified),
      );
    case 'statisticsXlsx':
      return writeStatisticsXlsx(job.file, job.report, job.header, job.rooms);
    case 'statisticsPdf':
      return writeBytes(
        job.file,
        await renderStatisticsPdf(job.report, job.header, loadDocumentFonts(job.fontsDir)),
      );
    case 'countyPackage':
      return writeBytes(
        job.file,
        buildCountyPackage(job.source, PseudonymKey.fromKey(job.pseudonymKey)).zip,
      );
    default: {
      const never: never = job;
      throw new Error(`unknown export job ${String((never as { kind: unknown }).kind)}`);
    }
  }
}

function writeBytes(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}
