import type { PrintOutcome } from '../../domain/agreements/agreement-views.js';
import type { DocumentPrinter, PrintJobResult } from './document-printer.js';
import type { PrintRegisterService } from './print-register-service.js';

export type { DocumentPrinter } from './document-printer.js';

const PREVIEWED_MESSAGE =
  '这台电脑没有安装打印机，已用系统的 PDF 阅读器打开文件：可在阅读器中打印，或另存后到有打印机的电脑上打印';
const PRINT_FAILED_MESSAGE = '打印没有完成，请检查打印机是否连接、是否有纸，然后重试';

export const NO_PRINTER_MESSAGE =
  '当前环境不能直接调用打印机。请先打开 PDF，再用浏览器或 PDF 阅读器的打印功能打印，份数请按文书上的“一式 N 份”设置';

/**
 * Sends stored bytes to paper and, when the job went to the printer, records the trip with
 * `record` (copies and printer as the shell preset them). Shared by every print register, so
 * what went to paper is always what a register holds.
 */
export async function printStoredBytes(
  printer: DocumentPrinter | null,
  file: { readonly bytes: Buffer; readonly title: string },
  copies: number,
  record: (copies: number, printer: string | null) => void,
): Promise<PrintOutcome> {
  if (printer === null) {
    return {
      printed: false,
      copies,
      printer: null,
      reason: 'NO_PRINTER',
      message: NO_PRINTER_MESSAGE,
    };
  }
  let job: PrintJobResult;
  try {
    job = await printer.print(file.bytes, { copies, title: file.title });
  } catch (error) {
    console.error('[print] failed:', error);
    return {
      printed: false,
      copies,
      printer: null,
      reason: 'FAILED',
      message: PRINT_FAILED_MESSAGE,
    };
  }
  const base = { copies: job.copies, printer: job.printer };
  switch (job.outcome) {
    case 'PRINTED':
      // Only a job that went to the printer is a trip to paper; the dialog's copy count and
      // printer are what the shell preset (Electron reports no change made inside the dialog).
      record(job.copies, job.printer);
      return { ...base, printed: true };
    case 'CANCELLED':
      return { ...base, printed: false, reason: 'CANCELLED', message: '已取消打印' };
    case 'PREVIEWED':
      return { ...base, printed: false, reason: 'PREVIEWED', message: PREVIEWED_MESSAGE };
    case 'FAILED':
      console.error('[print] failed:', job.detail ?? 'unknown');
      return { ...base, printed: false, reason: 'FAILED', message: PRINT_FAILED_MESSAGE };
  }
}

/** Prints a stored version of the case print register and records the trip (copies, printer). */
export class DocumentPrintService {
  constructor(
    private readonly register: PrintRegisterService,
    private readonly printer: DocumentPrinter | null,
  ) {}

  async print(printedDocumentId: number, copies: number): Promise<PrintOutcome> {
    const stored = this.register.openStored(printedDocumentId);
    return printStoredBytes(
      this.printer,
      { bytes: Buffer.from(stored.file.pdfBase64, 'base64'), title: stored.file.fileName },
      copies,
      (printed, printer) =>
        this.register.recordPrint({ printedDocumentId, copies: printed, printer }),
    );
  }
}
