import { FormDraftService } from '../services/form-draft-service.js';
import path from 'node:path';
import { deskSecurity } from '../../db/accounts/account-queries.js';
import { readBackupSettings } from '../../db/backup-records.js';
import type { Db } from '../../db/connection.js';
import { acquireDataDirLock } from '../../db/data-dir-lock.js';
import { removeLeftovers } from '../../db/leftovers.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import type { Migration } from '../../db/migrations/migration.js';
import type { EncryptionStep } from '../../db/plain-ledger-encryption.js';
import type { RenameRetry } from '../../db/rename-retry.js';
import { rowsChangedSinceOpen } from '../../db/wal-checkpoint.js';
import { createDispatcher } from '../api/dispatch.js';
import type { Dispatch, DispatchLog } from '../api/dispatch.js';
import { createHandlers } from '../api/handlers.js';
import { AuditService } from '../services/audit-service.js';
import { AgreementDraftService } from '../services/agreement-draft-service.js';
import { AgreementFilesService } from '../services/agreement-files-service.js';
import type { DocumentPrinter } from '../services/document-printer.js';
import { AgreementSigningService } from '../services/agreement-signing-service.js';
import { CountyService } from '../services/county-service.js';
import { defaultDocumentDirs } from '../services/document-dirs.js';
import { DocumentEngine } from '../services/document-engine.js';
import { MediatorPapersService } from '../services/mediator-papers-service.js';
import { DocumentPrintService } from '../services/document-print-service.js';
import { DocumentRenderService } from '../services/document-render-service.js';
import { PrintRegisterService } from '../services/print-register-service.js';
import { CaseLedgerService } from '../services/case-ledger-service.js';
import { CaseLifecycleService } from '../services/case-lifecycle-service.js';
import { CaseRecordsService } from '../services/case-records-service.js';
import { CaseDeadlinesService } from '../services/case-deadlines-service.js';
import { CaseService } from '../services/case-service.js';
import { ledgerGuard } from '../services/ledger-guard.js';
import { deskDoor, withDeskDoor } from '../api/desk-door.js';
import { mediatorCaseDoor } from '../api/mediator-case-door.js';
import { AccountAdminService } from '../services/account-admin-service.js';
import { AccountsService } from '../services/accounts-service.js';
import { LOCAL_ACTOR, setActorSource } from '../services/desk-actor.js';
import { DeskSession } from '../services/desk-session.js';
import type { PasswordHashParams } from '../services/password-hash.js';
import { FollowUpService } from '../services/followup-service.js';
import { VolumeService } from '../services/volume-service.js';
import { VolumePdfService } from '../services/volume-pdf-service.js';
import { FollowUpDocumentsService } from '../services/followup-documents-service.js';
import { TimelinessService } from '../services/timeliness-service.js';
import { LedgerSession } from '../services/ledger-session.js';
import { IdRevealService } from '../services/id-reveal-service.js';
import {
  ExportService,
  type ExportReadSlices,
  type FolderOpener,
} from '../services/export-service.js';
import { inThreadExportRenderer, type ExportRenderer } from '../reports/export-renderer.js';
import { ScreeningService } from '../services/screening-service.js';
import { TranslationWordingService } from '../services/translation-wording-service.js';
import { SettingsService } from '../services/settings-service.js';
import { StatisticsService } from '../services/statistics-service.js';
import { SubsidyService } from '../services/subsidy-service.js';
import { SubsidyPapersService } from '../services/subsidy-papers-service.js';
import { PeriodPrintRegister } from '../services/period-print-register.js';
import { SystemService } from '../services/system-service.js';
import { idleUpkeep } from './idle-upkeep.js';

export interface AppCoreOptions {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly now?: () => Date;
  /** Tests inject a broken step here; the app always uses the real list. */
  readonly migrations?: readonly Migration[];
  readonly log?: DispatchLog;
  /**
   * Take the rotating backups: the due daily/weekly (and hourly) copies after the start-up
   * check, then an hourly copy while the ledger changes (the app and dev:web do; unit tests opt
   * in).
   */
  readonly dailyBackup?: boolean;
  /**
   * Take the data-folder lock (default). The core worker turns it off because its routing
   * thread holds the lock across worker restarts; otherwise only tests that stand in for a
   * second writer on the same ledger (another tool, a technician's script) do.
   */
  readonly exclusive?: boolean;
  /** Period of the "while in use" backups (default one hour). */
  readonly hourlyBackupMs?: number;
  /** Document fonts (default: dist/fonts, else the npm font packages). */
  readonly fontsDir?: string;
  /** Document templates (default: ./templates). */
  readonly templatesDir?: string;
  /** The system print dialog; only the Electron shell has one (dev:web answers with a hint). */
  readonly printer?: DocumentPrinter;
  /** Opens the export folder in the file manager (only the Electron shell has one). */
  readonly folderOpener?: FolderOpener;
  /** Where exports go unless the user picks a folder (default: <dataDir>/exports). */
  readonly exportsDir?: string;
  /**
   * Where exports are rendered and volumes assembled: the core worker passes the export thread;
   * tests and benches that hold the core directly render on their own thread unless they pass one.
   */
  readonly exportRenderer?: ExportRenderer;
  /** How the 台账 export's read is sliced (tests hold the core between slices). */
  readonly exportReadSlices?: ExportReadSlices;
  /**
   * Whether the committee lets its mediators read every case (§7.3 "+ cases of their committee
   * read-only if configured"; mediator-case-door.ts). Default: the room's stored setting
   * (desk_security.mediators_read_room, changed by accounts.setMediatorsReadRoom).
   */
  readonly mediatorsReadRoom?: (ledger: Db) => boolean;
  /** When the previous core worker died unexpectedly (ISO time): system.status tells the user. */
  readonly restartedAfterCrashAt?: string | null;
  /** Argon2id's cost (default DEFAULT_PASSWORD_HASH); unit tests make it cheap. */
  readonly passwordHash?: PasswordHashParams;
  /**
   * Milliseconds for the desk's idle lock and the sign-in backoff (default Date.now). Apart from
   * `now`, so tests that move the ledger's calendar by days do not lock the desk with it.
   */
  readonly deskClock?: () => number;
  /**
   * Convert a plain ledger to an encrypted one after it opens (ledger-session.ts): the app and
   * dev:web do; unit tests opt in.
   */
  readonly encryptPlainLedger?: boolean;
  /**
   * The conversion starts only once a recovery code wraps the data key (the app and dev:web;
   * review s27-enc finding 1): the backups that leave the computer must stay openable.
   */
  readonly conversionNeedsRecoveryCode?: boolean;
  /** Awaited after each step of that conversion (tests stop or hold it there). */
  readonly afterEncryptionStep?: (step: EncryptionStep) => Promise<void> | void;
  /** Between the tries of a rename Windows refused (db/rename-retry.ts; tests: at once). */
  readonly renameRetry?: RenameRetry;
  /** Free bytes on a folder's disk, asked before the conversion (tests inject a figure). */
  readonly freeBytes?: (dir: string) => number;
  /**
   * Awaited before each slice of a pending audit baseline and of a pending search index rebuild
   * (tests gate them; default: next turn).
   */
  readonly betweenBaselineSlices?: () => Promise<void>;
  /** Awaited between the slices of a 审计核验 (tests gate it; default: next turn). */
  readonly betweenAuditVerifySlices?: () => Promise<void>;
}

export interface AppCore {
  readonly dispatch: Dispatch;
  readonly ledger: LedgerSession;
  readonly system: SystemService;
  /** Who is signed in at this desk (tests sign in through dispatch; this is for reading). */
  readonly desk: DeskSession;
  /** The claim packs' service, read by the bench (how many cases the last pack computed). */
  readonly subsidy: Pick<SubsidyService, 'lastComputedCases'>;
  /**
   * Resolves when background work (the daily backup, the checkpoint after the last request) is
   * done; wait for it before close().
   */
  whenIdle(): Promise<void>;
  close(): void;
}

/** "Hourly while in use": a copy each period in which this process changed the ledger. */
function startHourlyBackups(
  ledger: LedgerSession,
  system: SystemService,
  periodMs: number,
): NodeJS.Timeout {
  const changes = () => {
    const state = ledger.state;
    return state.state === 'READY' ? rowsChangedSinceOpen(state.db) : -1;
  };
  let seen = changes();
  const timer = setInterval(() => {
    const current = changes();
    if (current === seen || current < 0) return;
    seen = current;
    void system.scheduledBackup(['hourly', 'daily', 'weekly']);
  }, periodMs);
  timer.unref();
  return timer;
}

const consoleLog: DispatchLog = {
  error: ({ method, error }) => console.error(`[api] ${method} failed:`, error),
};

/**
 * Everything the main process does, without Electron: the Electron shell and the dev:web host
 * both wrap this, and the tests call it directly.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  // Before anything is read or cleaned: a second process on the same folder stops here.
  const lock =
    options.exclusive === false
      ? { release: () => undefined }
      : acquireDataDirLock(options.dataDir);
  const desk = new DeskSession(options.deskClock ?? Date.now);
  // Everything this core writes names the person signed in at its desk (nobody yet: 本机用户).
  setActorSource(
    () => desk.actorName(),
    () => desk.user?.displayName ?? LOCAL_ACTOR,
  );
  const ledger = new LedgerSession(
    options.dataDir,
    migrations,
    now,
    ...(options.betweenBaselineSlices ? [options.betweenBaselineSlices] : []),
  );
  ledger.encryptPlain = options.encryptPlainLedger === true;
  ledger.conversionNeedsRecoveryCode = options.conversionNeedsRecoveryCode === true;
  ledger.afterEncryptionStep = options.afterEncryptionStep ?? null;
  ledger.renameRetry = options.renameRetry ?? {};
  ledger.freeBytes = options.freeBytes;
  try {
    const secondFolder = readBackupSettings(options.dataDir).secondFolder;
    const removed = removeLeftovers(
      ledger.paths,
      now(),
      secondFolder ? [path.join(secondFolder, 'mediation-desk-backups')] : [],
    );
    if (removed.length > 0) console.warn(`[start] removed ${removed.length} leftover file(s)`);
    await ledger.open();
  } catch (error) {
    ledger.close();
    lock.release();
    throw error;
  }
  const dirs = defaultDocumentDirs();
  // One engine per core: the fonts are parsed on the first document and shared afterwards.
  const engine = new DocumentEngine({
    fontsDir: options.fontsDir ?? dirs.fontsDir,
    templatesDir: options.templatesDir ?? dirs.templatesDir,
  });
  const lifecycle = new CaseLifecycleService(ledger);
  const statistics = new StatisticsService(ledger, options.templatesDir ?? dirs.templatesDir);
  const followUps = new FollowUpService(ledger, lifecycle);
  const register = new PrintRegisterService(ledger);
  const printing = new DocumentPrintService(register, options.printer ?? null);
  const caseDocuments = new DocumentRenderService(ledger, engine, register);
  const followUpDocuments = new FollowUpDocumentsService(ledger, engine, register, followUps);
  const renderer = options.exportRenderer ?? inThreadExportRenderer;
  const exports = new ExportService(ledger, statistics, {
    defaultDirectory: options.exportsDir ?? path.join(options.dataDir, 'exports'),
    fontsDir: options.fontsDir ?? dirs.fontsDir,
    appVersion: options.appVersion,
    folderOpener: options.folderOpener ?? null,
    signedInRole: () => desk.caller?.role ?? null,
    renderer,
    ...(options.exportReadSlices ? { readSlices: options.exportReadSlices } : {}),
  });
  const subsidy = new SubsidyService(ledger, options.templatesDir ?? dirs.templatesDir);
  const audit = new AuditService(ledger, options.betweenAuditVerifySlices);
  const accounts = new AccountsService(ledger, desk, options.passwordHash);
  try {
    accounts.session(); // reads the room's idle-lock minutes
  } catch {
    // an unreadable accounts table: the first call says what is wrong
  }
  const services = {
    accounts,
    accountAdmin: new AccountAdminService(ledger, accounts),
    audit,
    system: new SystemService(
      ledger,
      options.appVersion,
      migrations.length,
      options.restartedAfterCrashAt ?? null,
    ),
    settings: new SettingsService(ledger),
    wording: new TranslationWordingService(ledger, options.templatesDir ?? dirs.templatesDir),
    mediatorPapers: new MediatorPapersService(ledger, engine, options.printer ?? null),
    cases: new CaseService(ledger),
    idReveal: new IdRevealService(ledger, desk),
    lifecycle,
    records: new CaseRecordsService(ledger),
    ledgerView: new CaseLedgerService(ledger),
    agreements: {
      drafts: new AgreementDraftService(ledger, engine),
      signing: new AgreementSigningService(ledger, engine, lifecycle),
      files: new AgreementFilesService(ledger, engine, register, printing),
      documents: caseDocuments,
      register,
      printing,
    },
    followUps,
    deadlines: new CaseDeadlinesService(ledger, followUps),
    timeliness: new TimelinessService(ledger),
    formDrafts: new FormDraftService(ledger, () => desk.user?.id ?? null),
    volume: new VolumeService(ledger, lifecycle),
    volumePdf: new VolumePdfService(
      ledger,
      engine,
      register,
      caseDocuments,
      followUpDocuments,
      renderer,
    ),
    followUpDocuments,
    reports: {
      statistics,
      screening: new ScreeningService(ledger),
      exports,
    },
    county: new CountyService(
      ledger,
      statistics,
      exports,
      options.templatesDir ?? dirs.templatesDir,
    ),
    subsidy,
    subsidyPapers: new SubsidyPapersService(
      ledger,
      subsidy,
      engine,
      register,
      new PeriodPrintRegister(ledger),
      renderer,
    ),
  };
  services.system.auditProblem = () => audit.problem;
  const log = options.log ?? consoleLog;
  const door = deskDoor({ desk, nobodyCanSignIn: () => accounts.nobodyCanSignIn() });
  // Between requests the WAL is copied back into the ledger (ledger-session.ts), so no commit
  // pays for SQLite's auto-checkpoint.
  const upkeep = idleUpkeep(
    createDispatcher(
      createHandlers(services),
      log,
      withDeskDoor(
        door,
        ledgerGuard(ledger),
        desk,
        (caseId) => services.cases.statusOf(caseId),
        mediatorCaseDoor(
          () => ledger.db(),
          (entry) => ledger.recordEntry(entry),
          options.mediatorsReadRoom ?? ((db) => deskSecurity(db).mediatorsReadRoom),
        ),
      ),
    ),
    () => ledger.checkpointWhenIdle(),
  );
  const dispatch = upkeep.dispatch;
  // The copies run beside the app, not before it: a large ledger must not delay the window.
  const background = options.dailyBackup
    ? services.system.scheduledBackup().then(() => undefined)
    : Promise.resolve();
  const hourly = options.dailyBackup
    ? startHourlyBackups(ledger, services.system, options.hourlyBackupMs ?? 3_600_000)
    : null;
  return {
    dispatch,
    ledger,
    system: services.system,
    desk,
    subsidy,
    whenIdle: async () => {
      await ledger.whenEncrypted();
      await ledger.whenChecked();
      await background;
      await services.system.idle();
      await upkeep.settled();
    },
    close: () => {
      if (hourly) clearInterval(hourly);
      renderer.close();
      ledger.close();
      lock.release();
    },
  };
}
