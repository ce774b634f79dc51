import { uiText } from '../i18n/zh-CN';
import { bytesToBase64 } from '../pages/agreement/pdf-bytes';

/** Largest scan the API takes (MAX_SCAN_BYTES in the domain). */
export const MAX_SCAN_MB = 20;

/** Accepted by every scan upload (the main process decides the type from the bytes). */
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/**
 * A picked file as the API's scan input, or the sentence saying why not (too big). The name is
 * cut to the API's 120 characters from the end, so the extension survives.
 */
export async function readScanFile(
  file: File,
): Promise<
  { ok: true; scan: { fileName: string; dataBase64: string } } | { ok: false; message: string }
> {
  if (file.size > MAX_SCAN_MB * 1024 * 1024) {
    return { ok: false, message: uiText.agreement.generated.attachTooBig(MAX_SCAN_MB) };
  }
  const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  return { ok: true, scan: { fileName: file.name.slice(-120), dataBase64 } };
}
