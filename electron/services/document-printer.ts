/**
 * What the services need from a printer, without Electron: the Electron shell implements it in
 * electron/main/print-pdf.ts; tests and the dev:web host have none (the renderer then offers the
 * PDF for download).
 */

/**
 * PRINTED: the job went to the printer. CANCELLED: the user closed the print dialog.
 * PREVIEWED: the machine has no printer, so the PDF was opened in the system viewer instead.
 * FAILED: anything else (printer gone, viewer never ready, spooler error).
 */
export type PrintJobOutcome = 'PRINTED' | 'CANCELLED' | 'PREVIEWED' | 'FAILED';

export interface PrintRequest {
  readonly copies: number;
  readonly title: string;
  /** The printer's OS name chosen in the app; null: the system default. */
  readonly printer?: string | null;
}

export interface PrintJobResult {
  readonly outcome: PrintJobOutcome;
  /**
   * The printer the dialog was opened on, as the OS names it. Null when the system default was
   * used and more than one printer is installed: Electron reports neither which printer is the
   * default nor a printer changed inside the system dialog.
   */
  readonly printer: string | null;
  /** The copy count the dialog was opened with. */
  readonly copies: number;
  /** Electron's failure reason or our own, for the log only (English, never shown). */
  readonly detail?: string;
}

export interface DocumentPrinter {
  print(pdf: Buffer, request: PrintRequest): Promise<PrintJobResult>;
}
