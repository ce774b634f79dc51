import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/**
 * Seals an agreement as it stands: HMACs (under the audit key) of its PDF and its canonical data,
 * and the chain head at that moment, which already holds the write that froze or signed it.
 * Called inside the transaction that generates or signs the agreement.
 */
export function sealAgreement(
  db: Db,
  agreementId: number,
  stage: 'GENERATED' | 'SIGNED',
  now: string,
): void {
  statement(
    db,
    `INSERT INTO agreement_seal (agreement_id, stage, pdf_hmac, canonical_hmac, key_id, chain_seq, chain_head, sealed_at)
     SELECT a.id, ?, audit_seal('agreement-pdf', a.pdf), audit_seal('agreement-content', a.canonical_json),
            audit_key_id(), l.seq, lower(hex(l.mac)), ?
       FROM agreement a LEFT JOIN (SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1) AS l
      WHERE a.id = ?`,
  ).run(stage, now, agreementId);
}

export interface AgreementSealRow {
  readonly stage: 'GENERATED' | 'SIGNED' | 'MIGRATED';
  readonly pdf_hmac: string | null;
  readonly canonical_hmac: string | null;
  readonly key_id: string;
  readonly chain_seq: number | null;
  readonly chain_head: string | null;
  readonly sealed_at: string;
}

/** The newest seal of an agreement, or null (never sealed: made before 022 and no longer matching). */
export function latestAgreementSeal(db: Db, agreementId: number): AgreementSealRow | null {
  return (
    (db
      .prepare(
        `SELECT stage, pdf_hmac, canonical_hmac, key_id, chain_seq, chain_head, sealed_at
           FROM agreement_seal WHERE agreement_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(agreementId) as AgreementSealRow | undefined) ?? null
  );
}
