import { maskPhone } from '../../domain/statistics/deidentify.js';
import { anothersCaseMessages as msg } from '../../domain/messages/zh-CN.js';
import { addressCutsOf, cutAddresses, maskAddress } from '../../domain/cases/addresses-in-text.js';
import { maskPhonesInText } from '../../domain/cases/phones-in-text.js';

/** Record fields holding an address, in Chinese or in the party's own script. */
const ADDRESS_FIELDS: ReadonlySet<string> = new Set(['address', 'ownScriptAddress']);

/** The history's field names whose old and new text hold a phone number (a representative's line). */
const PHONE_TEXT_FIELDS: ReadonlySet<string> = new Set(['phone', 'representatives']);

/** How the history prints an empty value (domain/cases/change-history.ts). */
const EMPTY_VALUE = '（空）';

/** Fields that hold a digest, a code or a key, whose digits are no phone and must stay whole. */
const DIGITS_NOT_A_PHONE = /(?:^id$|Ids?$|sha256$|Sha256$|hash$|Hash$|code$|Code$|^key$|Key$)/u;

/**
 * An answer read from another mediator's case (the committee's read-only setting, §7.3) with
 * its phones and addresses masked, as §7.2 has C2 fields "full for case owner & committee;
 * masked elsewhere": a phone 138****5678, an address cut after its township (§7.6's ledger rule;
 * the village would leave most rural addresses whole). Names stay: a case page without them
 * cannot be read. Applied by the desk's door to the answers of such reads only
 * (mediator-case-door.ts), after the ID numbers were masked for everyone (masked-id-numbers.ts);
 * like that walk it reads fields by name at any depth, so a later view holding a phone or an
 * address is masked unnoticed, and the history's lines by the field they changed. Every other
 * text but a digest, code or key has its phone numbers masked (maskPhonesInText: only a phone
 * number's shape, and account-length numbers; an amount, an area or a case number stays
 * whole) and the case's `addresses` (its parties' stored and former ones, its investigated
 * persons': db/cases/case-addresses.ts) cut where written verbatim, whole or below the township
 * (addresses-in-text.ts); any other address written into free text is not found, as no pattern
 * tells it from a narrative.
 */
export function maskContacts(value: unknown, addresses: readonly string[] = []): unknown {
  const cuts = addressCutsOf(addresses);
  const maskText = (text: string) => cutAddresses(maskPhonesInText(text), cuts);
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(walk);
    const record = node as Readonly<Record<string, unknown>>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      const field = record[key];
      out[key] = typeof field === 'string' ? maskedText(key, field, maskText) : walk(field);
    }
    if (typeof record.field === 'string') maskChangeTexts(record.field, out);
    return out;
  };
  return walk(value);
}

function maskedText(key: string, text: string, maskText: (text: string) => string): string {
  if (key === 'phone') return maskPhone(text);
  if (ADDRESS_FIELDS.has(key)) return maskAddress(text);
  return DIGITS_NOT_A_PHONE.test(key) ? text : maskText(text);
}

/** One line of the change history (FieldChangeView): its texts masked by the field it changed. */
function maskChangeTexts(field: string, out: Record<string, unknown>): void {
  const mask = ADDRESS_FIELDS.has(field)
    ? maskAddressText
    : PHONE_TEXT_FIELDS.has(field)
      ? maskPhonesInText
      : field === 'investigatedPersons'
        ? detailsHidden
        : null;
  if (mask === null) return;
  for (const key of ['oldText', 'newText']) {
    const text = out[key];
    if (typeof text === 'string') out[key] = mask(text);
  }
}

/** The history shows an empty value as （空）: not an address to hide. */
function maskAddressText(text: string): string {
  return text === EMPTY_VALUE ? text : maskAddress(text);
}

/**
 * An investigated person's line prints the name and then the details, address among them, in
 * brackets an address may hold too (昆仑路19号（商户）): no cut of that text is safe, so it is
 * replaced whole. The case page shows the persons with the address masked.
 */
function detailsHidden(text: string): string {
  return text === '' || text === EMPTY_VALUE ? text : msg.investigatedPersonsHidden;
}
