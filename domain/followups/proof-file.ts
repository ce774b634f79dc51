import { detectScanType, type ScanMediaType } from '../agreements/scan-type';

/**
 * A proof of performance (收条、转账凭证、照片) is accepted only when its bytes are a PDF, JPEG or
 * PNG *and* its name says the same thing: a "收条.pdf" that is really a photo would print and
 * archive under the wrong type, and a mismatch is the usual sign of a renamed file.
 */
const EXTENSIONS: Readonly<Record<ScanMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

const KIND_LABELS: Readonly<Record<ScanMediaType, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG 图片',
  'image/png': 'PNG 图片',
};

export type ProofCheck =
  | { readonly ok: true; readonly mediaType: ScanMediaType }
  | { readonly ok: false; readonly field: 'fileName' | 'dataBase64'; readonly message: string };

export function checkProofFile(fileName: string, bytes: Uint8Array): ProofCheck {
  const type = detectScanType(bytes);
  if (!type.ok) return { ok: false, field: 'dataBase64', message: type.message };
  const dot = fileName.lastIndexOf('.');
  const ext = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  if (!EXTENSIONS[type.mediaType].includes(ext)) {
    return {
      ok: false,
      field: 'fileName',
      message: `文件“${fileName}”的名称与内容不符：内容实际是${KIND_LABELS[type.mediaType]}。请确认选择的是正确的文件`,
    };
  }
  return { ok: true, mediaType: type.mediaType };
}
