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
  // 人民调解口头协议登记表 (§2.10), with the agreement.* fields above
  'agreement.oralTerms': '口头协议内容',
  'agreement.performanceStatus': '履行情况（已当场履行、未履行、部分履行）',
  // 案件信息更正记录 (issue 8): the printed summary of the change history
  'history.summary': '更正次数与项数的说明（或“未作更正”）',
  'history.preparedBy': '制表人',
  'history.date': '记录截至日期：最后一次更正的日期，没有更正时为登记日期（已格式化）',
  // 人民调解申请书 (§2.4)
  'application.date': '申请日期（已格式化）',
  // 人民调解受理登记表 (§2.5)
  'acceptance.date': '受理日期（已格式化）',
  'acceptance.partyNames': '当事人姓名，以“、”分隔',
  'acceptance.disputeType': '纠纷类型',
  'acceptance.source': '案件来源（已勾选的两项）',
  'registrar.name': '登记人姓名',
  'register.date': '登记日期（已格式化）',
  // 人民调解调查记录 (§2.7)
  'investigation.time': '调查时间（已格式化）',
  'investigation.place': '调查地点',
  'investigation.participants': '参加人（姓名及身份，以“、”分隔）',
  'investigation.investigators': '调查人姓名，以“、”分隔',
  'investigation.content': '调查记录（问：／答：）',
  // 人民调解记录 (§2.8)
  'session.number': '调解次数（汉字，如“一”）',
  'session.time': '调解时间（起止，已格式化）',
  'session.place': '调解地点',
  'session.subject': '事由',
  'session.partiesPresent': '到场当事人姓名，以“、”分隔',
  'session.participants': '参加人（姓名及身份，以“、”分隔）',
  'session.mediators': '人民调解员姓名，以“、”分隔',
  'session.interpreter': '翻译人员及语种',
  'session.publicity': '公开或不公开',
  'session.recordMode': '记录方式（全程笔录／简易记录）',
  'session.content': '调解记录',
  'session.result': '调解结果',
  'session.readBack': '校阅或宣读说明',
  'session.date': '调解日期（已格式化，用于盖章处）',
  // 人民调解回访记录 (§2.11), with agreement.number
  'followup.parties': '被回访的当事人，以“、”分隔',
  'followup.subject': '回访事由（纠纷名称）',
  'followup.time': '回访时间（已格式化）',
  'followup.mode': '回访方式',
  'followup.findings': '回访情况',
  'followup.performance': '履行情况',
  'followup.satisfaction': '满意程度',
  'followup.risk': '隐患情况',
  'followup.nextStep': '后续处理（含说明）',
  'followup.visitor': '回访人姓名',
  // 司法确认申请书 (§2.11, SPC-2011 Art. 3), with agreement.number and agreement.date
  'confirmation.court': '受理申请的人民法院',
  'confirmation.effectiveDate': '调解协议生效日期（已格式化）',
  'confirmation.committee': '主持调解的人民调解委员会',
  // 卷宗封面、卷内目录、封底 (§2.2, §2.3)
  'volume.title': '卷名',
  'volume.number': '卷号',
  'volume.mediators': '人民调解员，主持人在前，以“、”分隔',
  'volume.from': '调解开始日期（已格式化）',
  'volume.to': '调解结束日期（已格式化）',
  'volume.filedBy': '立卷人',
  'volume.filedDate': '立卷日期（已格式化）',
  'volume.retention': '保管期限',
  'volume.remarks': '备注',
  'volume.pageCount': '本卷页数（汉字或数字）',
  'volume.documentCount': '卷内文书份数',
  // 不予受理通知书、终止调解告知书、调解通知书、结案报告、重大纠纷信息报告 (issue 15, §4.11)
  'paper.addressees': '受文当事人，以“、”分隔',
  'paper.respondents': '对方当事人，以“、”分隔',
  'paper.persons': '涉及人数（如“14人”）',
  'paper.duration': '持续时间（如“9天（自登记之日起）”）',
  'case.reference': '案号（未编号时为纠纷名称）',
  'case.partyNames': '全部当事人，以“、”分隔',
  'case.source': '案件来源',
  'case.summary': '纠纷简要情况',
  'case.title': '纠纷名称',
  'dispute.type': '纠纷类型（有细类时为细类）',
  'accepted.date': '受理日期（已格式化）',
  'intake.date': '登记日期（已格式化）',
  'closed.date': '结案日期（已格式化）',
  'mediator.names': '承办人民调解员，以“、”分隔',
  'party.names': '当事人姓名，以“、”分隔',
  'refusal.reason': '不予受理的理由',
  'refusal.route': '建议的其他解决途径',
  'termination.cause': '终止原因（调解不成或拒绝调解）',
  'termination.date': '终止日期（已格式化）',
  'termination.routes': '告知的解决途径，以“、”分隔',
  'termination.note': '终止说明',
  'notice.bring': '需携带的材料',
  'process.text': '调解经过（调查、调解次数）',
  'outcome.text': '调解结果',
  'performance.text': '履行情况',
  'risk.level': '风险等级',
  'police.text': '公安到场情况',
  'measures.text': '已采取的措施',
  'next.text': '下一步工作',
  // 委派（委托）调解结果告知函 (issue 15): the letter back to the court
  'letter.title': '告知函标题（委派或委托调解）',
  'court.name': '委派法院',
  'court.kindVerb': '“委派”或“委托”',
  'court.reference': '法院案号',
  'court.receivedDate': '收到委派日期（已格式化）',
  'court.extension': '法院同意延长的说明（未延长时为空）',
  'result.text': '调解结果',
  'result.next': '请法院处理的事项',
  'result.attachments': '随函附送的材料',
  // 人民调解员登记表 (issue 15): one mediator's profile
  'profile.name': '调解员姓名',
  'profile.gender': '性别',
  'profile.birthDate': '出生日期（已格式化）',
  'profile.education': '文化程度',
  'profile.political': '政治面貌',
  'profile.workUnit': '工作单位',
  'profile.title': '职务',
  'profile.phone': '联系电话',
  'profile.grade': '调解员等级',
  'profile.filingNumber': '备案编号',
  'profile.filingStatus': '备案状态',
  'profile.employment': '专职或兼职',
  'profile.languages': '工作语言',
  'profile.kind': '人民调解员或其他调解人员',
  'profile.active': '在岗情况',
  'profile.trainingSummary': '培训合计（次数、学时）',
  // 以案定补 (issue 15): the 调解案件认定表 and the claim sheet
  'subsidy.rulesTitle': '适用的补贴规则（示例规则注明“示例”）',
  'subsidy.outcome': '调解结果（书面协议、口头协议…）',
  'subsidy.outcomeDate': '结案（调解结果）日期（已格式化）',
  'subsidy.tier': '申报档次及来源（已确认或按数据建议）',
  'subsidy.tierReasons': '认定理由，一条一行',
  'subsidy.documents': '该档次所需材料及有无',
  'subsidy.amount': '估算金额（含口头调解比例、分配）',
  'subsidy.claimable': '能否申报，不能时写明原因',
  'subsidy.period': '申报期间（如“2026年第一季度（2026-01-01至2026-03-31）”）',
  'subsidy.totals': '合计件数、可申报件数和估算金额',
  'subsidy.byTier': '按档次的件数和金额',
  'subsidy.disclaimer': '软件只作估算、以审核认定为准的说明',
} as const satisfies Record<string, string>;

export type DocumentFieldPath = keyof typeof DOCUMENT_FIELDS;

const PARTY_FIELDS = {
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
  'party.idNumber': '身份证件号码（仅当选择打印时非空）',
  'party.idLabel': '身份证件名称（如“公民身份号码”）',
  'party.language': '使用语言（不使用汉语时，如“藏语（需要翻译）”）',
  'party.serviceAddress': '送达地址（没有电话的当事人）',
  'party.extraLines': '使用语言、送达地址两行（各以换行开头，不适用时为空）',
  'party.line': '一行：身份、姓名、住址、联系电话（结案报告）',
} as const;

export const DOCUMENT_LISTS = {
  parties: { label: '当事人', item: 'party', fields: PARTY_FIELDS },
  applicants: { label: '申请人', item: 'party', fields: PARTY_FIELDS },
  respondents: { label: '被申请人', item: 'party', fields: PARTY_FIELDS },
  requests: { label: '申请事项', item: 'request', fields: { 'request.text': '申请事项' } },
  investigatedPersons: {
    label: '被调查人',
    item: 'person',
    fields: {
      'person.name': '被调查人姓名',
      'person.detail': '性别、年龄、单位或住址、与当事人关系等',
    },
  },
  investigators: {
    label: '调查人',
    item: 'investigator',
    fields: { 'investigator.name': '调查人姓名' },
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
    fields: {
      'term.text': '条款内容',
      'term.no': '条款序号（1、2、3…）',
      'term.numeral': '条款序号（一、二、三…）',
    },
  },
  materials: {
    label: '附送材料',
    item: 'material',
    fields: { 'material.text': '材料名称及份数' },
  },
  volumeNotes: {
    label: '卷宗情况说明',
    item: 'note',
    fields: { 'note.date': '说明日期（已格式化）', 'note.text': '说明内容' },
  },
  corrections: {
    label: '更正记录（每次保存一条）',
    item: 'correction',
    fields: { 'correction.text': '时间、经办人、更正对象、原内容与新内容、原因、核实情况' },
  },
  claimLines: {
    label: '申报表的案件（每件一行）',
    item: 'line',
    fields: {
      'line.caseNumber': '案号',
      'line.title': '案件名称',
      'line.outcomeDate': '结案日期',
      'line.tier': '档次',
      'line.amount': '估算金额（元，不能申报时为“—”）',
      'line.note': '认定理由或不能申报的原因',
    },
  },
  volumeEntries: {
    label: '卷内目录',
    item: 'entry',
    fields: {
      'entry.no': '序号',
      'entry.title': '文书名称',
      'entry.pages': '页号',
      'entry.remark': '备注',
    },
  },
  obligees: {
    label: '多名权利人的给付明细',
    item: 'obligee',
    fields: {
      'obligee.term': '所属条款序号（与 term.no 对应）',
      'obligee.no': '序号',
      'obligee.name': '权利人姓名',
      'obligee.amountWords': '金额大写（人民币…元整）',
      'obligee.amountFigures': '金额小写（¥…）',
      'obligee.deadline': '期限（含各期日期和金额）',
      'obligee.method': '支付方式',
    },
  },
  recipients: {
    label: '签收人',
    item: 'recipient',
    fields: { 'recipient.name': '签收人姓名' },
  },
  trainings: {
    label: '培训记录',
    item: 'training',
    fields: {
      'training.no': '序号',
      'training.date': '培训日期（已格式化）',
      'training.title': '培训名称',
      'training.hours': '学时',
      'training.organiser': '培训单位',
    },
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
