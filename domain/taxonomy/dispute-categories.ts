import { z } from 'zod';
import { codeEnum, labelLookup, type CodeOf } from './code-table';

/**
 * Dispute categories (纠纷类型, domain §3.2): the rows of the county statistics form, in the form's
 * order, plus finer internal subtypes. Reports map subtypes to their parent row, so a subtype
 * must never be reported on its own. Keywords feed case search (a mediator types 草山, not 山林).
 */
export const version = 1;

interface CodeRowWithKeywords {
  readonly code: string;
  readonly label: string;
  readonly note?: string;
  readonly keywords: readonly string[];
}

export const rows = [
  {
    code: 'MARRIAGE_FAMILY',
    label: '婚姻家庭纠纷',
    keywords: ['婚姻', '家庭', '离婚', '赡养', '抚养', '扶养', '继承', '分家', '彩礼'],
  },
  {
    code: 'NEIGHBOUR',
    label: '邻里纠纷',
    keywords: ['邻里', '邻居', '相邻', '通行', '排水', '采光'],
  },
  {
    code: 'HOUSING_HOMESTEAD',
    label: '房屋宅基地纠纷',
    keywords: ['房屋', '宅基地', '建房', '院落', '租房'],
  },
  {
    code: 'CONTRACT',
    label: '合同纠纷',
    keywords: ['合同', '借款', '借贷', '欠款', '买卖', '租赁'],
  },
  {
    code: 'PRODUCTION_BUSINESS',
    label: '生产经营纠纷',
    keywords: ['生产', '经营', '合伙', '承包经营', '养殖', '牲畜'],
  },
  {
    code: 'DAMAGE_COMPENSATION',
    label: '损害赔偿纠纷',
    keywords: ['损害', '赔偿', '人身损害', '财产损失', '打架', '牲畜伤人'],
  },
  {
    code: 'FOREST_LAND',
    label: '山林土地纠纷',
    keywords: ['山林', '土地', '林地', '耕地', '承包地', '地界', '边界'],
  },
  {
    code: 'LAND_ACQUISITION_DEMOLITION',
    label: '征地拆迁纠纷',
    keywords: ['征地', '拆迁', '补偿', '安置', '搬迁'],
  },
  {
    code: 'ENVIRONMENTAL_POLLUTION',
    label: '环境污染纠纷',
    keywords: ['环境', '污染', '噪音', '噪声', '排污', '环境保护'],
  },
  { code: 'LABOUR', label: '劳动争议纠纷', keywords: ['劳动', '工资', '工伤', '用工', '辞退'] },
  { code: 'MEDICAL', label: '医疗纠纷', keywords: ['医疗', '医院', '医患', '诊所'] },
  {
    code: 'ROAD_TRAFFIC',
    label: '道路交通事故纠纷',
    keywords: ['交通', '车祸', '交通事故', '撞车', '撞人'],
  },
  { code: 'PROPERTY_MGMT', label: '物业纠纷', keywords: ['物业', '物业费', '小区'] },
  { code: 'CONSUMER', label: '消费纠纷', keywords: ['消费', '购物', '商品', '退货', '服务'] },
  { code: 'IP', label: '知识产权纠纷', keywords: ['知识产权', '商标', '专利', '著作权'] },
  { code: 'INTERNET', label: '互联网纠纷', keywords: ['互联网', '网络', '网上', '直播'] },
  { code: 'OTHER', label: '其他纠纷', keywords: ['其他'] },
] as const satisfies readonly (CodeRowWithKeywords & { readonly parent?: never })[];

/** Internal subtypes; `parent` is the report row they are counted under. */
export const subtypeRows = [
  {
    code: 'GRASSLAND',
    parent: 'FOREST_LAND',
    label: '草场纠纷',
    // The same land is called 草场, 草山 or 草牧场 depending on the county; the note keeps all three.
    note: '草场/草山/草牧场',
    keywords: ['草场', '草山', '草牧场', '草原', '边界', '放牧', '越界放牧', '围栏'],
  },
  {
    code: 'OTHER_FOREST_LAND',
    parent: 'FOREST_LAND',
    label: '其他山林土地纠纷',
    keywords: ['山林', '林地', '耕地', '承包地', '地界'],
  },
  {
    code: 'UNPAID_MIGRANT_WAGES',
    parent: 'LABOUR',
    label: '拖欠农民工工资纠纷',
    keywords: ['农民工', '欠薪', '拖欠工资', '讨薪', '包工头'],
  },
  {
    code: 'OTHER_LABOUR',
    parent: 'LABOUR',
    label: '其他劳动争议纠纷',
    keywords: ['劳动', '工伤', '辞退', '劳动合同'],
  },
  {
    code: 'TOURISM',
    parent: 'CONSUMER',
    label: '旅游纠纷',
    keywords: ['旅游', '景区', '导游', '民宿'],
  },
  {
    code: 'E_COMMERCE',
    parent: 'CONSUMER',
    label: '电子商务纠纷',
    keywords: ['电子商务', '电商', '网购', '快递', '直播带货'],
  },
  {
    code: 'OTHER_CONSUMER',
    parent: 'CONSUMER',
    label: '其他消费纠纷',
    keywords: ['消费', '购物', '退货'],
  },
] as const satisfies readonly (CodeRowWithKeywords & { readonly parent: string })[];

export const codeSchema = codeEnum(rows, '纠纷类型');
export type Code = CodeOf<typeof rows>;

export const subtypeCodeSchema = codeEnum(subtypeRows, '纠纷细类');
export type SubtypeCode = CodeOf<typeof subtypeRows>;

export const labelOf = labelLookup(rows);
export const subtypeLabelOf = labelLookup(subtypeRows);

export function subtypesOf(category: Code): readonly (typeof subtypeRows)[number][] {
  return subtypeRows.filter((row) => row.parent === category);
}

export function parentOf(subtype: SubtypeCode): Code {
  const row = subtypeRows.find((r) => r.code === subtype);
  // Unreachable for a typed code; kept so stale data degrades to the catch-all row.
  return row?.parent ?? 'OTHER';
}

/** A case's category with an optional subtype that must belong to it. */
export const selectionSchema = z
  .object({ category: codeSchema, subtype: subtypeCodeSchema.nullable() })
  .refine((s) => s.subtype === null || parentOf(s.subtype) === s.category, {
    message: '纠纷细类与纠纷类型不匹配',
    path: ['subtype'],
  });

const categoryTerms = new Map<string, string>(
  rows.map((r) => [r.code, [r.label, ...r.keywords].join(' ')]),
);
const subtypeTerms = new Map<string, string>(
  subtypeRows.map((r) => [r.code, [r.label, ...r.keywords].join(' ')]),
);

/**
 * The words a case is also found by (issue 8, must-have 7): its category's and subtype's names
 * and keywords, so 草山 finds a 草场纠纷 even when nobody wrote 草山 into the case.
 */
export function searchTermsOf(category: string, subtype: string | null): string {
  const own = categoryTerms.get(category) ?? '';
  const sub = subtype === null ? '' : (subtypeTerms.get(subtype) ?? '');
  return sub === '' ? own : `${own} ${sub}`;
}
