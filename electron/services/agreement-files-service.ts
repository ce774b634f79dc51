import { latestAgreementSeal } from '../../db/audit/agreement-seal.js';
import { sealHex } from '../../db/audit/audit-hash.js';
import { auditKeyFileFor, readAuditKey } from '../../db/audit/audit-key.js';
import {
  attachmentBytesOf,
  getAttachment,
  getStoredPdf,
  insertAttachment,
} from '../../db/agreements/agreement-queries.js';
import {
  getHolidayCalendar,
  saveHolidayCalendar,
} from '../../db/agreements/holiday-calendar-queries.js';
import { attachmentFromRow } from '../../db/agreements/agreement-rows.js';
import { MAX_SCAN_BYTES } from '../../domain/agreements/agreement-input.js';
import type {
  AgreementAttachment,
  HolidayCalendar,
  PdfFile,
  PrintOutcome,
  ScanFile,
  VerifyCheck,
  VerifyItem,
  VerifyReport,
} from '../../domain/agreements/agreement-views.js';
import type { PrintedDocument } from '../../domain/documents/printed-documents.js';
import { detectScanType } from '../../domain/agreements/scan-type.js';
import { ApiError } from '../../domain/api/errors.js';
import { AgreementServiceBase } from './agreement-common.js';
import { pdfFile } from './agreement-draft-service.js';
import { badInput } from './case-guards.js';
import { sha256Hex, type DocumentEngine } from './document-engine.js';
import type { DocumentPrintService } from './document-print-service.js';
import type { LedgerSession } from './ledger-session.js';
import { registerAgreementPdf } from './print-register-agreements.js';
import { agreementPrintsWholeIdNumbers, refuseWholeIdPaperOutOfScope } from './whole-id-papers.js';
import type { PrintRegisterService } from './print-register-service.js';

export { NO_PRINTER_MESSAGE } from './document-print-service.js';
export type { DocumentPrinter } from './document-printer.js';

const shortHash = (hex: string) => hex.slice(0, 16);

/** Stored bytes out (PDF, scans, print), scans in, and the integrity check over all of them. */
export class AgreementFilesService extends AgreementServiceBase {
  constructor(
    ledger: LedgerSession,
    engine: DocumentEngine,
    private readonly register: PrintRegisterService,
    private readonly printing: DocumentPrintService,
  ) {
    super(ledger, engine);
  }

  private storedPdf(id: number): { pdf: Buffer; file: PdfFile; copies: number } {
    const row = this.requireRow(id);
    const pdf = getStoredPdf(this.db(), id);
    if (pdf === null || row.pdf_sha256 === null) {
      throw new ApiError('INVALID_STATE', '协议书尚未生成，没有可打印的文件。请先生成协议书');
    }
    const content = JSON.parse(row.content_json) as { partyIds: number[]; copies?: number | null };
    const name = row.kind === 'ORAL' ? '口头协议登记表' : '人民调解协议书';
    return {
      pdf,
      // The recorded hash, not a fresh one: what the caller gets is what was stored.
      file: pdfFile(`${name}_${row.number}`, pdf, row.pdf_sha256, row.verification_code ?? ''),
      copies: row.kind === 'ORAL' ? 1 : (content.copies ?? content.partyIds.length + 1),
    };
  }

  /** Lists a generated agreement or oral register in the case's print register (idempotent). */
  registerPrinted(id: number): PrintedDocument {
    const row = this.requireRow(id);
    const pdf = getStoredPdf(this.db(), id);
    if (pdf === null) {
      throw new ApiError('INVALID_STATE', '协议书尚未生成，没有可打印的文件。请先生成协议书');
    }
    return registerAgreementPdf(this.register, row, pdf);
  }

  /** Before anything is read or registered: a refused paper leaves no trace but the audit entry. */
  private requireMayHave(id: number): void {
    const row = this.requireRow(id);
    if (agreementPrintsWholeIdNumbers(row)) {
      refuseWholeIdPaperOutOfScope(this.ledger, row.case_id, 'AGREEMENT');
    }
  }

  pdf(id: number): PdfFile {
    this.requireMayHave(id);
    const stored = this.storedPdf(id);
    this.registerPrinted(id);
    return stored.file;
  }

  async print(id: number, copies: number | null): Promise<PrintOutcome> {
    this.requireMayHave(id);
    const stored = this.storedPdf(id);
    const printed = this.registerPrinted(id);
    return this.printing.print(printed.id, copies ?? stored.copies);
  }

  attachScan(id: number, fileName: string, dataBase64: string): AgreementAttachment {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_SCAN_BYTES) {
      throw badInput(
        `文件太大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），扫描件最大 20 MB，请降低扫描分辨率后重试`,
        ['scan', 'dataBase64'],
      );
    }
    const type = detectScanType(bytes);
    if (!type.ok) throw badInput(type.message, ['scan', 'dataBase64']);
    const db = this.db();
    const now = this.nowIso();
    const attachmentId = db
      .transaction(() => {
        const row = this.requireRow(id);
        this.requireCaseEditable(row.case_id);
        if (row.status === 'DRAFT' || row.status === 'VOID') {
          throw new ApiError('INVALID_STATE', '只有已生成或已签署的协议才能上传签署后的扫描件');
        }
        return insertAttachment(
          db,
          { agreementId: id, fileName, mediaType: type.mediaType, bytes, sha256: sha256Hex(bytes) },
          now,
        );
      })
      .immediate();
    const stored = getAttachment(db, attachmentId);
    if (!stored) throw new ApiError('NOT_FOUND', '找不到该扫描件');
    return attachmentFromRow(stored);
  }

  scan(attachmentId: number): ScanFile {
    const a = getAttachment(this.db(), attachmentId);
    if (!a) throw new ApiError('NOT_FOUND', '找不到该扫描件，可能已被删除或编号有误');
    // always: parties often write their numbers by hand beside the signature, option or not
    refuseWholeIdPaperOutOfScope(
      this.ledger,
      this.requireRow(a.agreement_id).case_id,
      'AGREEMENT_SCAN',
    );
    return {
      fileName: a.file_name,
      mediaType: a.media_type,
      dataBase64: a.bytes.toString('base64'),
      sha256: a.sha256,
    };
  }

  verify(id: number): VerifyReport {
    const db = this.db();
    const row = this.requireRow(id);
    const checks: VerifyCheck[] = [];
    const pdf = getStoredPdf(db, id);
    if (pdf !== null && row.pdf_sha256 !== null) {
      const actual = sha256Hex(pdf);
      const ok = actual === row.pdf_sha256;
      checks.push({
        item: 'PDF',
        attachmentId: null,
        ok,
        expectedSha256: row.pdf_sha256,
        actualSha256: actual,
        message: ok
          ? `协议书 PDF 与生成时一致（SHA-256 ${shortHash(actual)}…）`
          : `协议书 PDF 已被改动：生成时的 SHA-256 为 ${shortHash(row.pdf_sha256)}…，现在为 ${shortHash(actual)}…。请以签署的纸质原件为准，并报告管理人员`,
      });
    }
    if (row.canonical_json !== null && row.canonical_sha256 !== null) {
      const actual = sha256Hex(row.canonical_json);
      const ok = actual === row.canonical_sha256;
      checks.push({
        item: 'CANONICAL_DATA',
        attachmentId: null,
        ok,
        expectedSha256: row.canonical_sha256,
        actualSha256: actual,
        message: ok
          ? '协议书数据与生成时一致'
          : '协议书数据已被改动，与生成时记录的哈希值不符。请以签署的纸质原件为准，并报告管理人员',
      });
    }
    checks.push(...this.sealChecks(id, pdf, row.canonical_json));
    for (const a of attachmentBytesOf(db, id)) {
      const actual = sha256Hex(a.bytes);
      const ok = actual === a.sha256 && a.bytes.length === a.byte_length;
      checks.push({
        item: 'SCAN',
        attachmentId: a.id,
        ok,
        expectedSha256: a.sha256,
        actualSha256: actual,
        message: ok
          ? `扫描件“${a.file_name}”与上传时一致`
          : `扫描件“${a.file_name}”已被改动，与上传时记录的哈希值不符`,
      });
    }
    const failed = checks.filter((c) => !c.ok);
    const summary =
      checks.length === 0
        ? '该协议尚未生成，没有可核验的文件'
        : failed.length === 0
          ? `核验通过：${checks.length} 项文件和数据均与存档时一致`
          : `核验发现 ${failed.length} 项不一致：${failed.map((c) => c.message).join('；')}`;
    return { agreementId: id, ok: failed.length === 0, summary, checks };
  }

  /**
   * The keyed checks: HMACs under the audit key (kept outside the ledger) of the PDF and the
   * data, stored when the agreement was frozen or signed. Someone who replaces the PDF and
   * recomputes its SHA-256 passes the plain checks above, never these.
   */
  private sealChecks(id: number, pdf: Buffer | null, canonical: string | null): VerifyCheck[] {
    if (pdf === null && canonical === null) return [];
    const db = this.db();
    const seal = latestAgreementSeal(db, id);
    const key = readAuditKey(auditKeyFileFor(db.name));
    const parts: {
      item: VerifyItem;
      what: string;
      stored: string | null;
      purpose: string;
      bytes: Buffer | string | null;
    }[] = [
      {
        item: 'PDF_SEAL',
        what: '协议书 PDF',
        stored: seal?.pdf_hmac ?? null,
        purpose: 'agreement-pdf',
        bytes: pdf,
      },
      {
        item: 'DATA_SEAL',
        what: '协议书数据',
        stored: seal?.canonical_hmac ?? null,
        purpose: 'agreement-content',
        bytes: canonical,
      },
    ];
    const head = seal?.chain_seq
      ? `（印记时审计链头：第 ${seal.chain_seq} 条 ${(seal.chain_head ?? '').slice(0, 16)}…）`
      : '';
    return parts
      .filter((p) => p.bytes !== null)
      .map((p) => {
        if (!seal || p.stored === null) {
          return {
            item: p.item,
            attachmentId: null,
            ok: false,
            expectedSha256: '',
            actualSha256: '',
            message: `${p.what}没有密钥印记：该协议在启用审计链时已与记录的哈希值不符，无法证明未被改动`,
          };
        }
        if (!key || key.id !== seal.key_id) {
          return {
            item: p.item,
            attachmentId: null,
            ok: false,
            expectedSha256: p.stored,
            actualSha256: '',
            message: `密钥缺失：${p.what}的印记是用本机没有的审计密钥计算的，无法核验。请把原电脑数据文件夹中的 keys/audit.key 复制到本机`,
          };
        }
        const actual = sealHex(key, p.purpose, p.bytes ?? '');
        const ok = actual === p.stored;
        return {
          item: p.item,
          attachmentId: null,
          ok,
          expectedSha256: p.stored,
          actualSha256: actual,
          message: ok
            ? `${p.what}与密钥印记一致${head}`
            : `${p.what}与生成时的密钥印记不符：文件或数据被替换过（即使其 SHA-256 被重新计算）${head}。请以签署的纸质原件为准，并报告管理人员`,
        };
      });
  }

  holidayCalendar(): HolidayCalendar {
    return getHolidayCalendar(this.db());
  }

  saveHolidayCalendar(
    values: { holidays: string[]; makeUpWorkdays: string[] },
    expectedVersion: number,
  ): HolidayCalendar {
    const overlap = values.holidays.filter((d) => values.makeUpWorkdays.includes(d));
    if (overlap.length > 0) {
      throw badInput(`${overlap.join('、')} 不能既是节假日又是调休上班日`, ['makeUpWorkdays']);
    }
    const db = this.db();
    db.transaction(() => {
      if (!saveHolidayCalendar(db, values, expectedVersion, this.nowIso())) {
        throw new ApiError('CONFLICT', '节假日设置已被他人修改并保存，请刷新后再修改');
      }
    }).immediate();
    return getHolidayCalendar(db);
  }
}
