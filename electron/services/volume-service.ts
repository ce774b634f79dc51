import { getCaseRow } from '../../db/cases/case-reads.js';
import {
  attachmentBytes,
  attachmentsOfCase,
  getVolumeRow,
  insertAttachment,
  insertVolume,
  insertVolumeNote,
  nextVolumeSeq,
  volumeFacts,
  volumeNotes,
  type VolumeRow,
} from '../../db/volume/volume-queries.js';
import { MAX_SCAN_BYTES } from '../../domain/agreements/agreement-input.js';
import type { ScanFile } from '../../domain/agreements/agreement-views.js';
import { ApiError } from '../../domain/api/errors.js';
import { checkProofFile } from '../../domain/followups/proof-file.js';
import {
  missingSentence,
  volumeChecklist,
  type VolumeChecklist,
} from '../../domain/volume/volume-checklist.js';
import {
  ATTACHMENT_KIND_LABELS,
  RETENTION_LABELS,
  type ArchiveValues,
  type AttachValues,
  type VolumeNoteValues,
} from '../../domain/volume/volume-input.js';
import type { CaseVolume, VolumeAttachment } from '../../domain/volume/volume-views.js';
import { badInput } from './case-guards.js';
import type { CaseLifecycleService } from './case-lifecycle-service.js';
import { CaseService } from './case-service.js';
import { currentActor } from './desk-actor.js';
import { sha256Hex } from './document-engine.js';
import type { LedgerSession } from './ledger-session.js';
import { refuseWholeIdPaperOutOfScope } from './whole-id-papers.js';

export const volumeMessages = {
  caseNotFound: '找不到该案件，可能已被删除或编号有误',
  attachmentNotFound: '找不到该卷宗材料，可能已被删除或编号有误',
  conflict: '该案件已被他人修改并保存。请刷新后重试',
  notClosed: '只有已结案的案件才能立卷归档',
} as const;

/** 卷号 as printed on the cover (§2.3, §4.9): （2026）人调字第015号. */
export const volumeNumber = (year: number, seq: number): string =>
  `（${year}）人调字第${String(seq).padStart(3, '0')}号`;

/**
 * The volume (一案一卷): its checklist, the files that exist only on paper, dated notes and
 * archiving. Archiving is the case's ARCHIVE step of the lifecycle, taken in the same
 * transaction as the archiving record, and only when the checklist is complete.
 */
export class VolumeService extends CaseService {
  constructor(
    // kept here too: CaseService keeps its own private
    private readonly ledgerSession: LedgerSession,
    private readonly lifecycle: CaseLifecycleService,
  ) {
    super(ledgerSession);
  }

  checklist(caseId: number): VolumeChecklist {
    return volumeChecklist(volumeFacts(this.db(), caseId));
  }

  get(caseId: number): CaseVolume {
    const db = this.db();
    const row = getCaseRow(db, caseId);
    if (!row) throw new ApiError('NOT_FOUND', volumeMessages.caseNotFound);
    const volume = getVolumeRow(db, caseId);
    return {
      caseId,
      caseVersion: row.version,
      status: row.status,
      // An archived volume shows what it was archived with; later notes are listed beside it.
      checklist: volume
        ? (JSON.parse(volume.checklist_json) as VolumeChecklist)
        : this.checklist(caseId),
      archive: volume ? archiveView(volume) : null,
      notes: volumeNotes(db, caseId).map((n) => ({
        id: n.id,
        noteDate: n.note_date,
        text: n.text,
        createdBy: n.created_by,
        createdAt: n.created_at,
        afterArchiving: volume !== undefined && n.created_at >= volume.created_at,
      })),
      attachments: attachmentsOfCase(db, caseId).map((a): VolumeAttachment => ({
        id: a.id,
        kind: a.kind,
        label: ATTACHMENT_KIND_LABELS[a.kind],
        partyId: a.party_id,
        partyName: a.party_name,
        fileName: a.file_name,
        mediaType: a.media_type,
        byteLength: a.byte_length,
        sha256: a.sha256,
        createdAt: a.created_at,
      })),
    };
  }

  /** Assigns the 卷号 and archives; an incomplete volume is refused with what is missing. */
  archive(v: ArchiveValues): CaseVolume {
    const db = this.db();
    const now = this.nowIso();
    const today = this.today();
    db.transaction(() => {
      const row = this.requireEditable(v.caseId);
      if (row.version !== v.expectedVersion)
        throw new ApiError('CONFLICT', volumeMessages.conflict);
      if (row.status !== 'CLOSED') throw new ApiError('INVALID_STATE', volumeMessages.notClosed);
      if (row.closed_date !== null && v.filedDate < row.closed_date) {
        throw badInput(`立卷日期不能早于结案日期（${row.closed_date}）`, ['filedDate']);
      }
      if (v.filedDate > today) throw badInput('立卷日期不能晚于今天', ['filedDate']);
      const checklist = this.checklist(v.caseId);
      if (!checklist.complete) {
        throw new ApiError(
          'INVALID_STATE',
          `卷宗材料不全，不能归档：${missingSentence(checklist)}`,
          checklist.missing.map((m) => ({
            path: ['checklist', m.item],
            message: `${m.label}：${m.reason}`,
          })),
        );
      }
      const year = Number(v.filedDate.slice(0, 4));
      const seq = nextVolumeSeq(db, year);
      insertVolume(
        db,
        {
          case_id: v.caseId,
          volume_year: year,
          volume_seq: seq,
          volume_no: volumeNumber(year, seq),
          title: row.title,
          retention: v.retention,
          filed_by: v.filedBy,
          filed_date: v.filedDate,
          remarks: v.remarks,
          checklist_json: JSON.stringify(checklist),
        },
        now,
      );
      this.lifecycle.transition(
        v.caseId,
        v.expectedVersion,
        { action: 'ARCHIVE' },
        {
          volumeNo: volumeNumber(year, seq),
        },
      );
    }).immediate();
    return this.get(v.caseId);
  }

  /** 卷宗情况说明: appended, dated, never edited — the one write an archived case accepts. */
  addNote(v: VolumeNoteValues): CaseVolume {
    const db = this.db();
    if (v.noteDate > this.today()) throw badInput('说明日期不能晚于今天', ['noteDate']);
    db.transaction(() => {
      if (!getCaseRow(db, v.caseId)) throw new ApiError('NOT_FOUND', volumeMessages.caseNotFound);
      insertVolumeNote(
        db,
        { caseId: v.caseId, noteDate: v.noteDate, text: v.text, createdBy: currentActor() },
        this.nowIso(),
      );
    }).immediate();
    return this.get(v.caseId);
  }

  attach(v: AttachValues): CaseVolume {
    const bytes = Buffer.from(v.file.dataBase64, 'base64');
    if (bytes.length > MAX_SCAN_BYTES) {
      throw badInput(`文件太大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），最大 20 MB`, [
        'file',
        'dataBase64',
      ]);
    }
    const checked = checkProofFile(v.file.fileName, bytes);
    if (!checked.ok) throw badInput(checked.message, ['file', checked.field]);
    const db = this.db();
    db.transaction(() => {
      this.requireEditable(v.caseId);
      if (v.partyId !== null) {
        const owner = db.prepare('SELECT case_id FROM party WHERE id = ?').get(v.partyId) as
          { case_id: number } | undefined;
        if (owner?.case_id !== v.caseId) {
          throw badInput('所选当事人不是本案当事人，请重新选择', ['partyId']);
        }
      }
      insertAttachment(
        db,
        {
          caseId: v.caseId,
          kind: v.kind,
          partyId: v.partyId,
          fileName: v.file.fileName,
          mediaType: checked.mediaType,
          bytes,
          sha256: sha256Hex(bytes),
        },
        this.nowIso(),
      );
    }).immediate();
    return this.get(v.caseId);
  }

  attachment(attachmentId: number): ScanFile {
    const a = attachmentBytes(this.db(), attachmentId);
    if (!a) throw new ApiError('NOT_FOUND', volumeMessages.attachmentNotFound);
    refuseWholeIdPaperOutOfScope(this.ledgerSession, a.case_id, 'CASE_ATTACHMENT');
    return {
      fileName: a.file_name,
      mediaType: a.media_type as ScanFile['mediaType'],
      dataBase64: a.bytes.toString('base64'),
      sha256: a.sha256,
    };
  }
}

function archiveView(v: VolumeRow) {
  return {
    volumeNo: v.volume_no,
    title: v.title,
    retention: v.retention,
    retentionLabel: RETENTION_LABELS[v.retention],
    filedBy: v.filed_by,
    filedDate: v.filed_date,
    remarks: v.remarks,
    archivedAt: v.created_at,
  };
}
