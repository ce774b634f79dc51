/**
 * What a scanned file really is, from its first bytes: a name or a MIME type sent by the
 * renderer proves nothing (a program renamed .pdf is still a program).
 */
export type ScanMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type ScanTypeResult =
  | { readonly ok: true; readonly mediaType: ScanMediaType }
  | { readonly ok: false; readonly message: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const EXE = [0x4d, 0x5a]; // MZ
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const NOT_ALLOWED = '只能上传 PDF、JPG 或 PNG 格式的扫描件';

export function detectScanType(bytes: Uint8Array): ScanTypeResult {
  if (bytes.length === 0) return { ok: false, message: '文件是空的，请重新扫描' };
  if (startsWith(bytes, PDF)) return { ok: true, mediaType: 'application/pdf' };
  if (startsWith(bytes, PNG)) return { ok: true, mediaType: 'image/png' };
  if (startsWith(bytes, JPEG)) return { ok: true, mediaType: 'image/jpeg' };
  if (startsWith(bytes, EXE) || startsWith(bytes, ELF)) {
    return { ok: false, message: `该文件实际是可执行程序，不是扫描件，已拒绝。${NOT_ALLOWED}` };
  }
  if (startsWith(bytes, ZIP)) {
    return { ok: false, message: `该文件实际是压缩包或 Office 文档。${NOT_ALLOWED}` };
  }
  return {
    ok: false,
    message: `无法识别该文件的格式（文件内容不是 PDF、JPG 或 PNG），${NOT_ALLOWED}`,
  };
}
