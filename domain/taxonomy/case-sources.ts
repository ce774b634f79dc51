import { codeEnum, labelLookup, leafCodesOf, type CodeOf } from './code-table';
import { z } from 'zod';

/**
 * Case source (案件来源, domain §3.3). ENTRUSTED is the report row; its children say who
 * entrusted the case. A case records a child, and the report adds the children up.
 */
export const version = 1;

export const rows = [
  { code: 'ON_APPLICATION', label: '依申请调解', aliases: ['当事人申请'] },
  { code: 'PROACTIVE', label: '主动调解', aliases: ['人民调解委员会主动调解', '排查发现'] },
  { code: 'ENTRUSTED', label: '接受委托移送调解', aliases: ['委托移送'] },
  {
    code: 'ENTRUSTED_COURT',
    parent: 'ENTRUSTED',
    label: '法院委托移送',
    aliases: ['诉前调解', '委派调解'],
  },
  { code: 'ENTRUSTED_PROCURATORATE', parent: 'ENTRUSTED', label: '检察院委托移送', aliases: [] },
  {
    code: 'ENTRUSTED_POLICE',
    parent: 'ENTRUSTED',
    label: '公安机关委托移送',
    aliases: ['公调对接', '110非警务警情'],
  },
  {
    code: 'ENTRUSTED_PETITION',
    parent: 'ENTRUSTED',
    label: '信访部门委托移送',
    aliases: ['访调对接'],
  },
  {
    code: 'ENTRUSTED_OTHER',
    parent: 'ENTRUSTED',
    label: '其他部门委托移送',
    aliases: ['政府部门指定'],
  },
] as const satisfies readonly {
  readonly code: string;
  readonly label: string;
  readonly parent?: string;
  readonly aliases: readonly string[];
}[];

export const codeSchema = codeEnum(rows, '案件来源');
export type Code = CodeOf<typeof rows>;

/** What a case may record: the grouping row ENTRUSTED alone would lose who entrusted it. */
export const selectableCodeSchema = z.enum(leafCodesOf(rows), { error: '请选择具体的案件来源' });
export type SelectableCode = z.infer<typeof selectableCodeSchema>;

export const labelOf = labelLookup(rows);
