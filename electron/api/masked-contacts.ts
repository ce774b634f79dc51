import { addressToTownship, maskPhone } from '../../domain/statistics/deidentify.js';
import { anothersCaseMessages as msg } from '../../domain/messages/zh-CN.js';

/** Record fields holding an address, in Chinese or in the party's own script. */
const ADDRESS_FIELDS: ReadonlySet<string> = new Set(['address', 'ownScriptAddress']);

/** The history's field names whose old and new text hold a phone number (a representative's line). */
const PHONE_TEXT_FIELDS: ReadonlySet<string> = new Set(['phone', 'representatives']);

/** Seven digits or more in a line of text: a phone number as the history prints it. */
const PHONE_IN_TEXT = /\d{7,}/gu;

/**
 * A person's details after the name, as the history prints an investigated person:
 * 马文礼（男，45岁，昆仑路19号商户，系事故目击者）. The address is one of them, unmarked.
 */
const DETAIL_IN_TEXT = /（[^（）]*）/gu;

/**
 * An answer read from another mediator's case (the committee's read-only setting, §7.3) with
 * its phones and addresses masked, as §7.2 has C2 fields "full for case owner & committee;
 * masked elsewhere": a phone 138****5678, an address cut after its township (§7.6's ledger rule;
 * the village would leave most rural addresses whole). Names stay: a case page without them
 * cannot be read. Applied by the desk's door to the answers of such reads only
 * (mediator-case-door.ts), after the ID numbers were masked for everyone (masked-id-numbers.ts);
 * like that walk it reads fields by name at any depth, so a later view holding a phone or an
 * address is masked unnoticed, and the history's lines by the field they changed.
 */
export function maskContacts(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(maskContacts);
  const record = value as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = maskedField(key, record[key]);
  if (typeof record.field === 'string') maskChangeTexts(record.field, out);
  return out;
}

function maskedField(key: string, field: unknown): unknown {
  if (typeof field !== 'string') return maskContacts(field);
  if (key === 'phone') return maskPhone(field);
  if (ADDRESS_FIELDS.has(key)) return maskAddress(field);
  return field;
}

/** A township is kept with a sign that more was there; nothing recognisable, all hidden. */
export function maskAddress(address: string): string {
  if (address.trim() === '') return address;
  const township = addressToTownship(address);
  if (township === '') return msg.addressHidden;
  return township === address.trim() ? township : `${township}${msg.addressCut}`;
}

/** One line of the change history (FieldChangeView): its texts masked by the field it changed. */
function maskChangeTexts(field: string, out: Record<string, unknown>): void {
  const mask = ADDRESS_FIELDS.has(field)
    ? maskAddressText
    : PHONE_TEXT_FIELDS.has(field)
      ? (text: string) => text.replace(PHONE_IN_TEXT, maskPhone)
      : field === 'investigatedPersons'
        ? namesOnly
        : null;
  if (mask === null) return;
  for (const key of ['oldText', 'newText']) {
    const text = out[key];
    if (typeof text === 'string') out[key] = mask(text);
  }
}

/** The history shows an empty value as （空）: not an address to hide. */
function maskAddressText(text: string): string {
  return text.startsWith('（') ? text : maskAddress(text);
}

/** The investigated persons' names alone: the case page shows their details, address masked. */
function namesOnly(text: string): string {
  return text.startsWith('（') ? text : text.replace(DETAIL_IN_TEXT, '');
}
