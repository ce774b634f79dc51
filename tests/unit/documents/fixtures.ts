import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildAgreementDocumentData,
  type AgreementDocumentInput,
} from '../../../electron/documents/agreement-data.js';
import { SAMPLE_AGREEMENT_INPUT } from '../../../electron/documents/bench-agreement-pdf.js';
import { loadDocumentFonts } from '../../../electron/documents/font-registry.js';
import { loadTemplateFile } from '../../../electron/documents/template-loader.js';

export const REPO = path.resolve(import.meta.dirname, '../../..');
export const TEMPLATES = path.join(REPO, 'templates');
export const FIXED_DATE = new Date('2026-11-23T02:00:00Z');

export const fonts = () => loadDocumentFonts(path.join(REPO, 'node_modules', '@expo-google-fonts'));
export const agreementTemplate = () => loadTemplateFile(path.join(TEMPLATES, 'agreement.v1.json'));
export const noticeTemplate = () => loadTemplateFile(path.join(TEMPLATES, 'rights-notice.v1.json'));

export const agreementData = (overrides: Partial<AgreementDocumentInput> = {}) =>
  buildAgreementDocumentData({ ...SAMPLE_AGREEMENT_INPUT, ...overrides });

export { SAMPLE_AGREEMENT_INPUT };

/** Writes a PDF into a fresh temporary directory and gives helpers over poppler/qpdf. */
const createdDirs: string[] = [];

/** Call from afterAll: removes the temporary directories of `pdfFile`. */
export function removePdfFiles(): void {
  for (const dir of createdDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function pdfFile(pdf: Buffer, name = 'document.pdf') {
  const dir = mkdtempSync(path.join(tmpdir(), 'mediation-pdf-'));
  createdDirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  const run = (cmd: string, args: readonly string[]) =>
    execFileSync(cmd, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    dir,
    file,
    text: (...args: string[]) => run('pdftotext', [...args, file, '-']),
    pageText: (page: number, ...args: string[]) =>
      run('pdftotext', ['-f', String(page), '-l', String(page), ...args, file, '-']),
    pages: () => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1] ?? 0),
    info: () => run('pdfinfo', [file]),
    fonts: () => run('pdffonts', [file]),
    qpdfCheck: () => run('qpdf', ['--check', file]),
    bbox: () => run('pdftotext', ['-bbox-layout', file, '-']),
  };
}

/** Text with all whitespace removed, for searching phrases that may wrap. */
export const squash = (text: string) => text.replace(/\s+/g, '');
