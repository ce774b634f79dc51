import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs poppler/qpdf on PDF bytes (Debian packages installed on the build machine). */
function withFile<T>(pdf: Buffer, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-agreement-pdf-'));
  const file = path.join(dir, 'a.pdf');
  try {
    fs.writeFileSync(file, pdf);
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF without any whitespace (CJK lines wrap anywhere). */
export const pdfText = (pdf: Buffer): string =>
  withFile(pdf, (f) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }),
  ).replace(/\s+/g, '');

/** `pdftotext -bbox-layout` of the PDF: lines with their boxes (for table rows). */
export const pdfBbox = (pdf: Buffer): string =>
  withFile(pdf, (f) =>
    execFileSync('pdftotext', ['-bbox-layout', f, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );

export const qpdfCheck = (pdf: Buffer): string =>
  withFile(pdf, (f) => execFileSync('qpdf', ['--check', f], { encoding: 'utf8' }));
