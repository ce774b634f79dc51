import path from 'node:path';
import type { DocumentData } from '../../../electron/documents/document-data.js';
import {
  buildAcceptanceRegisterDocumentData,
  type AcceptanceRegisterDocumentInput,
} from '../../../electron/documents/acceptance-register-data.js';
import {
  buildAgreementDocumentData,
  type DocumentPartyInput,
} from '../../../electron/documents/agreement-data.js';
import {
  buildApplicationDocumentData,
  type ApplicationDocumentInput,
} from '../../../electron/documents/application-data.js';
import { SAMPLE_AGREEMENT_INPUT } from '../../../electron/documents/bench-agreement-pdf.js';
import {
  buildInvestigationRecordDocumentData,
  type InvestigationRecordDocumentInput,
} from '../../../electron/documents/investigation-record-data.js';
import {
  buildOralAgreementDocumentData,
  type OralAgreementDocumentInput,
} from '../../../electron/documents/oral-agreement-data.js';
import {
  buildSessionRecordDocumentData,
  type SessionRecordDocumentInput,
} from '../../../electron/documents/session-record-data.js';
import { buildConfirmationApplicationData } from '../../../electron/documents/confirmation-application-data.js';
import {
  buildClaimSheetData,
  buildRecognitionData,
  type ClaimSheetInput,
  type RecognitionInput,
} from '../../../electron/documents/subsidy-papers-data.js';
import { CLAIM_DISCLAIMER, type ClaimLine } from '../../../domain/subsidy/claim-pack.js';
import {
  buildCorrectionHistoryDocumentData,
  type CorrectionHistoryInput,
} from '../../../electron/documents/correction-history-data.js';
import {
  buildFollowUpRecordDocumentData,
  type FollowUpRecordDocumentInput,
} from '../../../electron/documents/followup-record-data.js';
import {
  buildVolumePagesData,
  type VolumePagesInput,
} from '../../../electron/documents/volume-pages-data.js';
import {
  DOCUMENT_TEMPLATE_FILES,
  loadTemplateFile,
  type DocumentTemplate,
  type DocumentTemplateKind,
} from '../../../electron/documents/template-loader.js';

/** Sample inputs of every document (one grazing-land / traffic case in Golmud). */

function partyAt(i: number): DocumentPartyInput {
  const party = SAMPLE_AGREEMENT_INPUT.parties[i];
  if (!party) throw new Error('fixture');
  return party;
}
export const ZHANG = partyAt(0);
export const ZHAXI = partyAt(1);

export const SAMPLE_APPLICATION: ApplicationDocumentInput = {
  committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
  applicants: [ZHANG],
  respondents: [ZHAXI],
  disputeSummary:
    '2026年10月5日，被申请人扎西多杰驾驶货车在昆仑路倒车时撞坏申请人经营的门面卷帘门及货架，造成财物损失。双方就赔偿金额多次协商未果。',
  requests: [
    '请求调解被申请人赔偿卷帘门、货架维修费及货物损失共计人民币叁万元整（¥30,000.00）。',
    '请求被申请人于2026年11月30日前一次性付清。',
  ],
  applicationDate: '2026-10-08',
  dateStyle: 'ARABIC',
};

export const SAMPLE_ACCEPTANCE: AcceptanceRegisterDocumentInput = {
  committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
  partyNames: [ZHANG.name, ZHAXI.name],
  acceptedDate: '2026-10-09',
  disputeType: '损害赔偿纠纷',
  source: 'APPLICATION',
  disputeSummary:
    '申请人张建国称，2026年10月5日被申请人扎西多杰倒车时撞坏其门面卷帘门及货架，要求赔偿损失三万元；被申请人认可撞坏事实，但认为索赔金额过高。',
  registrarName: '王海燕',
  registerDate: '2026-10-09',
  dateStyle: 'ARABIC',
};

export const SAMPLE_INVESTIGATION: InvestigationRecordDocumentInput = {
  committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
  time: '2026-10-12T09:30',
  place: '格尔木市河西街道昆仑路18号（事故现场）',
  investigatedPersons: [{ name: '马文礼', detail: '男，45岁，昆仑路19号商户，事故目击者' }],
  participants: [{ name: '李德明', detail: '河西街道昆仑社区居委会主任' }],
  investigatorNames: ['李秀兰'],
  recorderName: '王海燕',
  content: [
    '问：我们是河西街道人民调解委员会的人民调解员，今天向你了解10月5日昆仑路货车撞坏门面的情况，请你如实陈述。你听清楚了吗？',
    '答：听清楚了。',
    '问：事故发生时你在哪里？看到了什么？',
    '答：我当时在自己店门口。看见一辆蓝色货车倒车，没有人指挥，车尾撞上了张建国店的卷帘门，把门和里面的货架都撞坏了。',
    '问：货车司机当时是否下车查看？',
    '答：下车了，司机就是扎西多杰，他当场承认是自己没看后视镜。',
    '问：以上记录你看一下，是否与你所说的一致？',
    '答：一致。',
  ].join('\n'),
  dateStyle: 'ARABIC',
};

export const SAMPLE_SESSION: SessionRecordDocumentInput = {
  committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
  sessionNumber: 2,
  startAt: '2026-11-23T09:30',
  endAt: '2026-11-23T11:00',
  place: '河西街道人民调解委员会调解室',
  subject: '张建国与扎西多杰财产损害赔偿纠纷',
  partyNames: [ZHANG.name, ZHAXI.name],
  participants: [{ name: '李德明', detail: '社区居委会主任' }],
  mediatorNames: ['李秀兰', '才让'],
  recorderName: '王海燕',
  interpreter: { name: '才让', language: '藏语' },
  isPublic: false,
  recordMode: '全程笔录',
  content: [
    '调解员：今天继续调解张建国与扎西多杰财产损害赔偿纠纷。首先告知双方当事人在人民调解活动中享有的权利和应当承担的义务（已发放告知书并用藏语宣读），双方是否清楚？',
    '张建国：清楚。',
    '扎西多杰：清楚。',
    '调解员：上次调解后，我们调取了维修店的报价单，卷帘门维修费一万二千元，货架及货物损失一万八千元，共计三万元。双方对此有无异议？',
    '张建国：没有异议。',
    '扎西多杰：认可这个数，但希望月底前付清。',
    '调解员：经双方协商，扎西多杰于2026年11月30日前一次性赔偿张建国三万元，双方是否同意？',
    '张建国、扎西多杰：同意。',
  ].join('\n'),
  result: 'SUCCESS_WRITTEN',
  readBack: 'READ_TO_PARTIES',
  dateStyle: 'ARABIC',
};

export const SAMPLE_ORAL: OralAgreementDocumentInput = {
  committeeName: '锡林浩特市宝力根苏木人民调解委员会',
  registerNumber: '（2026）宝调口字第007号',
  parties: [
    {
      kind: 'PERSON',
      name: '巴特尔',
      gender: '男',
      ethnicity: '蒙古族',
      age: 46,
      occupation: '牧民',
      phone: '13847900000',
      address: '锡林浩特市宝力根苏木某嘎查',
    },
    {
      kind: 'PERSON',
      name: '王福贵',
      gender: '男',
      ethnicity: '汉族',
      age: 51,
      occupation: '牧民',
      phone: '13947900000',
      address: '锡林浩特市宝力根苏木某嘎查',
    },
  ],
  factsAndIssues:
    '2026年8月，王福贵家的羊群越过网围栏进入巴特尔承包的打草场，啃食牧草约两亩。巴特尔要求赔偿，双方对赔偿数额有争议。',
  oralTerms:
    '王福贵当场赔偿巴特尔牧草损失人民币捌佰元整（¥800.00），并负责修复网围栏缺口；双方今后互相看管好牲畜。',
  performance: '当场以现金支付；网围栏于2026年9月10日前修复。',
  amountFen: 80_000,
  performanceStatus: '已当场履行',
  agreedDate: '2026-09-02',
  dateStyle: 'ARABIC',
  mediatorNames: ['那仁'],
  recorderName: '其其格',
};

export const SAMPLE_FOLLOWUP: FollowUpRecordDocumentInput = {
  committeeName: '格尔木市河西街道人民调解委员会',
  visitedPartyNames: ['张建国', '扎西多杰'],
  agreementNumber: '（2026）河西调字第015号',
  subject: '张建国与扎西多杰财产损害赔偿纠纷',
  visitDate: '2026-12-05',
  mode: '上门',
  performance: '部分履行',
  satisfaction: '基本满意',
  risk: '低',
  findings:
    '扎西多杰已于2026年11月30日通过银行转账支付第一期赔偿款人民币壹万伍仟元整（¥15,000.00），第二期尚未到期。双方关系缓和，未再发生越界放牧。',
  nextStep: '再次回访：2027年1月5日核实第二期履行情况',
  visitorName: '李秀兰',
  dateStyle: 'ARABIC',
};

export const SAMPLE_VOLUME: VolumePagesInput = {
  committeeName: '格尔木市河西街道人民调解委员会',
  title: '张建国与扎西多杰财产损害赔偿纠纷',
  volumeNo: '（2026）人调字第015号',
  mediatorNames: ['李秀兰', '才让'],
  from: '2026-11-10',
  to: '2026-12-20',
  filedBy: '王海燕',
  filedDate: '2026-12-28',
  retention: '长期（30年）',
  remarks: null,
  entries: [
    { no: 1, title: '人民调解受理登记表', pages: '1', remark: '' },
    { no: 2, title: '人民调解当事人权利义务告知书', pages: '2', remark: '' },
    { no: 3, title: '当事人身份证明', pages: '3–4', remark: '扫描件2份' },
    { no: 4, title: '人民调解记录（第1次）', pages: '5–6', remark: '' },
    { no: 5, title: '人民调解协议书', pages: '7–9', remark: '' },
    { no: 6, title: '人民调解回访记录', pages: '10', remark: '' },
    { no: 7, title: '卷内备考表', pages: '11', remark: '' },
  ],
  notes: [{ date: '2026-12-28', text: '申请人身份证复印件背面另附一页。' }],
  pageCount: 13,
  dateStyle: 'ARABIC',
};

/** A case corrected twice after saving (newest first, as `caseHistoryViews` returns it). */
export const SAMPLE_HISTORY: CorrectionHistoryInput = {
  committeeName: '河西街道人民调解委员会',
  caseNumber: '（2026）河西调字第015号',
  caseTitle: '张建国与扎西多杰财产损害赔偿纠纷',
  history: [
    {
      id: 2,
      at: '2026-11-20T02:05:00.000Z',
      actor: '李秀兰',
      entity: 'CASE',
      entityId: 1,
      subject: '案件信息',
      action: 'UPDATE',
      actionLabel: '更正',
      reason: '按申请书日期更正',
      confirmations: [],
      fields: [
        { field: 'acceptedDate', label: '受理日期', oldText: '2026-11-12', newText: '2026-11-10' },
      ],
    },
    {
      id: 1,
      at: '2026-11-18T01:30:00.000Z',
      actor: '李秀兰',
      entity: 'PARTY',
      entityId: 2,
      subject: '当事人 扎西多杰',
      action: 'UPDATE',
      actionLabel: '更正',
      reason: '登记时录入错误，已核对身份证原件',
      confirmations: ['性别与身份证号码不一致，已核实'],
      fields: [
        { field: 'name', label: '姓名（名称）', oldText: '扎西多吉', newText: '扎西多杰' },
        {
          field: 'idNumber',
          label: '证件号码',
          oldText: '632801********0012',
          newText: '632801********0039',
        },
      ],
    },
  ],
  preparedBy: '李秀兰',
  asOf: '2026-11-20',
  dateStyle: 'ARABIC',
};

export interface TemplateCase {
  readonly kind: DocumentTemplateKind;
  readonly title: string;
  readonly template: () => DocumentTemplate;
  readonly data: () => DocumentData;
  readonly pages: number;
  /** Required texts in order (whitespace removed before comparing). */
  readonly sections: readonly string[];
  /** Each party's block (fragments that must all appear). */
  readonly partyFragments: readonly string[];
}

/** A line of a claim pack: the grassland case, 疑难 by its amount, not yet claimable. */
export function sampleClaimLine(
  i: number,
  names: readonly string[] = ['张建国', '扎西多杰'],
): ClaimLine {
  const claimable = i % 3 !== 1;
  return {
    caseId: 15 + i,
    caseNumber: `（2026）河西调字第${String(15 + i).padStart(3, '0')}号`,
    title: `${names[i % names.length] ?? ''}与${names[(i + 1) % names.length] ?? ''}草场纠纷`,
    outcome: i % 4 === 3 ? 'SUCCESS_ORAL' : 'SUCCESS_WRITTEN',
    outcomeDate: '2026-11-23',
    isOral: i % 4 === 3,
    tierCode: i % 2 === 0 ? 'DIFFICULT' : 'GENERAL',
    tierLabel: i % 2 === 0 ? '疑难' : '一般',
    tierSource: i % 2 === 0 ? 'CONFIRMED' : 'SUGGESTED',
    tierReasons:
      i % 2 === 0
        ? [
            '调解员确认为“疑难”：涉及草场边界，两个牧业组',
            '协议金额 30,000.00 元（标准：20,000.00 元以上）',
          ]
        : ['未达到更高档次的标准，按基本档次认定'],
    tierAmountFen: i % 2 === 0 ? 20_000 : 10_000,
    amountFen: claimable ? (i % 2 === 0 ? 20_000 : 10_000) / (i % 4 === 3 ? 2 : 1) : 0,
    share: null,
    claimable,
    notClaimableReasons: claimable
      ? []
      : [
          '卷宗不完整：缺少当事人扎西多杰的身份证明复印件',
          '尚未确认已登记在县级矛盾纠纷排查调处台账',
        ],
    missingDocuments: claimable ? [] : ['IDENTITY_PROOF'],
    duplicateOf: null,
  };
}

export const SAMPLE_RECOGNITION: RecognitionInput = {
  committeeName: '格尔木市河西街道人民调解委员会',
  caseReference: '（2026）河西调字第015号',
  caseTitle: '张建国与扎西多杰草场纠纷',
  disputeType: '草场纠纷',
  mediatorNames: ['李秀兰'],
  rules: { rulesTitle: '某县人民调解以案定补办法（2026）', rulesIsExample: false },
  oralPercent: 50,
  line: sampleClaimLine(0),
  documents: [
    { label: '人民调解申请书或受理登记表', present: true },
    { label: '当事人权利义务告知书', present: true },
    { label: '调查记录', present: true },
    { label: '调解记录', present: true },
    { label: '调解协议书（或口头协议登记表）', present: true },
    { label: '回访记录', present: false },
  ],
  disclaimer: CLAIM_DISCLAIMER,
  noticeDate: '2026-11-23',
  dateStyle: 'ARABIC',
};

export function sampleClaimSheet(lines: readonly ClaimLine[]): ClaimSheetInput {
  const claimable = lines.filter((l) => l.claimable);
  const tier = (code: string, label: string) => {
    const of = claimable.filter((l) => l.tierCode === code);
    return {
      tierCode: code,
      tierLabel: label,
      cases: of.length,
      amountFen: of.reduce((n, l) => n + l.amountFen, 0),
    };
  };
  return {
    committeeName: '格尔木市河西街道人民调解委员会',
    periodLabel: '2026年第四季度',
    oralPercent: 50,
    noticeDate: '2026-11-23',
    dateStyle: 'ARABIC',
    pack: {
      rulesId: 'county-2026',
      rulesTitle: '某县人民调解以案定补办法（2026）',
      rulesIsExample: false,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      mediator: { id: 1, name: '李秀兰', filed: true },
      lines,
      totals: {
        cases: lines.length,
        claimable: claimable.length,
        amountFen: claimable.reduce((n, l) => n + l.amountFen, 0),
        byTier: [tier('GENERAL', '一般'), tier('DIFFICULT', '疑难')],
      },
      disclaimer: CLAIM_DISCLAIMER,
    },
  };
}

const TEMPLATES = path.resolve(import.meta.dirname, '../../../templates');
const load = (kind: DocumentTemplateKind) => () =>
  loadTemplateFile(path.join(TEMPLATES, DOCUMENT_TEMPLATE_FILES[kind]));

const PERSON_FRAGMENTS = [
  '姓名：张建国',
  '性别：男',
  '民族：汉族',
  '年龄：52岁',
  '单位或住址：青海省格尔木市河西街道昆仑路18号3单元201室',
  '姓名：扎西多杰',
  '民族：藏族',
  '联系方式：13909791234',
];

export const TEMPLATE_CASES: readonly TemplateCase[] = [
  {
    kind: 'CORRECTION_HISTORY',
    title: '案件信息更正记录',
    template: load('CORRECTION_HISTORY'),
    data: () => buildCorrectionHistoryDocumentData(SAMPLE_HISTORY),
    pages: 1,
    sections: [
      '案件信息更正记录',
      '河西街道人民调解委员会',
      '卷号：（2026）河西调字第015号',
      '本案自登记至今共更正 2 次，涉及 3 项',
      '2026年11月18日 09:30，李秀兰更正当事人 扎西多杰：姓名（名称）由“扎西多吉”改为“扎西多杰”',
      '证件号码由“632801********0012”改为“632801********0039”。原因：登记时录入错误，已核对身份证原件。已核实：性别与身份证号码不一致，已核实。',
      '2026年11月20日 10:05，李秀兰更正案件信息：受理日期由“2026-11-12”改为“2026-11-10”。原因：按申请书日期更正。',
      '制表人：李秀兰',
      '记录截至：2026年11月20日',
    ],
    partyFragments: [],
  },
  {
    kind: 'AGREEMENT',
    title: '人民调解协议书',
    template: load('AGREEMENT'),
    data: () => buildAgreementDocumentData(SAMPLE_AGREEMENT_INPUT),
    // Page 3: the signature block moves with the last clause (PML 31 and 33 sentences added).
    pages: 3,
    sections: [
      '人民调解协议书',
      '编号：（2026）河西调字第015号',
      '当事人',
      '纠纷主要事实、争议事项：',
      '经调解，自愿达成如下协议：',
      '一、扎西多杰赔偿张建国',
      '二、扎西多杰于2026年11月30日前',
      '三、款项付清后',
      '履行方式、时限：',
      '本协议涉及金额：人民币叁万元整（¥30,000.00）。',
      '本协议经人民调解委员会调解达成，具有法律约束力，当事人应当按照约定履行。',
      '可以自本协议生效之日起三十日内共同向人民法院申请司法确认',
      '本协议一式三份',
      '当事人：张建国',
      '人民调解员：李秀兰',
      '记录人：王海燕',
      '格尔木市河西街道人民调解委员会（印）',
      '二〇二六年十一月二十三日',
    ],
    partyFragments: PERSON_FRAGMENTS,
  },
  {
    kind: 'APPLICATION',
    title: '人民调解申请书',
    template: load('APPLICATION'),
    data: () => buildApplicationDocumentData(SAMPLE_APPLICATION),
    pages: 1,
    sections: [
      '人民调解申请书',
      '申请人姓名：张建国',
      '被申请人姓名：扎西多杰',
      '纠纷简要情况：',
      '当事人申请事项：',
      '1、请求调解被申请人赔偿',
      '2、请求被申请人于2026年11月30日前',
      '人民调解委员会已将申请人民调解的相关规定告知我，现自愿申请人民调解委员会进行调解。',
      '申请人：张建国',
      '（签名盖章或按指印）',
      '2026年10月8日',
    ],
    partyFragments: PERSON_FRAGMENTS,
  },
  {
    kind: 'ACCEPTANCE_REGISTER',
    title: '人民调解受理登记表',
    template: load('ACCEPTANCE_REGISTER'),
    data: () => buildAcceptanceRegisterDocumentData(SAMPLE_ACCEPTANCE),
    pages: 1,
    sections: [
      '人民调解受理登记表',
      '2026年10月9日，本人民调解委员会经当事人同意，调解张建国、扎西多杰之间的纠纷。',
      '纠纷类型',
      '损害赔偿纠纷',
      '案件来源',
      '■①当事人申请',
      '□②人民调解委员会主动调解',
      '纠纷简要情况',
      '申请人张建国称',
      '当事人（签名）',
      '登记人（签名）',
      '格尔木市河西街道人民调解委员会（印章）',
      '备注：此表由人民调解委员会填写。',
    ],
    partyFragments: ['当事人（签名）张建国', '当事人（签名）扎西多杰'],
  },
  {
    kind: 'INVESTIGATION_RECORD',
    title: '人民调解调查记录',
    template: load('INVESTIGATION_RECORD'),
    data: () => buildInvestigationRecordDocumentData(SAMPLE_INVESTIGATION),
    pages: 1,
    sections: [
      '人民调解调查记录',
      '时间',
      '2026年10月12日9时30分',
      '地点',
      '被调查人',
      '马文礼',
      '参加人',
      '李德明（河西街道昆仑社区居委会主任）',
      '调查人',
      '记录人',
      '调查记录：',
      '问：我们是河西街道人民调解委员会的人民调解员',
      '答：一致。',
      '被调查人：马文礼',
      '（签名或按指印）',
      '调查人：李秀兰',
      '记录人：王海燕',
    ],
    partyFragments: ['马文礼男，45岁，昆仑路19号商户，事故目击者'],
  },
  {
    kind: 'SESSION_RECORD',
    title: '人民调解记录',
    template: load('SESSION_RECORD'),
    data: () => buildSessionRecordDocumentData(SAMPLE_SESSION),
    pages: 2,
    sections: [
      '人民调解记录',
      '（第二次调解）',
      '时间',
      '2026年11月23日9时30分至11时',
      '地点',
      '河西街道人民调解委员会调解室',
      '不公开',
      '事由',
      '张建国与扎西多杰财产损害赔偿纠纷',
      '参加人',
      '李德明（社区居委会主任）',
      '当事人',
      '张建国、扎西多杰',
      '人民调解员',
      '李秀兰、才让',
      '翻译人员',
      '才让（藏语翻译）',
      '全程笔录',
      '调解记录：',
      '首先告知双方当事人',
      '调解结果：调解成功，达成书面调解协议',
      '以上记录已向当事人宣读，当事人确认无误。',
      '当事人：张建国',
      '当事人：扎西多杰',
      '人民调解员：李秀兰',
      '记录人：王海燕',
      '翻译人：才让',
      '格尔木市河西街道人民调解委员会（印）',
      '2026年11月23日',
    ],
    partyFragments: ['当事人：张建国', '当事人：扎西多杰'],
  },
  {
    kind: 'ORAL_AGREEMENT_REGISTER',
    title: '人民调解口头协议登记表',
    template: load('ORAL_AGREEMENT_REGISTER'),
    data: () => buildOralAgreementDocumentData(SAMPLE_ORAL),
    // The 法律效力 row (PML 30, 31, 33) pushes the seal row onto a second page.
    pages: 2,
    sections: [
      '人民调解口头协议登记表',
      '编号：（2026）宝调口字第007号',
      '当事人',
      '纠纷主要事实、争议事项',
      '口头协议内容',
      '履行方式、时限',
      '涉案金额',
      '人民币捌佰元整（¥800.00）',
      '履行情况',
      '已当场履行',
      '达成日期',
      '2026年9月2日',
      '法律效力',
      '本口头协议自各方当事人达成协议之日起生效，具有法律约束力',
      '人民调解员（签名）',
      '记录人（签名）',
      '锡林浩特市宝力根苏木人民调解委员会（印）',
    ],
    partyFragments: [
      '姓名：巴特尔',
      '民族：蒙古族',
      '年龄：46岁',
      '单位或住址：锡林浩特市宝力根苏木某嘎查',
      '姓名：王福贵',
      '民族：汉族',
    ],
  },
  {
    kind: 'FOLLOWUP_RECORD',
    title: '人民调解回访记录',
    template: load('FOLLOWUP_RECORD'),
    data: () => buildFollowUpRecordDocumentData(SAMPLE_FOLLOWUP),
    pages: 1,
    sections: [
      '人民调解回访记录',
      '当事人',
      '张建国、扎西多杰',
      '调解协议编号',
      '（2026）河西调字第015号',
      '回访事由',
      '张建国与扎西多杰财产损害赔偿纠纷',
      '回访时间',
      '2026年12月5日',
      '回访方式',
      '上门',
      '履行情况',
      '部分履行',
      '满意程度',
      '基本满意',
      '隐患情况',
      '回访人',
      '李秀兰',
      '回访情况',
      '第二期尚未到期',
      '后续处理',
      '再次回访',
      '回访人：李秀兰',
    ],
    partyFragments: ['张建国、扎西多杰'],
  },
  {
    kind: 'CONFIRMATION_APPLICATION',
    title: '司法确认申请书',
    template: load('CONFIRMATION_APPLICATION'),
    data: () =>
      buildConfirmationApplicationData({
        committeeName: '格尔木市河西街道人民调解委员会',
        applicants: [partyAt(0), partyAt(1)],
        agreementNumber: '（2026）河西调字第015号',
        agreementDate: '2026-11-23',
        effectiveDate: '2026-11-23',
        court: '格尔木市人民法院',
        dateStyle: 'ARABIC',
      }),
    pages: 2,
    sections: [
      '司法确认申请书',
      '申请人',
      '请求事项：',
      '请求人民法院依法确认申请人于2026年11月23日经格尔木市河西街道人民调解委员会主持调解达成的人民调解协议（编号：（2026）河西调字第015号）有效。',
      '事实与理由：',
      '协议于2026年11月23日生效',
      '三十日内共同申请司法确认',
      '附送材料：',
      '1、人民调解协议书一份',
      '此致',
      '格尔木市人民法院',
      '申请人：张建国',
      '申请人：扎西多杰',
    ],
    partyFragments: PERSON_FRAGMENTS,
  },
  {
    kind: 'VOLUME_COVER',
    title: '人民调解卷宗',
    template: load('VOLUME_COVER'),
    data: () => buildVolumePagesData(SAMPLE_VOLUME),
    pages: 1,
    sections: [
      '格尔木市河西街道人民调解委员会',
      '人民调解卷宗',
      '卷名',
      '张建国与扎西多杰财产损害赔偿纠纷',
      '卷号',
      '（2026）人调字第015号',
      '人民调解员',
      '李秀兰、才让',
      '调解日期',
      '2026年11月10日至2026年12月20日',
      '立卷人',
      '王海燕',
      '立卷日期',
      '2026年12月28日',
      '保管期限',
      '长期（30年）',
    ],
    partyFragments: [],
  },
  {
    kind: 'VOLUME_INDEX',
    title: '卷内目录',
    template: load('VOLUME_INDEX'),
    data: () => buildVolumePagesData(SAMPLE_VOLUME),
    pages: 1,
    sections: [
      '卷内目录',
      '序号',
      '文书名称',
      '页号',
      '备注',
      '1人民调解受理登记表1',
      '3当事人身份证明3–4扫描件2份',
      '5人民调解协议书7–9',
      '7卷内备考表11',
      '本卷共7份文书，13页。',
    ],
    partyFragments: [],
  },
  {
    kind: 'VOLUME_BACK_COVER',
    title: '封底',
    template: load('VOLUME_BACK_COVER'),
    data: () => buildVolumePagesData(SAMPLE_VOLUME),
    pages: 1,
    sections: [
      '卷内备考表',
      '本卷共有文书7份，共13页',
      '情况说明：',
      '2026年12月28日：申请人身份证复印件背面另附一页。',
      '立卷人：王海燕',
      '检查人：',
      '立卷日期：2026年12月28日',
    ],
    partyFragments: [],
  },
  {
    kind: 'SUBSIDY_RECOGNITION',
    title: '人民调解案件认定表',
    template: load('SUBSIDY_RECOGNITION'),
    data: () => buildRecognitionData(SAMPLE_RECOGNITION),
    pages: 1,
    sections: [
      '人民调解案件认定表',
      '（以案定补）',
      '格尔木市河西街道人民调解委员会',
      '张建国与扎西多杰草场纠纷',
      '调解成功，达成书面人民调解协议',
      '某县人民调解以案定补办法（2026）',
      '疑难（调解员已确认）',
      '200 元',
      '1. 调解员确认为“疑难”：涉及草场边界，两个牧业组',
      '回访记录（缺）',
      '可以申报',
      '本表由调解工作台按所选补贴规则估算',
      '2026年11月23日',
      '司法所审核意见',
      '县司法局审核',
    ],
    partyFragments: [],
  },
  {
    kind: 'SUBSIDY_CLAIM_SHEET',
    title: '人民调解以案定补申报表',
    template: load('SUBSIDY_CLAIM_SHEET'),
    data: () => buildClaimSheetData(sampleClaimSheet([0, 1, 2, 3].map((i) => sampleClaimLine(i)))),
    pages: 1,
    sections: [
      '人民调解以案定补申报表',
      '调解组织：格尔木市河西街道人民调解委员会',
      '调解员：李秀兰',
      '申报期间：2026年第四季度（2026-10-01 至 2026-12-31）',
      '适用规则：某县人民调解以案定补办法（2026）',
      '合计：调结 4 件，可申报 3 件，暂不能申报 1 件，估算金额 450 元。',
      '其中：一般 1 件 50 元；疑难 2 件 400 元。',
      '本表由调解工作台按所选补贴规则估算',
      '申报人（签名）',
      '调委会（印章）',
    ],
    partyFragments: [],
  },
];
