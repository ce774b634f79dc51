/**
 * The placeholder vocabulary of document templates: every `{{path}}` a template may use.
 * A template that names anything else is refused when it is loaded, so a typo in a template
 * file is found by the loader's test, not by a mediator looking at a blank on paper.
 *
 * Values are plain strings prepared by the caller (dates and amounts already formatted);
 * templates stay logic-less.
 */

export const DOCUMENT_FIELDS = {
  'committee.name': '人民调解委员会名称',
  'case.number': '卷号',
  'case.name': '卷名（纠纷名称）',
  'case.disputeSummary': '纠纷简要情况',
  'agreement.number': '协议书编号',
  'agreement.factsAndIssues': '纠纷主要事实、争议事项',
  'agreement.performance': '履行方式、时限',
  'agreement.amount': '协议涉及金额（大写及小写）',
  'agreement.copies': '协议份数（汉字，如“三”）',
  'agreement.date': '协议形成日期（已按日期样式格式化）',
  'interpretation.statement': '翻译说明（如“本协议已用藏语向当事人宣读”）',
  'interpreter.name': '翻译人姓名',
  'recorder.name': '记录人姓名',
  'notice.date': '告知日期（已格式化）',
} as const satisfies Record<string, string>;

export type DocumentFieldPath = keyof typeof DOCUMENT_FIELDS;

export const DOCUMENT_LISTS = {
  parties: {
    label: '当事人',
    item: 'party',
    fields: {
      'party.name': '姓名或名称',
      'party.isPerson': '自然人标记（非空即是）',
      'party.isOrganisation': '法人或其他组织标记（非空即是）',
      'party.gender': '性别',
      'party.ethnicity': '民族',
      'party.age': '年龄',
      'party.occupation': '职业或职务',
      'party.phone': '联系方式',
      'party.address': '单位或住址',
      'party.creditCode': '统一社会信用代码',
      'party.representative': '法定代表人或主要负责人',
      'party.representativeTitle': '法定代表人职务',
    },
  },
  agents: {
    label: '委托代理人、法定代理人',
    item: 'agent',
    fields: {
      'agent.kind': '代理人类别（委托代理人/法定代理人）',
      'agent.name': '代理人姓名',
      'agent.principal': '被代理的当事人',
      'agent.detail': '代理人身份、联系方式等',
    },
  },
  terms: {
    label: '协议条款',
    item: 'term',
    fields: { 'term.text': '条款内容' },
  },
  mediators: {
    label: '人民调解员',
    item: 'mediator',
    fields: { 'mediator.name': '人民调解员姓名' },
  },
} as const satisfies Record<
  string,
  { label: string; item: string; fields: Record<string, string> }
>;

export type DocumentListName = keyof typeof DOCUMENT_LISTS;

/** Only available in the page footer. */
export const FOOTER_FIELDS = {
  'page.number': '页码',
  'page.count': '总页数',
  'document.verificationCode': '校验码',
  'document.title': '文书标题',
} as const satisfies Record<string, string>;

export function isDocumentListName(name: string): name is DocumentListName {
  return Object.hasOwn(DOCUMENT_LISTS, name);
}
