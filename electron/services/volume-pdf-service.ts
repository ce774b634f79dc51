import {
  agreementRowsOfCase,
  attachmentBytesOf,
  getStoredPdf,
} from '../../db/agreements/agreement-queries.js';
import { getCaseDetail } from '../../db/cases/case-reads.js';
import { followUpsOfCase } from '../../db/followups/followup-queries.js';
import { confirmationOfAgreement } from '../../db/followups/confirmation-queries.js';
import {
  attachmentFilesOfCase,
  getVolumeRow,
  proofFilesOfCase,
  volumeNotes,
  type VolumeRow,
} from '../../db/volume/volume-queries.js';
import {
  CASE_DOCUMENT_LABELS,
  type RenderedDocument,
} from '../../domain/agreements/agreement-views.js';
import type { CanonicalValue } from '../../domain/agreements/canonical-json.js';
import { ApiError } from '../../domain/api/errors.js';
import type { CaseDetail } from '../../domain/cases/case-views.js';
import { recordKeyOf } from '../../domain/documents/printed-documents.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import { RETENTION_LABELS } from '../../domain/volume/volume-input.js';
import { VOLUME_ITEM_LABELS } from '../../domain/volume/volume-checklist.js';
import { apiMessagesZhCN } from '../../domain/messages/zh-CN.js';
import type { VolumePart, VolumePiece } from '../documents/volume-assembly.js';
import { ExportThreadStopped, type ExportRenderer } from '../reports/export-renderer.js';
import type { VolumeAssemblyJob } from './volume-assembly-job.js';
import type { DocumentRenderService } from './document-render-service.js';
import { sha256Hex, type DocumentEngine } from './document-engine.js';
import { letterhead, mediatorNames } from './document-ledger-data.js';
import type { FollowUpDocumentsService } from './followup-documents-service.js';
import { caseHistoryViews } from './case-history.js';
import type { LedgerSession } from './ledger-session.js';
import type { PrintRegisterService } from './print-register-service.js';
import { refuseWholeIdPaperOutOfScope } from './whole-id-papers.js';

const pdfPiece = (name: string, base64OrBytes: string | Buffer): VolumePiece => ({
  kind: 'pdf',
  name,
  bytes: typeof base64OrBytes === 'string' ? Buffer.from(base64OrBytes, 'base64') : base64OrBytes,
});

const scanPiece = (name: string, mediaType: string, bytes: Buffer): VolumePiece =>
  mediaType === 'application/pdf'
    ? { kind: 'pdf', name, bytes }
    : {
        kind: 'image',
        name,
        mediaType: mediaType === 'image/png' ? 'image/png' : 'image/jpeg',
        bytes,
      };

/**
 * One PDF of an archived case's volume, in the order of the standard index (§2.2): every
 * document is the print register's frozen copy (printed now if it never was), scans are the
 * stored bytes, and the cover, 卷内目录 and 卷内备考表 are rendered from the archiving record.
 * The volume itself is frozen too: asking again returns the same bytes. The parts are read and
 * rendered here; their assembly (pdf-lib, the frame re-rendered until the page count is stable)
 * runs on the renderer (the export thread in the app).
 */
export class VolumePdfService {
  constructor(
    private readonly ledger: LedgerSession,
    private readonly engine: DocumentEngine,
    private readonly register: PrintRegisterService,
    private readonly documents: DocumentRenderService,
    private readonly followUpDocuments: FollowUpDocumentsService,
    private readonly renderer: ExportRenderer,
  ) {}

  async pdf(caseId: number): Promise<RenderedDocument> {
    const db = this.ledger.db();
    const now = this.ledger.now();
    const detail = getCaseDetail(db, caseId, chinaToday(now));
    if (!detail) throw new ApiError('NOT_FOUND', '找不到该案件，可能已被删除或编号有误');
    refuseWholeIdPaperOutOfScope(this.ledger, caseId, 'VOLUME');
    const volume = getVolumeRow(db, caseId);
    if (!volume) {
      throw new ApiError(
        'INVALID_STATE',
        '案件立卷归档后才能生成卷宗 PDF（封面需要卷号、立卷人和立卷日期）',
      );
    }
    const parts = await this.parts(detail);
    const content: CanonicalValue = {
      volume: { ...volume, checklist_json: sha256Hex(volume.checklist_json) },
      notes: volumeNotes(db, caseId).map((n) => ({ id: n.id, date: n.note_date, text: n.text })),
      parts: parts.map((p) => ({
        title: p.title,
        remark: p.remark,
        pieces: p.pieces.map((x) => sha256Hex(Buffer.from(x.bytes))),
      })),
    };
    const frozen = await this.register.freeze({
      caseId,
      kind: 'VOLUME',
      recordKey: recordKeyOf('case'),
      fileName: `卷宗_${volume.volume_no}`,
      template: { id: 'people-mediation-volume', version: 1 },
      content,
      render: async () => {
        const bytes = Buffer.from(await this.assemble(this.job(parts, detail, volume)));
        return {
          bytes,
          sha256: sha256Hex(bytes),
          verificationCode: sha256Hex(bytes).slice(0, 16).toUpperCase(),
          templateId: 'people-mediation-volume',
          templateVersion: 1,
          issues: [],
        };
      },
    });
    return { ...frozen.file, issues: frozen.issues, printed: frozen.document };
  }

  private async assemble(job: VolumeAssemblyJob): Promise<Uint8Array> {
    try {
      return await this.renderer.volume(job);
    } catch (error) {
      if (error instanceof ExportThreadStopped) {
        throw new ApiError('INTERNAL', apiMessagesZhCN.volumeThreadStopped);
      }
      throw error;
    }
  }

  /** The parts and the archiving record as plain data for the assembly. */
  private job(
    parts: readonly VolumePart[],
    detail: CaseDetail,
    volume: VolumeRow,
  ): VolumeAssemblyJob {
    const db = this.ledger.db();
    const head = letterhead(db);
    const notes = volumeNotes(db, detail.id).map((n) => ({ date: n.note_date, text: n.text }));
    return {
      parts,
      pages: {
        committeeName: head.committeeName,
        title: volume.title,
        volumeNo: volume.volume_no,
        mediatorNames: mediatorNames(db, detail.mediatorIds, ['caseId']),
        from: detail.acceptedDate ?? detail.intakeDate,
        to: detail.closedDate ?? volume.filed_date,
        filedBy: volume.filed_by,
        filedDate: volume.filed_date,
        retention: RETENTION_LABELS[volume.retention],
        remarks: volume.remarks,
        notes,
        dateStyle: head.dateStyle,
      },
      backRemark: notes.length > 0 ? '含卷宗情况说明' : '',
      creationDate: this.ledger.now(),
      fontsDir: this.engine.options.fontsDir,
      templatesDir: this.engine.options.templatesDir,
    };
  }

  /** The documents and scans in index order (§2.2 items 1–12; the back cover is the frame's). */
  private async parts(c: CaseDetail): Promise<VolumePart[]> {
    const db = this.ledger.db();
    const parts: VolumePart[] = [];
    const add = (title: string, pieces: VolumePiece[], remark = '') => {
      if (pieces.length > 0) parts.push({ title, remark, pieces });
    };
    const doc = async (
      kind: Parameters<DocumentRenderService['render']>[1],
      recordId: number | null,
    ) => this.documents.render(c.id, kind, recordId, true);
    const scans = attachmentFilesOfCase(db, c.id);
    const scansOf = (kind: string) =>
      scans
        .filter((s) => s.kind === kind)
        .map((s) =>
          scanPiece(
            s.party_name ? `${s.party_name}：${s.file_name}` : s.file_name,
            s.media_type,
            s.bytes,
          ),
        );

    // 1. 申请书 (when one was printed) or 受理登记表.
    const application = this.register.latest({
      caseId: c.id,
      kind: 'APPLICATION',
      recordKey: 'case',
    });
    if (application) {
      const stored = this.register.getStored(application.id);
      add('人民调解申请书', [pdfPiece('申请书', stored.file.pdfBase64)]);
    }
    if (c.acceptedDate !== null) {
      add('人民调解受理登记表', [
        pdfPiece('受理登记表', (await doc('ACCEPTANCE_REGISTER', null)).pdfBase64),
      ]);
    }
    // 2. 告知书.
    add(VOLUME_ITEM_LABELS.RIGHTS_NOTICE, [
      pdfPiece('告知书', (await doc('RIGHTS_NOTICE', null)).pdfBase64),
    ]);
    // 3.–4. Identity copies and powers of attorney (scans).
    add(VOLUME_ITEM_LABELS.IDENTITY_PROOF, scansOf('IDENTITY_PROOF'), '复印件扫描');
    add(VOLUME_ITEM_LABELS.POWER_OF_ATTORNEY, scansOf('POWER_OF_ATTORNEY'));
    // 5. 调查记录.
    for (const [i, r] of c.investigations.entries()) {
      add(`${VOLUME_ITEM_LABELS.INVESTIGATION_RECORD}（${i + 1}）`, [
        pdfPiece('调查记录', (await doc('INVESTIGATION_RECORD', r.id)).pdfBase64),
      ]);
    }
    // 6. 证据材料.
    add(VOLUME_ITEM_LABELS.EVIDENCE, scansOf('EVIDENCE'));
    // 7. 调解记录.
    for (const s of c.sessions) {
      add(`${VOLUME_ITEM_LABELS.SESSION_RECORD}（第${s.sessionNo}次）`, [
        pdfPiece('调解记录', (await doc('SESSION_RECORD', s.id)).pdfBase64),
      ]);
    }
    // 8. 协议书 (with the scan of the signed paper) or 口头协议登记表.
    const agreements = agreementRowsOfCase(db, c.id);
    for (const a of agreements) {
      const superseded = agreements.some((b) => b.supersedes_id === a.id && b.status === 'SIGNED');
      if (a.kind === 'WRITTEN' && a.status === 'SIGNED') {
        const pdf = getStoredPdf(db, a.id);
        const signed = attachmentBytesOf(db, a.id).map((s) =>
          scanPiece(s.file_name, s.media_type, s.bytes),
        );
        add(
          VOLUME_ITEM_LABELS.AGREEMENT,
          [...(pdf ? [pdfPiece('协议书', pdf)] : []), ...signed],
          [a.number, superseded ? '已变更' : '', signed.length > 0 ? '附签署件扫描' : '']
            .filter((x) => x)
            .join('；'),
        );
      } else if (a.kind === 'ORAL' && a.status !== 'DRAFT' && a.status !== 'VOID') {
        add('人民调解口头协议登记表', [
          pdfPiece('口头协议登记表', (await doc('ORAL_AGREEMENT_REGISTER', a.id)).pdfBase64),
        ]);
      }
    }
    // 9. 履行凭证.
    add(
      VOLUME_ITEM_LABELS.PERFORMANCE_PROOF,
      proofFilesOfCase(db, c.id).map((p) => scanPiece(p.file_name, p.media_type, p.bytes)),
    );
    // 10. 回访记录.
    for (const f of followUpsOfCase(db, c.id).filter((x) => x.status === 'DONE')) {
      add(`${VOLUME_ITEM_LABELS.FOLLOWUP_RECORD}（${f.visit_date ?? ''}）`, [
        pdfPiece('回访记录', (await this.followUpDocuments.visitRecord(f.id, true)).pdfBase64),
      ]);
    }
    // 11. 司法确认有关材料: the application of each agreement applied for, then the scans.
    const confirmation: VolumePiece[] = [];
    for (const a of agreements) {
      if (a.kind === 'WRITTEN' && a.status === 'SIGNED' && confirmationOfAgreement(db, a.id)) {
        confirmation.push(
          pdfPiece(
            '司法确认申请书',
            (await this.followUpDocuments.confirmationApplication(a.id, true)).pdfBase64,
          ),
        );
      }
    }
    add(VOLUME_ITEM_LABELS.JUDICIAL_CONFIRMATION, [
      ...confirmation,
      ...scansOf('CONFIRMATION_MATERIAL'),
    ]);
    // 12. With the 卷宗情况说明: what was corrected after saving (issue 8), so a reader of the
    // volume can tell why a name or number differs from the papers signed before the change.
    const corrections = caseHistoryViews(db, c.id).length;
    if (corrections > 0) {
      add(
        CASE_DOCUMENT_LABELS.CORRECTION_HISTORY,
        [
          pdfPiece(
            CASE_DOCUMENT_LABELS.CORRECTION_HISTORY,
            (await doc('CORRECTION_HISTORY', null)).pdfBase64,
          ),
        ],
        `共更正${corrections}次`,
      );
    }
    return parts;
  }
}
