/** The API sends PDFs and scans as base64 (one shape for IPC and the JSON dev:web host). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Saves bytes through the browser's download (a blob: URL; no file system access needed). */
export function downloadBytes(base64: string, fileName: string, mediaType: string): void {
  const blob = new Blob([base64ToBytes(base64)], { type: mediaType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `a1b2c3d4 e5f6a7b8 …` : the first 16 hex digits in two groups, as people read them aloud. */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 8)} ${sha256.slice(8, 16)}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
