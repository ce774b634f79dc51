import {
  DEFAULT_EXTENSIONS,
  ethnicPickerOrder,
  FREQUENT_ETHNIC_CODES,
  type Extension,
} from '../../../../domain/taxonomy/ethnic-groups';
import { uiText } from '../../i18n/zh-CN';

export interface EthnicOption {
  readonly value: string;
  readonly label: string;
  /** Romanisation and letter code, so "mg" or "Mongol" finds 蒙古族 from an English keyboard. */
  readonly search: string;
}

/** Picker groups: the groups of Qinghai, Gansu and Inner Mongolia first, then all of them. */
export function ethnicOptionGroups(extensions: readonly Extension[] = DEFAULT_EXTENSIONS) {
  const ordered = ethnicPickerOrder(FREQUENT_ETHNIC_CODES, extensions);
  const toOption = (row: (typeof ordered)[number]): EthnicOption => ({
    value: row.code,
    label: row.label,
    search: 'roman' in row ? `${row.roman} ${row.letter}`.toLowerCase() : '',
  });
  const frequent = ordered.slice(0, FREQUENT_ETHNIC_CODES.length).map(toOption);
  const rest = ordered.slice(FREQUENT_ETHNIC_CODES.length).map(toOption);
  return [
    { label: uiText.intake.ethnicityFrequent, options: frequent },
    { label: uiText.intake.ethnicityAll, options: rest },
  ];
}

export function matchesEthnic(input: string, option?: Partial<EthnicOption> | object): boolean {
  if (!option || !('value' in option) || !option.value) return false;
  const q = input.trim().toLowerCase();
  const words = (option.search ?? '').split(' ');
  return (option.label ?? '').includes(q) || words.some((w) => w !== '' && w.startsWith(q));
}
