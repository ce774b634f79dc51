import type { AttachmentKind, RetentionPeriod } from '../../domain/volume/volume-input.js';
import type { VolumeFacts, VolumeOutcome } from '../../domain/volume/volume-checklist.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';

/** The volume's SQL (migration 014): the facts the checklist judges, archiving, notes, files. */

const OUTCOME_OF_STATE: Readonly<Record<string, VolumeOutcome>> = {
  SETTLED_WRITTEN: 'WRITTEN',
  SETTLED_ORAL: 'ORAL',
  TERMINATED_FAILED: 'FAILED',
  TERMINATED_REFUSED: 'REFUSED',
  REFERRED: 'REFERRED',
};

const count = (db: Db, sql: string, ...args: unknown[]): number =>
  (statement(db, sql).get(...args) as { n: number }).n;

export function volumeFacts(db: Db, caseId: number): VolumeFacts {
  const c = statement(db, 'SELECT accepted_date FROM case_file WHERE id = ?').get(caseId) as
    { accepted_date: string | null } | undefined;
  const printed = (kinds: string) =>
    count(
      db,
      `SELECT count(*) AS n FROM printed_document WHERE case_id = ? AND kind IN (${kinds})`,
      caseId,
    ) > 0;
  const parties = statement(
    db,
    `SELECT p.name,
            (SELECT count(*) FROM case_attachment a
              WHERE a.case_id = p.case_id AND a.party_id = p.id AND a.kind = 'IDENTITY_PROOF') AS ids,
            (SELECT count(*) FROM case_attachment a
              WHERE a.case_id = p.case_id AND a.party_id = p.id AND a.kind = 'POWER_OF_ATTORNEY') AS poas,
            EXISTS (SELECT 1 FROM party_representative r
              WHERE r.party_id = p.id AND r.kind = 'AGENT') AS agent
       FROM party p WHERE p.case_id = ? ORDER BY p.sort, p.id`,
  ).all(caseId) as { name: string; ids: number; poas: number; agent: number }[];
  // The last settling or ending step decides what the volume must hold.
  const ending = statement(
    db,
    `SELECT to_state FROM status_history WHERE case_id = ? AND to_state IN
       ('SETTLED_WRITTEN', 'SETTLED_ORAL', 'TERMINATED_FAILED', 'TERMINATED_REFUSED', 'REFERRED')
     ORDER BY id DESC LIMIT 1`,
  ).get(caseId) as { to_state: string } | undefined;
  const outcome = ending ? (OUTCOME_OF_STATE[ending.to_state] ?? 'OPEN') : 'OPEN';
  const closedUnperformed =
    count(
      db,
      `SELECT count(*) AS n FROM status_history WHERE case_id = ? AND action = 'CLOSE'
         AND json_extract(data_json, '$.unperformedReason') IS NOT NULL
         AND json_extract(data_json, '$.unperformedReason') <> ''`,
      caseId,
    ) > 0;
  return {
    accepted: c?.accepted_date !== null && c?.accepted_date !== undefined,
    acceptanceOrApplicationPrinted: printed(`'ACCEPTANCE_REGISTER', 'APPLICATION'`),
    rightsNoticePrinted: printed(`'RIGHTS_NOTICE'`),
    parties: parties.map((p) => ({ name: p.name, identityCopies: p.ids })),
    agentParties: parties
      .filter((p) => p.agent === 1)
      .map((p) => ({ name: p.name, powersOfAttorney: p.poas })),
    investigations: count(
      db,
      'SELECT count(*) AS n FROM investigation_record WHERE case_id = ?',
      caseId,
    ),
    evidence: count(
      db,
      `SELECT count(*) AS n FROM case_attachment WHERE case_id = ? AND kind = 'EVIDENCE'`,
      caseId,
    ),
    sessions: count(db, 'SELECT count(*) AS n FROM session_record WHERE case_id = ?', caseId),
    outcome,
    agreementOnFile:
      count(
        db,
        `SELECT count(*) AS n FROM agreement WHERE case_id = ?
           AND ((kind = 'WRITTEN' AND status = 'SIGNED') OR (kind = 'ORAL' AND status NOT IN ('DRAFT', 'VOID')))`,
        caseId,
      ) > 0,
    hasObligations:
      count(
        db,
        `SELECT count(*) AS n FROM followup WHERE case_id = ? AND origin IN ('INSTALMENT', 'OBLIGATION')`,
        caseId,
      ) > 0,
    performanceProofs: count(
      db,
      `SELECT count(*) AS n FROM followup_proof p JOIN followup f ON f.id = p.followup_id
        WHERE f.case_id = ?`,
      caseId,
    ),
    visitsDone: count(
      db,
      `SELECT count(*) AS n FROM followup WHERE case_id = ? AND status = 'DONE'`,
      caseId,
    ),
    closedUnperformed,
    confirmationRecorded:
      count(db, 'SELECT count(*) AS n FROM judicial_confirmation WHERE case_id = ?', caseId) > 0,
    volumeNotes: count(db, 'SELECT count(*) AS n FROM case_volume_note WHERE case_id = ?', caseId),
  };
}

export interface VolumeRow {
  case_id: number;
  volume_year: number;
  volume_seq: number;
  volume_no: string;
  title: string;
  retention: RetentionPeriod;
  filed_by: string;
  filed_date: string;
  remarks: string | null;
  checklist_json: string;
  created_at: string;
}

export function getVolumeRow(db: Db, caseId: number): VolumeRow | undefined {
  return statement(db, 'SELECT * FROM case_volume WHERE case_id = ?').get(caseId) as
    VolumeRow | undefined;
}

/** The next 卷号 sequence of a year (numbers only go up; a volume is never removed). */
export function nextVolumeSeq(db: Db, year: number): number {
  const r = statement(
    db,
    'SELECT coalesce(max(volume_seq), 0) + 1 AS n FROM case_volume WHERE volume_year = ?',
  ).get(year) as { n: number };
  return r.n;
}

export function insertVolume(db: Db, v: Omit<VolumeRow, 'created_at'>, now: string): void {
  statement(
    db,
    `INSERT INTO case_volume (case_id, volume_year, volume_seq, volume_no, title, retention,
       filed_by, filed_date, remarks, checklist_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.case_id,
    v.volume_year,
    v.volume_seq,
    v.volume_no,
    v.title,
    v.retention,
    v.filed_by,
    v.filed_date,
    v.remarks,
    v.checklist_json,
    now,
  );
}

export interface VolumeNoteRow {
  id: number;
  case_id: number;
  note_date: string;
  text: string;
  created_by: string;
  created_at: string;
}

export function insertVolumeNote(
  db: Db,
  n: { caseId: number; noteDate: string; text: string; createdBy: string },
  now: string,
): number {
  return Number(
    statement(
      db,
      `INSERT INTO case_volume_note (case_id, note_date, text, created_by, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(n.caseId, n.noteDate, n.text, n.createdBy, now).lastInsertRowid,
  );
}

export function volumeNotes(db: Db, caseId: number): VolumeNoteRow[] {
  return statement(db, 'SELECT * FROM case_volume_note WHERE case_id = ? ORDER BY id').all(
    caseId,
  ) as VolumeNoteRow[];
}

export interface AttachmentRow {
  id: number;
  case_id: number;
  kind: AttachmentKind;
  party_id: number | null;
  party_name: string | null;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  byte_length: number;
  sha256: string;
  created_at: string;
}

export function insertAttachment(
  db: Db,
  a: {
    caseId: number;
    kind: AttachmentKind;
    partyId: number | null;
    fileName: string;
    mediaType: string;
    bytes: Buffer;
    sha256: string;
  },
  now: string,
): number {
  return Number(
    statement(
      db,
      `INSERT INTO case_attachment (case_id, kind, party_id, file_name, media_type, byte_length,
         sha256, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.caseId,
      a.kind,
      a.partyId,
      a.fileName,
      a.mediaType,
      a.bytes.length,
      a.sha256,
      a.bytes,
      now,
    ).lastInsertRowid,
  );
}

export function attachmentsOfCase(db: Db, caseId: number): AttachmentRow[] {
  return statement(
    db,
    `SELECT a.id, a.case_id, a.kind, a.party_id, p.name AS party_name, a.file_name, a.media_type,
            a.byte_length, a.sha256, a.created_at
       FROM case_attachment a LEFT JOIN party p ON p.id = a.party_id
      WHERE a.case_id = ? ORDER BY a.kind, a.id`,
  ).all(caseId) as AttachmentRow[];
}

export function attachmentBytes(
  db: Db,
  id: number,
):
  | { case_id: number; file_name: string; media_type: string; sha256: string; bytes: Buffer }
  | undefined {
  return statement(
    db,
    'SELECT case_id, file_name, media_type, sha256, bytes FROM case_attachment WHERE id = ?',
  ).get(id) as
    | { case_id: number; file_name: string; media_type: string; sha256: string; bytes: Buffer }
    | undefined;
}

/** Every scan of the volume with its bytes, for the volume PDF (index order is decided there). */
export function attachmentFilesOfCase(
  db: Db,
  caseId: number,
): (AttachmentRow & { bytes: Buffer })[] {
  return statement(
    db,
    `SELECT a.id, a.case_id, a.kind, a.party_id, p.name AS party_name, a.file_name, a.media_type,
            a.byte_length, a.sha256, a.created_at, a.bytes
       FROM case_attachment a LEFT JOIN party p ON p.id = a.party_id
      WHERE a.case_id = ? ORDER BY a.kind, p.sort, a.id`,
  ).all(caseId) as (AttachmentRow & { bytes: Buffer })[];
}

/** Proofs of performance of a case, oldest visit first, with their bytes. */
export function proofFilesOfCase(
  db: Db,
  caseId: number,
): { file_name: string; media_type: string; sha256: string; bytes: Buffer }[] {
  return statement(
    db,
    `SELECT p.file_name, p.media_type, p.sha256, p.bytes FROM followup_proof p
       JOIN followup f ON f.id = p.followup_id
      WHERE f.case_id = ? ORDER BY f.visit_date, f.id, p.id`,
  ).all(caseId) as { file_name: string; media_type: string; sha256: string; bytes: Buffer }[];
}
