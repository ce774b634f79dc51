/**
 * A bitmap of the ids in a comma-separated list (SQLite's `group_concat(rowid)`), read straight
 * from the text: for the 16,700 hits of 草场, `JSON.parse` of a JSON array and a second pass
 * over the numbers were half the page. NULL (no hits) is an empty bitmap.
 */
export function bitmapOfIdList(list: string | null): Uint8Array {
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
  const bits = new Uint8Array(max + 1);
  n = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      bits[n] = 1;
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  bits[n] = 1;
  return bits;
}
