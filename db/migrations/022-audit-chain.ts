import { syncAuditTriggers } from '../audit/audit-triggers.js';
import type { Migration } from './migration.js';

/**
 * The audit chain (issue 11, §7.5). `audit_log` is append-only (triggers refuse UPDATE and
 * DELETE); each entry holds the previous entry's MAC and its own, HMAC-SHA-256 under the key in
 * `<dataDir>/keys/audit.key` (never in the ledger). Generated AFTER triggers on every ledger
 * table append one entry per written row, in the writing statement's own transaction, with a
 * keyed hash of the row as written (`db/audit/audit-triggers.ts`). The rows already in the
 * ledger are recorded once in `audit_baseline`, bound to one BASELINE entry per table.
 *
 * `agreement_seal` keeps, per generated or signed agreement, HMACs of its PDF and its canonical
 * data and the chain head at that moment: a PDF replaced with a recomputed SHA-256 no longer
 * verifies. Existing agreements are sealed here only if their stored SHA-256 still matches.
 */
export const migration022: Migration = {
  version: 22,
  name: 'audit chain',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        tbl TEXT,
        row_key,
        case_id INTEGER,
        detail TEXT,
        row_hash BLOB,
        key_id TEXT NOT NULL,
        prev_mac BLOB,
        mac BLOB NOT NULL
      );
      CREATE INDEX audit_log_by_row ON audit_log (tbl, row_key, seq) WHERE tbl IS NOT NULL;
      CREATE INDEX audit_log_by_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 审计日志只能追加，不能修改'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 审计日志只能追加，不能删除'); END;

      CREATE TABLE audit_baseline (
        tbl TEXT NOT NULL,
        row_key NOT NULL,
        seq INTEGER NOT NULL,
        seal BLOB NOT NULL,
        PRIMARY KEY (tbl, row_key)
      ) WITHOUT ROWID;
      CREATE TRIGGER audit_baseline_no_update BEFORE UPDATE ON audit_baseline
        BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 审计基线不能修改'); END;
      CREATE TRIGGER audit_baseline_no_delete BEFORE DELETE ON audit_baseline
        BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 审计基线不能删除'); END;

      CREATE TABLE agreement_seal (
        id INTEGER PRIMARY KEY,
        agreement_id INTEGER NOT NULL REFERENCES agreement(id),
        stage TEXT NOT NULL CHECK (stage IN ('GENERATED', 'SIGNED', 'MIGRATED')),
        pdf_hmac TEXT,
        canonical_hmac TEXT,
        key_id TEXT NOT NULL,
        chain_seq INTEGER,
        chain_head TEXT,
        sealed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agreement_seal_by_agreement ON agreement_seal (agreement_id, id);
      CREATE TRIGGER agreement_seal_no_update BEFORE UPDATE ON agreement_seal
        BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 协议书印记不能修改'); END;
      CREATE TRIGGER agreement_seal_no_delete BEFORE DELETE ON agreement_seal
        BEGIN SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY: 协议书印记不能删除'); END;

      INSERT INTO agreement_seal (agreement_id, stage, pdf_hmac, canonical_hmac, key_id, sealed_at)
      SELECT id, 'MIGRATED', audit_seal('agreement-pdf', pdf),
             audit_seal('agreement-content', canonical_json), audit_key_id(),
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM agreement
       WHERE status IN ('GENERATED', 'SIGNED', 'VOID')
         AND (pdf IS NOT NULL OR canonical_json IS NOT NULL)
         AND (pdf IS NULL OR pdf_sha256 = audit_sha256(pdf))
         AND (canonical_json IS NULL OR canonical_sha256 = audit_sha256(canonical_json));
    `);
    // The rows' baseline follows after the last migration (`migrate`), in slices when the app
    // opens the ledger: at 100,000 cases it is the longest step of the upgrade.
    syncAuditTriggers(db, { baseline: 'later' });
  },
};
