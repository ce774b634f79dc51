import { maskIdNumber } from '../../domain/cases/change-history.js';

/**
 * An answer with every saved ID number masked (632801********1246), for every role: the whole
 * number leaves the core only through `parties.revealIdNumber`, with a reason and an audit
 * entry (issue 11, must-have 4). Walks the whole answer rather than naming the shapes that hold
 * a number, so a method added later (or a new field holding a document) cannot hand anyone a
 * whole number unnoticed. Base64 payloads (drafts, PDFs) are not read: a PDF prints the number
 * by right, and a draft is its own author's typing (form-draft-service.ts).
 *
 * The answer is never changed in place; a plain object or array with nothing to mask is handed
 * back as it is, so only the paths to a number are copied: a year's claim packs (tens of
 * thousands of lines, no ID number) were copied whole on every call, about a sixth of what the
 * call allocated.
 */
export function maskIdNumbers(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return maskedList(value);
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null
    ? maskedRecord(value as Record<string, unknown>)
    : copiedRecord(value);
}

function maskedList(list: readonly unknown[]): readonly unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < list.length; i += 1) {
    const item = list[i];
    const masked = maskIdNumbers(item);
    if (out === null && masked !== item) out = list.slice(0, i);
    if (out !== null) out.push(masked);
  }
  return out ?? list;
}

function maskedField(key: string, field: unknown): unknown {
  if (key === 'idDocument') return maskDocument(field);
  if (key === 'idNumber' && typeof field === 'string') return maskIdNumber(field);
  return maskIdNumbers(field);
}

function maskedRecord(record: Readonly<Record<string, unknown>>): unknown {
  let out: Record<string, unknown> | null = null;
  // for…in rather than Object.entries: no array of pairs per object walked.
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const field = record[key];
    const masked = maskedField(key, field);
    if (out === null && masked !== field) out = { ...record };
    if (out !== null) out[key] = masked;
  }
  return out ?? record;
}

/** Anything but a plain record (a class instance) becomes a plain copy, as it always did. */
function copiedRecord(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = maskedField(key, field);
  return out;
}

/** An identity document as views carry it: { type, number, name, noneReason }. */
function maskDocument(doc: unknown): unknown {
  if (doc === null || typeof doc !== 'object') return doc;
  const { number } = doc as { number?: unknown };
  return typeof number === 'string' ? { ...doc, number: maskIdNumber(number) } : doc;
}
