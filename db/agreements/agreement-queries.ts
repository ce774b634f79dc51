import { sealAgreement } from '../audit/agreement-seal.js';
import type { Db } from '../connection.js';
import {
  AGREEMENT_COLUMNS,
  ATTACHMENT_COLUMNS,
  type AgreementRow,
  type AttachmentRow,
} from './agreement-rows.js';

/** Reads and writes of `agreement`. Every update of an existing row checks its version. */

export function getAgreementRow(db: Db, id: number): AgreementRow | undefined {
  return db.prepare(`SELECT ${AGREEMENT_COLUMNS} FROM agreement WHERE id = ?`).get(id) as
    AgreementRow | undefined;
}

export function agreementRowsOfCase(db: Db, caseId: number): AgreementRow[] {
  return db
    .prepare(`SELECT ${AGREEMENT_COLUMNS} FROM agreement WHERE case_id = ? ORDER BY id`)
    .all(caseId) as AgreementRow[];
}

export function supersededByOf(db: Db, id: number): number | null {
  const row = db
    .prepare(
      `SELECT id FROM agreement WHERE supersedes_id = ? AND status <> 'VOID' ORDER BY id DESC LIMIT 1`,
    )
    .get(id) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Agreements of the case that are not void (drafts, generated, signed). */
export function liveAgreementsOfCase(db: Db, caseId: number): { id: number; status: string }[] {
  return db
    .prepare(`SELECT id, status FROM agreement WHERE case_id = ? AND status <> 'VOID'`)
    .all(caseId) as { id: number; status: string }[];
}

export function getStoredPdf(db: Db, id: number): Buffer | null {
  const row = db.prepare('SELECT pdf FROM agreement WHERE id = ?').get(id) as
    { pdf: Buffer | null } | undefined;
  return row?.pdf ?? null;
}

export interface NewAgreement {
  readonly caseId: number;
  readonly kind: 'WRITTEN' | 'ORAL';
  readonly status: 'DRAFT' | 'SIGNED';
  readonly number: string;
  readonly supersedesId: number | null;
  readonly amendReason: string | null;
  readonly contentJson: string;
  readonly signaturesJson: string;
  readonly effectiveDate: string | null;
}

export function insertAgreement(db: Db, a: NewAgreement, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO agreement (case_id, kind, status, number, supersedes_id, amend_reason,
         content_json, signatures_json, effective_date, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.caseId,
      a.kind,
      a.status,
      a.number,
      a.supersedesId,
      a.amendReason,
      a.contentJson,
      a.signaturesJson,
      a.effectiveDate,
      now,
      now,
    );
  return Number(info.lastInsertRowid);
}

/** True when the row was at `expectedVersion` in one of `statuses` and is now updated. */
export function updateDraftContent(
  db: Db,
  id: number,
  expectedVersion: number,
  number: string,
  contentJson: string,
  now: string,
): boolean {
  return (
    db
      .prepare(
        `UPDATE agreement SET number = ?, content_json = ?, version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? AND status = 'DRAFT'`,
      )
      .run(number, contentJson, now, id, expectedVersion).changes === 1
  );
}

export interface GeneratedColumns {
  readonly canonicalJson: string;
  readonly canonicalSha256: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly pdf: Buffer;
  readonly pdfSha256: string;
  readonly verificationCode: string;
  readonly generatedAt: string;
}

/** DRAFT → GENERATED with everything that freezes it; or (ORAL) stores the register PDF. */
export function storeGenerated(
  db: Db,
  id: number,
  expectedVersion: number,
  fromStatus: 'DRAFT' | 'SIGNED',
  g: GeneratedColumns,
  now: string,
): boolean {
  const stored =
    db
      .prepare(
        `UPDATE agreement SET
           status = CASE WHEN status = 'DRAFT' THEN 'GENERATED' ELSE status END,
           canonical_json = ?, canonical_sha256 = ?, template_id = ?, template_version = ?,
           pdf = ?, pdf_sha256 = ?, verification_code = ?, generated_at = ?,
           version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? AND status = ? AND pdf IS NULL`,
      )
      .run(
        g.canonicalJson,
        g.canonicalSha256,
        g.templateId,
        g.templateVersion,
        g.pdf,
        g.pdfSha256,
        g.verificationCode,
        g.generatedAt,
        now,
        id,
        expectedVersion,
        fromStatus,
      ).changes === 1;
  // Frozen: the PDF and its data are sealed under the audit key with the chain head.
  if (stored) sealAgreement(db, id, 'GENERATED', now);
  return stored;
}

export function updateSignatures(
  db: Db,
  id: number,
  expectedVersion: number,
  s: {
    readonly signaturesJson: string;
    readonly signed: boolean;
    readonly effectiveDate: string | null;
    readonly deadline: string | null;
    readonly nominalDeadline: string | null;
  },
  now: string,
): boolean {
  const updated =
    db
      .prepare(
        `UPDATE agreement SET signatures_json = ?,
           status = CASE WHEN ? THEN 'SIGNED' ELSE status END,
           effective_date = ?, confirmation_deadline = ?, confirmation_nominal_deadline = ?,
           version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? AND status = 'GENERATED'`,
      )
      .run(
        s.signaturesJson,
        s.signed ? 1 : 0,
        s.effectiveDate,
        s.deadline,
        s.nominalDeadline,
        now,
        id,
        expectedVersion,
      ).changes === 1;
  if (updated && s.signed) sealAgreement(db, id, 'SIGNED', now);
  return updated;
}

export function voidAgreement(
  db: Db,
  id: number,
  expectedVersion: number | null,
  reason: string,
  fromStatuses: readonly string[],
  now: string,
): boolean {
  const placeholders = fromStatuses.map(() => '?').join(', ');
  return (
    db
      .prepare(
        `UPDATE agreement SET status = 'VOID', void_reason = ?, voided_at = ?,
           version = version + 1, updated_at = ?
         WHERE id = ? AND (? IS NULL OR version = ?) AND status IN (${placeholders})`,
      )
      .run(reason, now, now, id, expectedVersion, expectedVersion, ...fromStatuses).changes === 1
  );
}

/** Takes the row's version for a write that changes only related rows (amend). */
export function bumpAgreementVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  now: string,
): boolean {
  return (
    db
      .prepare(
        'UPDATE agreement SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
      )
      .run(now, id, expectedVersion).changes === 1
  );
}

export function attachmentsOf(db: Db, agreementId: number): AttachmentRow[] {
  return db
    .prepare(
      `SELECT ${ATTACHMENT_COLUMNS} FROM agreement_attachment WHERE agreement_id = ? ORDER BY id`,
    )
    .all(agreementId) as AttachmentRow[];
}

export function getAttachment(db: Db, id: number): (AttachmentRow & { bytes: Buffer }) | undefined {
  return db
    .prepare(`SELECT ${ATTACHMENT_COLUMNS}, bytes FROM agreement_attachment WHERE id = ?`)
    .get(id) as (AttachmentRow & { bytes: Buffer }) | undefined;
}

export function attachmentBytesOf(
  db: Db,
  agreementId: number,
): (AttachmentRow & { bytes: Buffer })[] {
  return db
    .prepare(
      `SELECT ${ATTACHMENT_COLUMNS}, bytes FROM agreement_attachment
       WHERE agreement_id = ? ORDER BY id`,
    )
    .all(agreementId) as (AttachmentRow & { bytes: Buffer })[];
}

export function insertAttachment(
  db: Db,
  a: {
    readonly agreementId: number;
    readonly fileName: string;
    readonly mediaType: string;
    readonly bytes: Buffer;
    readonly sha256: string;
  },
  now: string,
): number {
  const info = db
    .prepare(
      `INSERT INTO agreement_attachment
         (agreement_id, file_name, media_type, byte_length, sha256, bytes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.agreementId, a.fileName, a.mediaType, a.bytes.length, a.sha256, a.bytes, now, now);
  return Number(info.lastInsertRowid);
}
