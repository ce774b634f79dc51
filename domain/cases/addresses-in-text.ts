import { addressToTownship } from '../statistics/deidentify.js';
import { anothersCaseMessages as msg } from '../messages/zh-CN.js';

/**
 * The shortest part below the township cut out on its own: a shorter one (3号, 五社) is as
 * likely another number or place of the narrative as the party's house.
 */
const MIN_CUT_PART = 4;

/**
 * A mark of a street, a house or a village: a kept "township" holding one (or a digit) is not a
 * township but an urban address cut at a 镇/乡 inside a street or estate name (昆仑路19号金乡花园).
 */
const BELOW_TOWNSHIP = /[0-9０-９路街号楼栋幢室巷弄村院组社门]/u;

/** The township's own last word, which may itself end in 街(道). */
const TOWNSHIP_WORD = /(?:街道办事处|街道|苏木|镇|乡)$/u;

/** One text to find in a free text and what replaces it there. */
export interface AddressCut {
  readonly find: string;
  readonly shown: string;
}

/**
 * What a read of another's case cuts out of its free texts (the facts, session and
 * investigation records, agreement terms, history lines): each of the case's parties' stored
 * addresses written verbatim, and its part below the township written on its own, shown as the
 * address field is (`maskAddress`). No pattern tells an address in a narrative from the rest
 * (the case says 西街村 of a field, a road, a shop); a party's own address, written as stored,
 * is sure. Longest first, so a whole address is cut before its own tail is looked for.
 */
export function addressCutsOf(addresses: readonly string[]): AddressCut[] {
  const cuts = new Map<string, string>();
  for (const address of addresses) {
    const whole = address.trim();
    if (whole === '') continue;
    const shown = maskAddress(whole);
    cuts.set(whole, shown);
    const township = addressToTownship(whole);
    const below = whole.slice(township.length);
    // an address with no township kept (hidden whole) has no part of its own to cut
    if (township === '' || !shown.startsWith(township)) continue;
    if ([...below].length >= MIN_CUT_PART && !cuts.has(below)) cuts.set(below, msg.addressCut);
  }
  return [...cuts]
    .map(([find, shown]) => ({ find, shown }))
    .sort((a, b) => b.find.length - a.find.length);
}

/**
 * The part of each address its field hides (below the township it keeps, or the whole address
 * when it keeps none), lower-cased: a search run inside one names that address, whoever wrote
 * the run into a free text (ledger-query.ts, another's case).
 */
export function hiddenAddressPartsOf(addresses: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const address of addresses) {
    const whole = address.trim();
    if (whole === '') continue;
    const township = addressToTownship(whole);
    const kept = township !== '' && maskAddress(whole).startsWith(township) ? township : '';
    const part = whole.slice(kept.length).toLowerCase();
    if (part !== '') parts.add(part);
  }
  return [...parts];
}

/** `text` with every cut made. */
export function cutAddresses(text: string, cuts: readonly AddressCut[]): string {
  let out = text;
  for (const { find, shown } of cuts) {
    if (out.includes(find)) out = out.split(find).join(shown);
  }
  return out;
}

/** A township is kept with a sign that more was there; nothing recognisable, all hidden. */
export function maskAddress(address: string): string {
  if (address.trim() === '') return address;
  const township = addressToTownship(address);
  if (township === '' || BELOW_TOWNSHIP.test(township.replace(TOWNSHIP_WORD, ''))) {
    return msg.addressHidden;
  }
  return township === address.trim() ? township : `${township}${msg.addressCut}`;
}
