/**
 * A bitmap of the ids in a comma-separated list (SQLite's `group_concat(rowid)`), read straight
 * from the text: for the 16,700 hits of 草场, `JSON.parse` of a JSON array and a second pass
 * over the numbers were half the page. NULL (no hits) is an empty bitmap.
 *
 * Bit `i` stands for id `first + i`: the hits of a walk's window of ids near the end of a
 * 100,000-case ledger then take a few kilobytes, not a fresh 100 KB on every page. Every id in
 * the list must be at least `first`.
 */
export function bitmapOfIdList(list: string | null, first = 0): Uint8Array {
  if (list === null || list.length === 0) return new Uint8Array(0);
  let max = 0;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      if (n > max) max = n;
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  if (n > max) max = n;
  const bits = new Uint8Array(max - first + 1);
  n = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      bits[n - first] = 1;
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  bits[n - first] = 1;
  return bits;
}
