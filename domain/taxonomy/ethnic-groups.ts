import { z } from 'zod';
import { singleLine } from '../text-input';
import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Ethnic groups, GB/T 3304-1991 (domain §6.3): codes 01–56 with the standard's own romanisation
 * and letter codes. Note 水族 is Sui/SU in the standard; a popular library's Shui/SW is wrong.
 * Ethnicity is printed on the party block of the forms and used for nothing else (§7.2).
 */
export const version = 1;

export const rows = [
  { code: '01', label: '汉族', roman: 'Han', letter: 'HA' },
  { code: '02', label: '蒙古族', roman: 'Mongol', letter: 'MG' },
  { code: '03', label: '回族', roman: 'Hui', letter: 'HU' },
  { code: '04', label: '藏族', roman: 'Zang', letter: 'ZA' },
  { code: '05', label: '维吾尔族', roman: 'Uygur', letter: 'UG' },
  { code: '06', label: '苗族', roman: 'Miao', letter: 'MH' },
  { code: '07', label: '彝族', roman: 'Yi', letter: 'YI' },
  { code: '08', label: '壮族', roman: 'Zhuang', letter: 'ZH' },
  { code: '09', label: '布依族', roman: 'Buyei', letter: 'BY' },
  { code: '10', label: '朝鲜族', roman: 'Chosen', letter: 'CS' },
  { code: '11', label: '满族', roman: 'Man', letter: 'MA' },
  { code: '12', label: '侗族', roman: 'Dong', letter: 'DO' },
  { code: '13', label: '瑶族', roman: 'Yao', letter: 'YA' },
  { code: '14', label: '白族', roman: 'Bai', letter: 'BA' },
  { code: '15', label: '土家族', roman: 'Tujia', letter: 'TJ' },
  { code: '16', label: '哈尼族', roman: 'Hani', letter: 'HN' },
  { code: '17', label: '哈萨克族', roman: 'Kazak', letter: 'KZ' },
  { code: '18', label: '傣族', roman: 'Dai', letter: 'DA' },
  { code: '19', label: '黎族', roman: 'Li', letter: 'LI' },
  { code: '20', label: '傈僳族', roman: 'Lisu', letter: 'LS' },
  { code: '21', label: '佤族', roman: 'Va', letter: 'VA' },
  { code: '22', label: '畲族', roman: 'She', letter: 'SH' },
  { code: '23', label: '高山族', roman: 'Gaoshan', letter: 'GS' },
  { code: '24', label: '拉祜族', roman: 'Lahu', letter: 'LH' },
  { code: '25', label: '水族', roman: 'Sui', letter: 'SU' },
  { code: '26', label: '东乡族', roman: 'Dongxiang', letter: 'DX' },
  { code: '27', label: '纳西族', roman: 'Naxi', letter: 'NX' },
  { code: '28', label: '景颇族', roman: 'Jingpo', letter: 'JP' },
  { code: '29', label: '柯尔克孜族', roman: 'Kirgiz', letter: 'KG' },
  { code: '30', label: '土族', roman: 'Tu', letter: 'TU' },
  { code: '31', label: '达斡尔族', roman: 'Daur', letter: 'DU' },
  { code: '32', label: '仫佬族', roman: 'Mulao', letter: 'ML' },
  { code: '33', label: '羌族', roman: 'Qiang', letter: 'QI' },
  { code: '34', label: '布朗族', roman: 'Blang', letter: 'BL' },
  { code: '35', label: '撒拉族', roman: 'Salar', letter: 'SL' },
  { code: '36', label: '毛南族', roman: 'Maonan', letter: 'MN' },
  { code: '37', label: '仡佬族', roman: 'Gelao', letter: 'GL' },
  { code: '38', label: '锡伯族', roman: 'Xibe', letter: 'XB' },
  { code: '39', label: '阿昌族', roman: 'Achang', letter: 'AC' },
  { code: '40', label: '普米族', roman: 'Pumi', letter: 'PM' },
  { code: '41', label: '塔吉克族', roman: 'Tajik', letter: 'TA' },
  { code: '42', label: '怒族', roman: 'Nu', letter: 'NU' },
  { code: '43', label: '乌孜别克族', roman: 'Uzbek', letter: 'UZ' },
  { code: '44', label: '俄罗斯族', roman: 'Russ', letter: 'RS' },
  { code: '45', label: '鄂温克族', roman: 'Ewenki', letter: 'EW' },
  { code: '46', label: '德昂族', roman: 'Deang', letter: 'DE' },
  { code: '47', label: '保安族', roman: 'Bonan', letter: 'BN' },
  { code: '48', label: '裕固族', roman: 'Yugur', letter: 'YG' },
  { code: '49', label: '京族', roman: 'Gin', letter: 'GI' },
  { code: '50', label: '塔塔尔族', roman: 'Tatar', letter: 'TT' },
  { code: '51', label: '独龙族', roman: 'Derung', letter: 'DR' },
  { code: '52', label: '鄂伦春族', roman: 'Oroqen', letter: 'OR' },
  { code: '53', label: '赫哲族', roman: 'Hezhen', letter: 'HZ' },
  { code: '54', label: '门巴族', roman: 'Monba', letter: 'MB' },
  { code: '55', label: '珞巴族', roman: 'Lhoba', letter: 'LB' },
  { code: '56', label: '基诺族', roman: 'Jino', letter: 'JN' },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
  readonly roman: string;
  readonly letter: string;
}[];

/** The 56 codes of the standard; use `codeSchemaFor` where extension codes are allowed. */
export const codeSchema = codeEnum(rows, '民族');
export type Code = CodeOf<typeof rows>;

export const labelOf = labelLookup(rows);

/**
 * GB 3304 stops at 56. Systems add codes for unidentified groups and for Chinese citizens of
 * foreign origin, but disagree on the numbers (97/98 in public-security standards, 57/58
 * elsewhere), so the numbers are configuration and exports map them per target.
 */
export const extensionKinds = ['UNIDENTIFIED', 'FOREIGN_ORIGIN'] as const;
export type ExtensionKind = (typeof extensionKinds)[number];

export interface Extension {
  readonly kind: ExtensionKind;
  readonly code: string;
  readonly label: string;
}

export const DEFAULT_EXTENSIONS: readonly Extension[] = [
  { kind: 'UNIDENTIFIED', code: '97', label: '其他（未识别民族）' },
  { kind: 'FOREIGN_ORIGIN', code: '98', label: '外国血统中国籍人士' },
];

const standardCodes: ReadonlySet<string> = new Set(rows.map((r) => r.code));

export const extensionsSchema = z
  .array(
    z.object({
      kind: z.enum(extensionKinds, { error: '扩展民族类别不正确' }),
      code: z
        .string({ error: '请填写扩展民族代码' })
        .regex(/^\d{2}$/, { error: '扩展民族代码必须是两位数字' })
        .refine((code) => !standardCodes.has(code), { error: '扩展民族代码不能与 01–56 重复' }),
      label: singleLine({ label: '扩展民族名称', min: 1, max: 20 }),
    }),
  )
  .refine((list) => new Set(list.map((e) => e.code)).size === list.length, {
    message: '扩展民族代码有重复',
  })
  .refine((list) => new Set(list.map((e) => e.kind)).size === list.length, {
    message: '每种扩展民族类别只能设置一次',
  });

export type EthnicRow =
  | (typeof rows)[number]
  | { readonly code: string; readonly label: string; readonly extension: ExtensionKind };

/** The full list for one installation: the standard 56 followed by its extension codes. */
export function ethnicGroupsFor(
  extensions: readonly Extension[] = DEFAULT_EXTENSIONS,
): EthnicRow[] {
  // A bad configuration is a programming or settings error; failing loudly beats a picker with
  // two groups sharing a code.
  const checked = extensionsSchema.parse(extensions);
  const extra = checked
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((e) => ({ code: e.code, label: e.label, extension: e.kind }));
  return [...rows, ...extra];
}

export function codeSchemaFor(extensions: readonly Extension[] = DEFAULT_EXTENSIONS) {
  const codes = ethnicGroupsFor(extensions).map((r) => r.code);
  return z.string({ error: '请选择民族' }).refine((code) => codes.includes(code), {
    error: '民族不在可选范围内',
  });
}

export function labelOfWith(
  code: string,
  extensions: readonly Extension[] = DEFAULT_EXTENSIONS,
): string {
  return ethnicGroupsFor(extensions).find((r) => r.code === code)?.label ?? code;
}

/**
 * Groups most often met in Qinghai, Gansu and Inner Mongolia (§6.3), shown first in the picker.
 * Order is by how often mediators there pick them, not by code.
 */
export const FREQUENT_ETHNIC_CODES = [
  '01', // 汉
  '04', // 藏
  '03', // 回
  '30', // 土
  '35', // 撒拉
  '02', // 蒙古
  '26', // 东乡
  '47', // 保安
  '48', // 裕固
  '17', // 哈萨克
  '31', // 达斡尔
  '45', // 鄂温克
  '52', // 鄂伦春
  '11', // 满
] as const satisfies readonly Code[];

/** Picker order: the configured frequent codes first, in their order, then the rest by code. */
export function ethnicPickerOrder(
  frequent: readonly string[] = FREQUENT_ETHNIC_CODES,
  extensions: readonly Extension[] = DEFAULT_EXTENSIONS,
): EthnicRow[] {
  const all = ethnicGroupsFor(extensions);
  const byCode = new Map(all.map((r) => [r.code, r]));
  const first: EthnicRow[] = [];
  for (const code of new Set(frequent)) {
    const row = byCode.get(code);
    if (row !== undefined) first.push(row);
  }
  const chosen = new Set(first.map((r) => r.code));
  const rest = all.filter((r) => !chosen.has(r.code)).sort((a, b) => a.code.localeCompare(b.code));
  return [...first, ...rest];
}
