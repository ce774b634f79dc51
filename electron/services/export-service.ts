import { appendAuditEvent, auditHead } from '../../db/audit/audit-log.js';
import { withRegisterDigests } from '../../db/audit/reported-register.js';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  getExport,
  lastPackageExport,
  listExports,
  recordExport,
  type ExportFile,
  type ExportKind,
  type ExportRun,
} from '../../db/reports/export-register.js';
import {
  ledgerExportCaseIds,
  ledgerExportSlice,
  type LedgerExportCase,
} from '../../db/reports/ledger-export-query.js';
import { recordReportedCases, recordReportedPeriod } from '../../db/reports/corrections-query.js';
import {
  closeSnapshotReader,
  openSnapshotReader,
  readPackageSlices,
  type PackageRead,
} from '../../db/reports/package-snapshot.js';
import type { Db } from '../../db/connection.js';
import { connectionKey } from '../../db/ledger-cipher.js';
import { getRoomSettings } from '../../db/room-settings-queries.js';
import { ApiError } from '../../domain/api/errors.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import { storageMessagesZhCN } from '../../domain/messages/storage-zh-CN.js';
import type { RoomSettings } from '../../domain/room-settings.js';
import { IDENTIFIED_EXPORT_CONFIRMATION } from '../../domain/statistics/export-inputs.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import type { ExportRenderJob, RenderedFile } from '../reports/export-render-jobs.js';
import { ExportThreadStopped, type ExportRenderer } from '../reports/export-renderer.js';
import { mayExportIdentifiedLedger } from '../reports/export-permission.js';
import { IDENTIFIED_EXTRA_COLUMNS, LEDGER_COLUMNS } from '../reports/ledger-rows.js';
import { PseudonymKey } from '../reports/pseudonym-key.js';
import { safeFileName } from '../reports/safe-file-name.js';
import { currentActor } from './desk-actor.js';
import type { Role } from '../../domain/accounts/roles.js';
import type { LedgerSession } from './ledger-session.js';
import type { StatisticsService } from './statistics-service.js';

/** Opens a folder in the system's file manager (only the Electron shell has one). */
export interface FolderOpener {
  open(directory: string): Promise<void>;
}

export const NO_FOLDER_OPENER_MESSAGE =
  '当前环境不能直接打开文件夹。导出的文件保存在下面显示的文件夹中，请在文件管理器中打开它';

export interface ExportServiceOptions {
  readonly defaultDirectory: string;
  readonly fontsDir: string;
  readonly appVersion: string;
  readonly folderOpener: FolderOpener | null;
  /** The role of the person signed in at the desk (null: nobody). */
  readonly signedInRole: () => Role | null;
  /** Where files are rendered: the export thread in the app (the core only reads and records). */
  readonly renderer: ExportRenderer;
  /** How the 台账's read is cut (default: 2,000 cases, then the other requests' turn). */
  readonly readSlices?: ExportReadSlices;
}

/**
 * The 台账 of a 10,000–100,000-case year is read a slice of cases at a time; between slices
 * the core's event loop answers whatever else came in (a search, `system.status`), so the read
 * never holds the core for more than one slice. Tests pass a `between` they control.
 */
export interface ExportReadSlices {
  readonly cases: number;
  readonly between: () => Promise<void>;
}

const DEFAULT_READ_SLICES: ExportReadSlices = {
  cases: 2_000,
  between: () => new Promise((resolve) => setImmediate(resolve)),
};

/**
 * Every file that leaves the ledger for the county: the statistics table (xlsx + PDF), the
 * case ledger (de-identified unless explicitly confirmed) and the county package. Files are
 * written under a temporary name and renamed, so a half-written export never looks finished,
 * and each export is recorded with its files' SHA-256. The ledger is read before and the
 * export recorded after on the core; only the rendering in between goes to `options.renderer`.
 */
export class ExportService {
  private readonly keys: PseudonymKey;

  constructor(
    private readonly ledger: LedgerSession,
    private readonly statistics: StatisticsService,
    private readonly options: ExportServiceOptions,
  ) {
    this.keys = PseudonymKey.inDataDir(ledger.paths.dataDir);
  }

  list(): readonly ExportRun[] {
    return listExports(this.ledger.db());
  }

  defaultDirectory(): string {
    return this.options.defaultDirectory;
  }

  async statisticsTable(periodKey: string, directory: string | null): Promise<ExportRun> {
    const report = this.statistics.report(periodKey);
    const room = this.room();
    const dir = this.outputDir(directory);
    const head = auditHead(this.ledger.db(), { exceptExportRegister: true });
    const header = {
      committeeName: room.committeeName,
      countyOfficeName: room.countyOfficeName,
      generatedOn: this.today(),
      auditChainHead: head ? `${head.seq}:${head.mac}` : null,
    };
    const stem = `${room.committeeName}_人民调解工作统计表_${report.period.key}${report.zeroReport ? '_零报告' : ''}`;
    const xlsx = await this.writeVia(dir, `${stem}.xlsx`, (file) =>
      this.render({ kind: 'statisticsXlsx', file, report, header }),
    );
    const pdf = await this.writeVia(dir, `${stem}.pdf`, (file) =>
      this.render({ kind: 'statisticsPdf', file, report, header, fontsDir: this.options.fontsDir }),
    );
    const db = this.ledger.db();
    // the table counted the period's own cases (not the corrections of other periods)
    return this.record('STATISTICS', report.period.key, null, [xlsx, pdf], dir, null, (id) =>
      recordReportedPeriod(db, id, report.period),
    );
  }

  async caseLedger(
    periodKey: string,
    directory: string | null,
    identifiedConfirmation: string | null,
  ): Promise<ExportRun> {
    const period = this.statistics.period(periodKey);
    const identified = identifiedConfirmation !== null;
    if (identified) {
      if (!mayExportIdentifiedLedger({ role: this.options.signedInRole() })) {
        throw new ApiError('FORBIDDEN', '您没有导出含个人信息台账的权限');
      }
      if (identifiedConfirmation.trim() !== IDENTIFIED_EXPORT_CONFIRMATION) {
        throw new ApiError('BAD_INPUT', `请完整输入确认语句：${IDENTIFIED_EXPORT_CONFIRMATION}`, [
          { path: ['identifiedConfirmation'], message: '确认语句不一致' },
        ]);
      }
    }
    const room = this.room();
    const dir = this.outputDir(directory);
    const cases = await this.ledgerCases(period.start, period.end, identified);
    const columns = identified
      ? [...LEDGER_COLUMNS, ...IDENTIFIED_EXTRA_COLUMNS]
      : [...LEDGER_COLUMNS];
    const label = identified ? '案件台账（含个人信息）' : '案件台账';
    const file = await this.writeVia(
      dir,
      `${room.committeeName}_${label}_${period.key}.xlsx`,
      (file) =>
        this.render({
          kind: 'ledgerXlsx',
          file,
          title: `${room.committeeName}${label}（${period.label}）`,
          columns,
          cases,
          committeeName: room.committeeName,
          identified,
        }),
    );
    return this.record(
      identified ? 'LEDGER_IDENTIFIED' : 'LEDGER',
      period.key,
      null,
      [file],
      dir,
      identified ? IDENTIFIED_EXPORT_CONFIRMATION : null,
    );
  }

  async countyPackage(
    periodKey: string,
    directory: string | null,
    delta: boolean,
  ): Promise<ExportRun> {
    const period = this.statistics.period(periodKey);
    const room = this.room();
    const dir = this.outputDir(directory);
    const db = this.ledger.db();
    const previous = delta ? lastPackageExport(db) : null;
    if (delta && !previous) {
      throw new ApiError('INVALID_STATE', '还没有导出过上报数据包，请先导出完整数据包');
    }
    const sinceMs = previous ? Date.parse(previous.createdAt) : null;
    const source = await this.packageRead(db, period.start, period.end, sinceMs);
    const name = `${room.committeeName}_上报数据包_${period.key}${delta ? `_增量${previous?.id ?? ''}` : ''}.zip`;
    const file = await this.writeVia(dir, name, (tmp) =>
      this.render({
        kind: 'countyPackage',
        file: tmp,
        source: {
          room: {
            committeeName: room.committeeName,
            roomName: room.roomName,
            organisationType: room.organisationType,
            divisionCode: room.divisionCode,
          },
          period: { key: period.key, start: period.start, end: period.end },
          since: previous?.createdAt ?? null,
          appVersion: this.options.appVersion,
          ...source,
        },
        pseudonymKey: this.keys.keyBytes(),
      }),
    );
    return this.record('PACKAGE', period.key, previous?.id ?? null, [file], dir, null, (id) =>
      recordReportedCases(db, id, period.key, source.cases),
    );
  }

  async openFolder(
    exportId: number | null,
  ): Promise<{ opened: boolean; directory: string; message: string | null }> {
    let directory = this.options.defaultDirectory;
    if (exportId !== null) {
      const run = getExport(this.ledger.db(), exportId);
      if (!run) throw new ApiError('NOT_FOUND', '该导出记录不存在');
      directory = run.directory;
    }
    mkdirSync(directory, { recursive: true });
    if (!this.options.folderOpener)
      return { opened: false, directory, message: NO_FOLDER_OPENER_MESSAGE };
    await this.options.folderOpener.open(directory);
    return { opened: true, directory, message: null };
  }

  /**
   * The package's register of reported versions must match what it carries, so its read is one
   * snapshot; held on a second read-only connection (package-snapshot.ts), it can still be read
   * in slices with the core's event loop free between them, as the 台账's is. A core closed
   * meanwhile ends the read before anything is written or recorded.
   */
  private async packageRead(
    db: Db,
    start: string,
    end: string,
    sinceMs: number | null,
  ): Promise<PackageRead> {
    const slices = this.options.readSlices ?? DEFAULT_READ_SLICES;
    const reader = openSnapshotReader(db.name, connectionKey(db));
    try {
      const steps = readPackageSlices(reader, start, end, sinceMs, slices.cases);
      for (;;) {
        await slices.between();
        if (!db.open) throw new ApiError('LEDGER_UNAVAILABLE', apiMessagesZhCN.exportClosed);
        // Either would leave the read on a ledger no longer in service; a conversion (started
        // by a recovery code set meanwhile) also needs the checkpoint this snapshot holds off.
        if (this.ledger.damaged) {
          throw new ApiError('LEDGER_DAMAGED', storageMessagesZhCN.writeRefusedDamaged);
        }
        if (this.ledger.converting) {
          throw new ApiError('LEDGER_ENCRYPTING', storageMessagesZhCN.encryptionRunning);
        }
        const step = steps.next();
        if (step.done) return step.value;
      }
    } finally {
      closeSnapshotReader(reader);
    }
  }

  /**
   * The period's cases are fixed by the first read; each slice is read in its own transaction,
   * so a case is always whole, and one changed meanwhile is exported as it is then.
   */
  private async ledgerCases(
    start: string,
    end: string,
    identified: boolean,
  ): Promise<LedgerExportCase[]> {
    const slices = this.options.readSlices ?? DEFAULT_READ_SLICES;
    const db = this.ledger.db();
    const ids = ledgerExportCaseIds(db, start, end);
    const cases: LedgerExportCase[] = [];
    for (let from = 0; from < ids.length; from += slices.cases) {
      await slices.between();
      const slice = ids.slice(from, from + slices.cases);
      cases.push(...db.transaction(() => ledgerExportSlice(db, slice, identified))());
    }
    return cases;
  }

  private room(): RoomSettings {
    const room = getRoomSettings(this.ledger.db());
    if (!room) throw new ApiError('INVALID_STATE', apiMessagesZhCN.settingsRequired);
    return room;
  }

  private today(): string {
    return chinaToday(this.ledger.now());
  }

  /** The folder to write into: the default one (created), or an existing writable one. */
  outputDir(directory: string | null): string {
    if (directory === null) {
      mkdirSync(this.options.defaultDirectory, { recursive: true });
      return this.options.defaultDirectory;
    }
    const bad = (message: string) =>
      new ApiError('BAD_INPUT', message, [{ path: ['directory'], message }]);
    if (!path.isAbsolute(directory)) throw bad('导出文件夹须是完整路径（例如 D:\\上报）');
    let isDir = false;
    try {
      isDir = statSync(directory).isDirectory();
    } catch {
      throw bad('导出文件夹不存在，请先创建或选择其他文件夹');
    }
    if (!isDir) throw bad('所选导出位置不是文件夹');
    try {
      accessSync(directory, constants.W_OK);
    } catch {
      throw bad('导出文件夹不可写入，请选择其他文件夹');
    }
    return directory;
  }

  /** Renders one file of an export on the renderer (the export thread in the app). */
  render(job: ExportRenderJob): Promise<RenderedFile> {
    return this.options.renderer.render(job);
  }

  /**
   * Has `write` render into a temporary name (written, flushed and hashed), then renames it
   * into place: a crash, a shutdown or a full disk never leaves a half file under the name.
   */
  async writeVia(
    dir: string,
    name: string,
    write: (tmp: string) => Promise<RenderedFile>,
  ): Promise<ExportFile> {
    const fileName = safeFileName(name);
    const target = path.join(dir, fileName);
    if (path.dirname(target) !== path.resolve(dir)) throw new Error('unsafe export file name');
    const tmp = path.join(dir, `.${randomBytes(6).toString('hex')}.part`);
    let written: RenderedFile;
    try {
      written = await write(tmp);
      renameSync(tmp, target);
    } catch (error) {
      rmSync(tmp, { force: true });
      if (error instanceof ExportThreadStopped) {
        throw new ApiError('INTERNAL', apiMessagesZhCN.exportThreadStopped);
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC') {
        throw new ApiError('BAD_INPUT', '导出文件夹不可写入或空间不足，请选择其他文件夹', [
          { path: ['directory'], message: '导出文件夹不可写入' },
        ]);
      }
      throw error;
    }
    return { name: fileName, bytes: written.bytes, sha256: written.sha256 };
  }

  private record(
    kind: ExportKind,
    period: string,
    sinceExportId: number | null,
    files: readonly ExportFile[],
    directory: string,
    confirmation: string | null,
    /** Writes the register of reported versions for this export; returns the rows written. */
    writeRegister: ((exportId: number) => number) | null = null,
  ): ExportRun {
    const db = this.ledger.db();
    return db.transaction(() => {
      const run = recordExport(db, {
        kind,
        period,
        sinceExportId,
        files,
        directory,
        actor: currentActor(),
        confirmation,
        createdAt: this.ledger.now().toISOString(),
      });
      // The register's rows are not audited one by one: its digests go into this entry.
      const register = writeRegister
        ? withRegisterDigests(db, () => writeRegister(run.id))
        : undefined;
      appendAuditEvent(db, {
        action: 'EXPORT',
        detail: {
          exportId: run.id,
          kind,
          period,
          files: files.length,
          identified: confirmation !== null,
          ...(register ? { register } : {}),
        },
      });
      return run;
    })();
  }
}
