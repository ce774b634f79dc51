/**
 * Canonical JSON for hashing (reliability-security §4.1): object keys sorted, strings NFC,
 * no whitespace, `undefined` members dropped. The same data always gives the same text, so its
 * SHA-256 can be recomputed years later to prove what an agreement was printed from.
 */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue | undefined): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: CanonicalValue | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number') {
    // NaN/Infinity have no JSON form; reaching here is a bug, not user input.
    if (!Number.isFinite(value))
      throw new RangeError('canonical JSON cannot hold a non-finite number');
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v: CanonicalValue) => normalise(v));
  const obj = value as { readonly [key: string]: CanonicalValue | undefined };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v !== undefined) out[key.normalize('NFC')] = normalise(v);
  }
  return out;
}
