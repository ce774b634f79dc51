/**
 * De-identification of the case ledger export (domain §7.6). Deterministic, so the same ledger
 * always exports the same text, and locale-aware: Han names keep the surname (compound
 * surnames both characters), names without a surname (Tibetan, Mongolian, names joined by a
 * middle dot) keep their first syllable's character: 张某, 欧阳某, 扎某, 买某.
 */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 端木 澹台 申屠 ' +
    '轩辕 西门 南宫 独孤 呼延 万俟 闻人 赫连 太史 百里 第五'
  ).split(' '),
);

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  const two = chars.slice(0, 2).join('');
  if (chars.length > 2 && COMPOUND_SURNAMES.has(two)) return `${two}某`;
  return `${chars[0]}某`;
}

const MOBILE = /^1[3-9]\d{9}$/u;
/** A stored landline with its extension (0971-8412345-801, §6.4): the extension is an office's. */
const WITH_EXTENSION = /^(0\d{2,3}-?\d{7,8})-(\d{1,6})$/u;

/**
 * A phone as exports and another mediator's read show it. A mainland mobile keeps the form
 * §7.6 names (13800005678 → 138****5678). Any other number — a landline with its area code, a
 * local number, a short or odd one — shows only its last digits, at most four and never more
 * than half of them (0979-8412345 → *******2345, 84123456 → ****3456, 12345 → ***45): the old
 * first-3-and-last-4 form left 7 of a local number's 8 digits showing. A landline's extension
 * stays as written, as it does in free texts.
 */
export function maskPhone(phone: string): string {
  const extension = WITH_EXTENSION.exec(phone.trim());
  if (extension !== null) return `${maskPhone(extension[1] ?? '')}-${extension[2] ?? ''}`;
  const digits = phone.replace(/\D/g, '');
  if (MOBILE.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const shown = Math.min(4, Math.floor(digits.length / 2));
  return `${'*'.repeat(digits.length - shown)}${digits.slice(digits.length - shown)}`;
}

const VILLAGE = /^(.*?(?:村民委员会|居民委员会|牧委会|居委会|嘎查|社区|村))/u;
const TOWNSHIP = /^(.*?(?:街道办事处|街道|苏木|镇|乡))/u;

/** An address cut after its village (村/嘎查/社区), else after its township, else hidden. */
export function addressToVillage(address: string): string {
  const a = address.trim();
  return VILLAGE.exec(a)?.[1] ?? TOWNSHIP.exec(a)?.[1] ?? '';
}

export function addressToTownship(address: string): string {
  return TOWNSHIP.exec(address.trim())?.[1] ?? '';
}

/** Small-cell rule (§7.6): villages with fewer persons than this are reported at township level. */
export const MIN_PERSONS_PER_VILLAGE = 5;

export const SUPPRESSED_PLACE = '（人数不足，已隐去）';

/**
 * The place shown for each village: itself when at least `MIN_PERSONS_PER_VILLAGE` persons of
 * the export live there, otherwise its township, otherwise a suppression mark.
 */
export function suppressSmallVillages(
  personsByVillage: ReadonlyMap<string, number>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [village, persons] of personsByVillage) {
    if (village === '') out.set(village, SUPPRESSED_PLACE);
    else if (persons >= MIN_PERSONS_PER_VILLAGE) out.set(village, village);
    else out.set(village, addressToTownship(village) || SUPPRESSED_PLACE);
  }
  return out;
}
