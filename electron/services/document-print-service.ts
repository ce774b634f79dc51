import type { PrintOutcome } from '../../domain/agreements/agreement-views.js';
import type { PrintRegisterService } from './print-register-service.js';

/**
 * What the system print dialog reports. The object form carries the printer the user picked,
 * when the shell can tell; the print register keeps it.
 */
export type PrinterResult =
  'PRINTED' | 'CANCELLED' | { readonly outcome: 'PRINTED'; readonly printerName: string | null };

/**
 * The Electron shell's print route (electron/main/print-pdf.ts). Absent in tests and in the
 * dev:web host, where the renderer opens the PDF in the browser and prints from there.
 */
export interface DocumentPrinter {
  print(
    pdf: Buffer,
    options: { readonly copies: number; readonly title: string },
  ): Promise<PrinterResult>;
}

export const NO_PRINTER_MESSAGE =
  '当前环境不能直接调用打印机。请先打开 PDF，再用浏览器或 PDF 阅读器的打印功能打印，份数请按文书上的“一式 N 份”设置';

/**
 * Sends a stored version from the print register to paper and records the trip (copies, printer,
 * who, when). Only stored bytes are printed, so what went to paper is always what the register
 * holds.
 */
export class DocumentPrintService {
  constructor(
    private readonly register: PrintRegisterService,
    private readonly printer: DocumentPrinter | null,
  ) {}

  async print(printedDocumentId: number, copies: number): Promise<PrintOutcome> {
    const stored = this.register.getStored(printedDocumentId);
    if (this.printer === null) {
      return { printed: false, copies, reason: 'NO_PRINTER', message: NO_PRINTER_MESSAGE };
    }
    let result: PrinterResult;
    try {
      result = await this.printer.print(Buffer.from(stored.file.pdfBase64, 'base64'), {
        copies,
        title: stored.file.fileName,
      });
    } catch (error) {
      console.error('[print] failed:', error);
      return {
        printed: false,
        copies,
        reason: 'FAILED',
        message: '打印没有完成，请检查打印机是否连接、是否有纸，然后重试',
      };
    }
    if (result === 'CANCELLED') {
      return { printed: false, copies, reason: 'CANCELLED', message: '已取消打印' };
    }
    this.register.recordPrint({
      printedDocumentId,
      copies,
      printer: typeof result === 'string' ? null : result.printerName,
    });
    return { printed: true, copies };
  }
}
