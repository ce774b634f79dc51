import { auditKeyFileFor, readAuditKey } from '../../db/audit/audit-key.js';
import { auditHead, listAuditEntries } from '../../db/audit/audit-log.js';
import { verifyAuditChain } from '../../db/audit/audit-verify.js';
import { openConnection, type Db as Database } from '../../db/connection.js';
import { dropClaimSummaries } from '../../db/subsidy/claim-summary-drop.js';
import { caseNumberOf } from '../../db/subsidy/claim-summary-queries.js';
import type { AuditPage } from '../../domain/api/audit-contract.js';
import {
  describeAuditVerification,
  type AuditFinding,
  type AuditVerification,
  type AuditVerifyResult,
} from '../../domain/audit/audit-views.js';
import { ApiError } from '../../domain/api/errors.js';
import type { LedgerSession } from './ledger-session.js';
import { storageMessagesZhCN } from '../../domain/messages/storage-zh-CN.js';
import { changedClaimSummaries } from './subsidy-claim-cases.js';
import { claimSummaryWritable } from './claim-summary-writable.js';

const PAGE = 100;

/** The 审计员's view of the chain: the log, filtered, and its verification. */
export class AuditService {
  private running: Promise<AuditVerification> | null = null;
  private last: AuditVerification | null = null;

  /**
   * `betweenSlices` is awaited between the verification's slices: by default the next turn of
   * the event loop, so requests are answered meanwhile; tests pass a gate.
   */
  constructor(
    private readonly ledger: LedgerSession,
    private readonly betweenSlices: () => Promise<void> = nextTurn,
  ) {}

  list(filter: {
    caseNumber?: string | null;
    actor?: string | null;
    action?: string | null;
    from?: string | null;
    to?: string | null;
    beforeSeq?: number | null;
  }): AuditPage {
    const db = this.ledger.db();
    const rows = listAuditEntries(db, { ...filter, limit: PAGE + 1 });
    const entries = rows.slice(0, PAGE);
    return {
      entries,
      nextBeforeSeq: rows.length > PAGE ? (entries.at(-1)?.seq ?? null) : null,
      head: auditHead(db),
      lastVerification: this.last,
    };
  }

  /** The last verification's problem, for 工作台 and 设置 (null: none found, or not run). */
  get problem(): AuditVerification | null {
    return this.last && this.last.verdict !== 'OK' ? this.last : null;
  }

  /**
   * Verifies on its own read-only connection inside one read transaction (a snapshot: writes
   * go on meanwhile), yielding to the event loop between slices so the core keeps answering.
   * One run at a time: a second caller gets the running one's answer.
   */
  verify(): Promise<AuditVerification> {
    // Its long read would hold the conversion's checkpoint off (review s27 finding 5).
    if (this.ledger.converting) {
      return Promise.reject(
        new ApiError('LEDGER_ENCRYPTING', storageMessagesZhCN.auditVerifyWhileEncrypting),
      );
    }
    this.running ??= this.ledger.longRead(
      this.run().finally(() => {
        this.running = null;
      }),
    );
    return this.running;
  }

  private async run(): Promise<AuditVerification> {
    // Rows not yet in the first baseline would read as unrecorded: verify what is finished.
    await this.ledger.whenBaselined();
    const file = this.ledger.db().name;
    const started = performance.now();
    const key = readAuditKey(auditKeyFileFor(file));
    const db = openConnection(file, { readonly: true });
    try {
      db.exec('BEGIN');
      const work = verifyAuditChain(db, key);
      let step = work.next();
      while (!step.done) {
        await this.betweenSlices();
        step = work.next();
      }
      const changed = await claimSummaryFindings(db, this.betweenSlices);
      const result = withClaimSummaryFindings(db, step.value, changed);
      // A changed row stays the finding's evidence here, but packs must stop trusting it: it is
      // dropped on the writer (derived data; the drop is a chain entry), so the next pack
      // recomputes the case. A ledger
      // that may not be written keeps it until a verify that may (the finding says so).
      if (changed.length > 0 && claimSummaryWritable(this.ledger)) {
        this.ledger.appendHeldEntries();
        dropClaimSummaries(this.ledger.db(), changed);
      }
      const verification: AuditVerification = {
        ...result,
        ...describeAuditVerification(result),
        finishedAt: this.ledger.now().toISOString(),
        ms: Math.round(performance.now() - started),
      };
      this.last = verification;
      return verification;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('INTERNAL', `审计日志核验没有完成：${(error as Error).message}`);
    } finally {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    }
  }
}

/**
 * The claim summary is derived, not audited row by row, yet it feeds the subsidy packs: every
 * stored row is recomputed from its (audited) sources and compared, in the same snapshot.
 */
async function claimSummaryFindings(
  db: Database,
  betweenSlices: () => Promise<void>,
): Promise<number[]> {
  const changed: number[] = [];
  const work = changedClaimSummaries(db);
  for (let step = work.next(); !step.done; step = work.next()) {
    changed.push(...step.value);
    await betweenSlices();
  }
  return changed;
}

function withClaimSummaryFindings(
  db: Database,
  result: AuditVerifyResult,
  changed: readonly number[],
): AuditVerifyResult {
  if (changed.length === 0) return result;
  const room = Math.max(0, MAX_LISTED_FINDINGS - result.rowFindings.length);
  const findings: AuditFinding[] = changed.slice(0, room).map((caseId) => ({
    kind: 'CLAIM_SUMMARY_CHANGED',
    seq: null,
    at: null,
    action: null,
    table: 'claim_case_summary',
    rowKey: String(caseId),
    caseId,
    caseNumber: caseNumberOf(db, caseId),
  }));
  return {
    ...result,
    rowFindings: [...result.rowFindings, ...findings],
    rowFindingCount: result.rowFindingCount + changed.length,
  };
}

/** As the chain's row findings: the first ones are listed, the rest counted. */
const MAX_LISTED_FINDINGS = 200;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
