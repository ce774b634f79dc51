import { describe, expect, it } from 'vitest';
import {
  CODE_TABLES,
  caseSources,
  disputeCategories,
  ethnicGroups,
  idDocTypes,
  organisationTypes,
  preventionFlags,
  referralTargets,
  riskFactors,
  riskLevels,
} from '../../../domain/taxonomy';

const HAN = /[\u4e00-\u9fff]/;

describe('every code table', () => {
  it.each(CODE_TABLES.map((t) => [t.name, t] as const))('%s is well formed', (_name, table) => {
    expect(Number.isInteger(table.version) && table.version >= 1).toBe(true);
    expect(table.rows.length).toBeGreaterThan(0);
    const codes = table.rows.map((r) => r.code);
    expect(new Set(codes).size, 'codes unique').toBe(codes.length);
    const parentTable = CODE_TABLES.find((t) => t.name === (table.parentTable ?? table.name));
    const parentCodes = parentTable?.rows.map((r) => r.code) ?? [];
    for (const row of table.rows) {
      expect(row.label, row.code).toMatch(HAN);
      if (row.parent !== undefined) {
        expect(parentCodes, `parent of ${row.code}`).toContain(row.parent);
      }
    }
  });

  it('has unique table names', () => {
    const names = CODE_TABLES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is plain data that survives a JSON round trip (it is seeded into SQLite)', () => {
    expect(JSON.parse(JSON.stringify(CODE_TABLES))).toEqual(CODE_TABLES);
  });
});

describe('dispute categories', () => {
  it('has the 17 report rows in the order of §3.2', () => {
    expect(disputeCategories.rows.map((r) => r.code)).toEqual([
      'MARRIAGE_FAMILY',
      'NEIGHBOUR',
      'HOUSING_HOMESTEAD',
      'CONTRACT',
      'PRODUCTION_BUSINESS',
      'DAMAGE_COMPENSATION',
      'FOREST_LAND',
      'LAND_ACQUISITION_DEMOLITION',
      'ENVIRONMENTAL_POLLUTION',
      'LABOUR',
      'MEDICAL',
      'ROAD_TRAFFIC',
      'PROPERTY_MGMT',
      'CONSUMER',
      'IP',
      'INTERNET',
      'OTHER',
    ]);
    expect(disputeCategories.labelOf('FOREST_LAND')).toBe('山林土地纠纷');
  });

  it('files every subtype under an existing category, GRASSLAND under FOREST_LAND', () => {
    const categories = disputeCategories.rows.map((r) => r.code as string);
    for (const s of disputeCategories.subtypeRows) expect(categories).toContain(s.parent);
    expect(disputeCategories.parentOf('GRASSLAND')).toBe('FOREST_LAND');
    expect(disputeCategories.subtypeLabelOf('GRASSLAND')).toBe('草场纠纷');
    const grass = disputeCategories.subtypeRows.find((s) => s.code === 'GRASSLAND');
    expect(grass?.keywords).toEqual(
      expect.arrayContaining(['草场', '草山', '草牧场', '草原', '边界']),
    );
  });

  it('keeps subtype codes apart from category codes', () => {
    const all = [...disputeCategories.rows, ...disputeCategories.subtypeRows].map((r) => r.code);
    expect(new Set(all).size).toBe(all.length);
  });

  it('lists the subtypes of a category', () => {
    expect(disputeCategories.subtypesOf('CONSUMER').map((s) => s.code)).toEqual([
      'TOURISM',
      'E_COMMERCE',
      'OTHER_CONSUMER',
    ]);
    expect(disputeCategories.subtypesOf('MEDICAL')).toEqual([]);
  });

  it('accepts a subtype only under its own category', () => {
    const ok = disputeCategories.selectionSchema.safeParse({
      category: 'FOREST_LAND',
      subtype: 'GRASSLAND',
    });
    expect(ok.success).toBe(true);
    const bad = disputeCategories.selectionSchema.safeParse({
      category: 'LABOUR',
      subtype: 'GRASSLAND',
    });
    expect(bad.error?.issues[0]?.message).toBe('纠纷细类与纠纷类型不匹配');
    expect(disputeCategories.codeSchema.safeParse('GRASSLAND').error?.issues[0]?.message).toBe(
      '纠纷类型不在可选范围内',
    );
  });
});

describe('case sources and referral targets', () => {
  it('puts ENTRUSTED_* under ENTRUSTED and only leaves are selectable', () => {
    for (const r of caseSources.rows) {
      if (r.code.startsWith('ENTRUSTED_')) expect('parent' in r && r.parent).toBe('ENTRUSTED');
    }
    expect(caseSources.selectableCodeSchema.safeParse('ENTRUSTED').success).toBe(false);
    expect(caseSources.selectableCodeSchema.safeParse('ENTRUSTED_COURT').success).toBe(true);
    expect(caseSources.selectableCodeSchema.safeParse('PROACTIVE').success).toBe(true);
  });

  it('offers specific referral targets only', () => {
    expect(referralTargets.selectableCodeSchema.options).not.toContain('ADMIN');
    expect(referralTargets.selectableCodeSchema.options).toContain('POLICE');
    expect(referralTargets.labelOf('COURT')).toBe('人民法院');
  });
});

describe('organisation types', () => {
  it('has a generic and a pastoral label', () => {
    expect(organisationTypes.styledLabelOf('VILLAGE', 'GENERIC')).toBe('村调委会');
    expect(organisationTypes.styledLabelOf('VILLAGE', 'PASTORAL')).toBe('嘎查村调委会');
    expect(organisationTypes.styledLabelOf('TOWNSHIP', 'PASTORAL')).toBe('苏木乡镇调委会');
  });
});

describe('risk levels and factors', () => {
  it('has four ranked levels with colours and due days as data', () => {
    expect(riskLevels.rows.map((r) => [r.code, r.label, r.colourLabel])).toEqual([
      ['LOW', '低', '蓝'],
      ['MEDIUM', '中', '黄'],
      ['HIGH', '高', '橙'],
      ['CRITICAL', '重大', '红'],
    ]);
    for (const r of riskLevels.rows) expect(r.colour).toMatch(/^#[0-9A-F]{6}$/);
    expect(riskLevels.defaultDueDaysOf('CRITICAL')).toBe(30);
  });

  it('refuses a factor ticked twice', () => {
    expect(riskFactors.selectionSchema.safeParse(['WEAPONS', 'ALCOHOL']).success).toBe(true);
    expect(riskFactors.selectionSchema.safeParse(['WEAPONS', 'WEAPONS']).success).toBe(false);
  });
});

describe('prevention flags', () => {
  it('has the four §3.5 indicators, each counted in 件 and 人', () => {
    expect(preventionFlags.rows.map((r) => r.indicator)).toEqual([
      'prevented_suicide',
      'prevented_criminal',
      'prevented_group_petition',
      'prevented_group_fight',
    ]);
    for (const r of preventionFlags.rows) expect([r.caseUnit, r.personUnit]).toEqual(['件', '人']);
  });

  it('needs a person count and a justification', () => {
    const ok = { code: 'CRIMINAL', persons: 4, note: '双方持械对峙，及时劝离' };
    expect(preventionFlags.flagSchema.safeParse(ok).success).toBe(true);
    expect(preventionFlags.flagSchema.safeParse({ ...ok, persons: 0 }).success).toBe(false);
    expect(preventionFlags.flagSchema.safeParse({ ...ok, note: '' }).success).toBe(false);
  });
});

describe('id document types', () => {
  it('contains the §6.1 list including 无', () => {
    expect(idDocTypes.rows.map((r) => r.label)).toEqual([
      '居民身份证',
      '临时居民身份证',
      '户口簿',
      '港澳台居民居住证',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
      '外国人永久居留身份证',
      '护照',
      '军人证件',
      '统一社会信用代码',
      '其他',
      '无',
    ]);
  });

  it('needs a reason for 无 and a name for 其他', () => {
    const parse = (v: unknown) => idDocTypes.documentSchema.safeParse(v);
    expect(parse({ type: 'NONE', reason: '年老未办理' }).success).toBe(true);
    expect(parse({ type: 'NONE' }).success).toBe(false);
    expect(parse({ type: 'OTHER', number: '123' }).success).toBe(false);
    expect(parse({ type: 'RESIDENT_ID', number: '632801198507041238' }).success).toBe(true);
  });
});

describe('ethnic groups (GB/T 3304)', () => {
  it('has 56 unique codes 01..56 in order', () => {
    const codes = ethnicGroups.rows.map((r) => r.code);
    expect(codes).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(ethnicGroups.rows.map((r) => r.label)).size).toBe(56);
    expect(new Set(ethnicGroups.rows.map((r) => r.letter)).size).toBe(56);
    for (const r of ethnicGroups.rows) expect(r.letter).toMatch(/^[A-Z]{2}$/);
  });

  it('spells 水族 Sui/SU as the standard does', () => {
    const sui = ethnicGroups.rows.find((r) => r.label === '水族');
    expect(sui).toEqual({ code: '25', label: '水族', roman: 'Sui', letter: 'SU' });
    expect(ethnicGroups.labelOf('04')).toBe('藏族');
  });

  it('appends configurable extension codes, 97/98 by default', () => {
    const all = ethnicGroups.ethnicGroupsFor();
    expect(all).toHaveLength(58);
    expect(all.slice(56).map((r) => [r.code, r.label])).toEqual([
      ['97', '其他（未识别民族）'],
      ['98', '外国血统中国籍人士'],
    ]);
    const custom = ethnicGroups.ethnicGroupsFor([
      { kind: 'UNIDENTIFIED', code: '57', label: '其他' },
      { kind: 'FOREIGN_ORIGIN', code: '58', label: '外国血统' },
    ]);
    expect(custom.slice(56).map((r) => r.code)).toEqual(['57', '58']);
    expect(ethnicGroups.codeSchemaFor().safeParse('97').success).toBe(true);
    expect(ethnicGroups.codeSchema.safeParse('97').success).toBe(false);
    expect(ethnicGroups.labelOfWith('98')).toBe('外国血统中国籍人士');
  });

  it('refuses extension codes that collide', () => {
    const clash = [{ kind: 'UNIDENTIFIED', code: '25', label: '其他' }] as const;
    expect(() => ethnicGroups.ethnicGroupsFor(clash)).toThrow();
    const dup = [
      { kind: 'UNIDENTIFIED', code: '97', label: '其他' },
      { kind: 'FOREIGN_ORIGIN', code: '97', label: '外国血统' },
    ] as const;
    expect(ethnicGroups.extensionsSchema.safeParse(dup).success).toBe(false);
  });

  it('puts the frequent groups of Qinghai, Gansu and Inner Mongolia first', () => {
    const names = ethnicGroups.FREQUENT_ETHNIC_CODES.map((c) => ethnicGroups.labelOf(c));
    expect(names).toEqual([
      '汉族',
      '藏族',
      '回族',
      '土族',
      '撒拉族',
      '蒙古族',
      '东乡族',
      '保安族',
      '裕固族',
      '哈萨克族',
      '达斡尔族',
      '鄂温克族',
      '鄂伦春族',
      '满族',
    ]);
    const order = ethnicGroups.ethnicPickerOrder().map((r) => r.code);
    expect(order).toHaveLength(58);
    expect(new Set(order).size).toBe(58);
    expect(order.slice(0, 14)).toEqual([...ethnicGroups.FREQUENT_ETHNIC_CODES]);
    const rest = order.slice(14);
    expect(rest).toEqual([...rest].sort());
  });

  it('ignores unknown and repeated codes in a frequent list', () => {
    const order = ethnicGroups.ethnicPickerOrder(['04', 'xx', '04', '97']).map((r) => r.code);
    expect(order.slice(0, 3)).toEqual(['04', '97', '01']);
    expect(order).toHaveLength(58);
  });
});
