import { maskIdNumber } from '../../domain/cases/change-history.js';

/**
 * An answer with every saved ID number masked (632801********1246), for every role: the whole
 * number leaves the core only through `parties.revealIdNumber`, with a reason and an audit
 * entry (issue 11, must-have 4). Walks the whole answer rather than naming the shapes that hold
 * a number, so a method added later (or a new field holding a document) cannot hand anyone a
 * whole number unnoticed. Base64 payloads (drafts, PDFs) are not read: a PDF prints the number
 * by right, and a draft is its own author's typing (form-draft-service.ts).
 */
export function maskIdNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskIdNumbers);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'idDocument') out[key] = maskDocument(field);
    else if (key === 'idNumber' && typeof field === 'string') out[key] = maskIdNumber(field);
    else out[key] = maskIdNumbers(field);
  }
  return out;
}

/** An identity document as views carry it: { type, number, name, noneReason }. */
function maskDocument(doc: unknown): unknown {
  if (doc === null || typeof doc !== 'object') return doc;
  const { number } = doc as { number?: unknown };
  return typeof number === 'string' ? { ...doc, number: maskIdNumber(number) } : doc;
}
