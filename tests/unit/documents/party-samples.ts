import path from 'node:path';
import { buildAcceptanceRegisterDocumentData } from '../../../electron/documents/acceptance-register-data.js';
import {
  buildAgreementDocumentData,
  buildRightsNoticeDocumentData,
  type DocumentPartyInput,
} from '../../../electron/documents/agreement-data.js';
import { buildApplicationDocumentData } from '../../../electron/documents/application-data.js';
import { buildCorrectionHistoryDocumentData } from '../../../electron/documents/correction-history-data.js';
import { buildConfirmationApplicationData } from '../../../electron/documents/confirmation-application-data.js';
import type { DocumentData } from '../../../electron/documents/document-data.js';
import { buildFollowUpRecordDocumentData } from '../../../electron/documents/followup-record-data.js';
import { buildInvestigationRecordDocumentData } from '../../../electron/documents/investigation-record-data.js';
import { buildOralAgreementDocumentData } from '../../../electron/documents/oral-agreement-data.js';
import { buildSessionRecordDocumentData } from '../../../electron/documents/session-record-data.js';
import {
  buildClosingReportData,
  buildMajorDisputeReportData,
  buildMediationNoticeData,
  buildRefusalNoticeData,
  buildTerminationNoticeData,
} from '../../../electron/documents/closing-papers-data.js';
import {
  DOCUMENT_TEMPLATE_FILES,
  loadTemplateFile,
  type DocumentTemplate,
  type DocumentTemplateKind,
} from '../../../electron/documents/template-loader.js';
import { buildCourtResultLetterData } from '../../../electron/documents/court-result-letter-data.js';
import { buildMediatorRegisterData } from '../../../electron/documents/mediator-register-data.js';
import { buildVolumePagesData } from '../../../electron/documents/volume-pages-data.js';
import {
  buildClaimSheetData,
  buildRecognitionData,
} from '../../../electron/documents/subsidy-papers-data.js';
import { noticeTemplate, SAMPLE_AGREEMENT_INPUT } from './fixtures.js';
import {
  SAMPLE_ACCEPTANCE,
  SAMPLE_APPLICATION,
  SAMPLE_FOLLOWUP,
  SAMPLE_HISTORY,
  SAMPLE_INVESTIGATION,
  SAMPLE_ORAL,
  SAMPLE_RECOGNITION,
  SAMPLE_SESSION,
  sampleClaimLine,
  sampleClaimSheet,
  SAMPLE_VOLUME,
  TEMPLATE_CASES,
  ZHANG,
  ZHAXI,
} from './samples.js';

/**
 * Every template's sample with `n` parties (a wage group: the first is the employer, the others
 * workers), for reference images and checks that depend on the party count. Volume pages carry
 * no parties: their index gets `n` rows and the title names the group.
 */

const SURNAMES = [...'马李韩冶祁沈喇赵杨白何王张刘陈'];
const GIVEN = ['福祥', '永贵', '学明', '秀英', '成林', '德胜', '海龙', '占山', '国华', '光辉'];

export function partyN(i: number): DocumentPartyInput {
  if (i === 0) return ZHANG;
  if (i === 1) return ZHAXI;
  const name = `${SURNAMES[i % SURNAMES.length] ?? ''}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? ''}`;
  return { ...ZHAXI, name };
}

export interface PartySample {
  readonly kind: string;
  readonly template: DocumentTemplate;
  readonly data: DocumentData;
}

/** The closing and refusal papers (issue 15): templates read straight from templates/. */
const CLOSING_PAPERS = [
  'REFUSAL_NOTICE',
  'TERMINATION_NOTICE',
  'MEDIATION_NOTICE',
  'CLOSING_REPORT',
  'MAJOR_DISPUTE_REPORT',
] as const;
type ClosingPaper = (typeof CLOSING_PAPERS)[number];
const isClosingPaper = (kind: string): kind is ClosingPaper =>
  (CLOSING_PAPERS as readonly string[]).includes(kind);

/** Templates outside TEMPLATE_CASES that still get reference images (issue 15). */
const EXTRA_TEMPLATES: Readonly<Record<string, DocumentTemplateKind>> = {
  COURT_RESULT_LETTER: 'COURT_RESULT_LETTER',
  MEDIATOR_REGISTER: 'MEDIATOR_REGISTER',
  ...Object.fromEntries(CLOSING_PAPERS.map((k) => [k, k])),
};

const templateOf = (kind: string): DocumentTemplate => {
  if (kind === 'RIGHTS_NOTICE') return noticeTemplate();
  const extra = EXTRA_TEMPLATES[kind];
  if (extra !== undefined) {
    return loadTemplateFile(
      path.resolve(import.meta.dirname, '../../../templates', DOCUMENT_TEMPLATE_FILES[extra]),
    );
  }
  const c = TEMPLATE_CASES.find((t) => t.kind === kind);
  if (!c) throw new Error(kind);
  return c.template();
};

export const PARTY_SAMPLE_KINDS = [
  ...TEMPLATE_CASES.map((c) => c.kind),
  'RIGHTS_NOTICE',
  ...Object.keys(EXTRA_TEMPLATES),
] as const satisfies readonly string[];

/** A wage group's closing papers with fixed, realistic texts (no lengths to vary here). */
function closingPaper(kind: ClosingPaper, names: readonly string[]): DocumentData {
  const common = {
    committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
    caseReference: '（2026）河西调字第015号',
    disputeType: '追索劳动报酬纠纷',
    noticeDate: '2026-12-28',
    dateStyle: 'CHINESE' as const,
  };
  const workers = names.slice(1);
  switch (kind) {
    case 'REFUSAL_NOTICE':
      return buildRefusalNoticeData({
        ...common,
        applicantNames: workers,
        respondentNames: names.slice(0, 1),
        applicationDate: '2026-12-20',
        reason:
          '该纠纷已由格尔木市劳动人事争议仲裁委员会受理，属于《中华人民共和国人民调解法》第十八条规定的情形。',
        advisedRoute: '继续通过劳动争议仲裁途径解决',
      });
    case 'TERMINATION_NOTICE':
      return buildTerminationNoticeData({
        ...common,
        partyNames: names,
        acceptedDate: '2026-12-01',
        terminatedDate: '2026-12-28',
        cause: 'FAILED',
        routes: ['诉讼', '仲裁'],
        note: '经三次调解，双方对欠付工资的数额仍未达成一致。',
      });
    case 'MEDIATION_NOTICE':
      return buildMediationNoticeData({
        ...common,
        partyName: names[0] ?? '',
        partyNames: names,
        acceptedDate: '2026-12-01',
        sessionAt: '2026-12-28T09:30',
        place: '河西村人民调解委员会调解室',
        bring: '身份证原件及复印件、考勤记录、工资欠条等与本纠纷有关的证据材料',
        mediatorNames: ['李秀兰', '才让'],
      });
    case 'CLOSING_REPORT':
      return buildClosingReportData({
        ...common,
        volumeNumber: '（2026）人调字第015号',
        mediatorNames: ['李秀兰', '才让'],
        acceptedDate: '2026-12-01',
        closedDate: '2026-12-28',
        source: '当事人申请',
        persons: names.length,
        parties: names.map((name, i) => ({
          name,
          role: i === 0 ? '被申请人' : '申请人',
          address: '格尔木市河西街道河西村',
          phone: '13909791234',
        })),
        summary: `${workers.length}名工人在${names[0] ?? ''}承包的工地务工，工程完工后工资未结清，双方对欠付数额有争议。`,
        sessions: 2,
        investigations: 1,
        outcome: '调解成功，达成书面人民调解协议。',
        performance: '第一期款项已按期支付，第二期待回访核实。',
      });
    case 'MAJOR_DISPUTE_REPORT':
      return buildMajorDisputeReportData({
        ...common,
        title: `${names[0] ?? ''}与${workers.length}名工人追索劳动报酬纠纷`,
        riskLevel: '重大',
        persons: names.length,
        intakeDate: '2026-12-01',
        partyNames: names,
        summary: '工人多次到工地聚集讨要工资，扬言到县政府上访。',
        mediatorNames: ['李秀兰', '才让'],
        policeAttended: true,
        police: '河西派出所民警到场维持秩序。',
        measures: '已稳定工人情绪，约定三日内再次组织调解。',
        nextSteps: '联系劳动保障监察部门共同调处，必要时引导申请劳动争议仲裁。',
      });
  }
}

export function sampleWithParties(kind: string, n: number): PartySample {
  const parties = Array.from({ length: n }, (_, i) => partyN(i));
  const names = parties.map((p) => p.name);
  const data = ((): DocumentData => {
    if (isClosingPaper(kind)) return closingPaper(kind, names);
    switch (kind) {
      case 'AGREEMENT':
        return buildAgreementDocumentData({ ...SAMPLE_AGREEMENT_INPUT, parties });
      case 'RIGHTS_NOTICE':
        return buildRightsNoticeDocumentData({
          committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
          parties,
          noticeDate: '2026-10-09',
          dateStyle: 'CHINESE',
        });
      case 'APPLICATION':
        return buildApplicationDocumentData({
          ...SAMPLE_APPLICATION,
          applicants: parties.slice(1),
          respondents: parties.slice(0, 1),
        });
      case 'ACCEPTANCE_REGISTER':
        return buildAcceptanceRegisterDocumentData({ ...SAMPLE_ACCEPTANCE, partyNames: names });
      case 'INVESTIGATION_RECORD':
        return buildInvestigationRecordDocumentData({
          ...SAMPLE_INVESTIGATION,
          investigatedPersons: names.map((name) => ({ name, detail: '本案当事人' })),
        });
      case 'SESSION_RECORD':
        return buildSessionRecordDocumentData({ ...SAMPLE_SESSION, partyNames: names });
      case 'ORAL_AGREEMENT_REGISTER':
        return buildOralAgreementDocumentData({ ...SAMPLE_ORAL, parties });
      case 'FOLLOWUP_RECORD':
        return buildFollowUpRecordDocumentData({ ...SAMPLE_FOLLOWUP, visitedPartyNames: names });
      case 'CONFIRMATION_APPLICATION':
        return buildConfirmationApplicationData({
          committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
          applicants: parties,
          agents: [],
          agreementNumber: '（2026）河西调字第015号',
          agreementDate: '2026-11-23',
          effectiveDate: '2026-11-23',
          court: '格尔木市人民法院',
          dateStyle: 'ARABIC',
        });
      case 'CORRECTION_HISTORY':
        // one correction of each party's name, as a desk that mistyped a whole group would make
        return buildCorrectionHistoryDocumentData({
          ...SAMPLE_HISTORY,
          history: names.map((name, i) => ({
            id: n - i,
            at: new Date(Date.parse('2026-11-18T01:30:00Z') + i * 60_000).toISOString(),
            actor: '李秀兰',
            entity: 'PARTY',
            entityId: i + 1,
            subject: `当事人 ${name}`,
            action: 'UPDATE',
            actionLabel: '更正',
            reason: '登记时录入错误，已核对身份证原件',
            confirmations: [],
            fields: [{ field: 'name', label: '姓名（名称）', oldText: `${name}甲`, newText: name }],
          })),
        });
      case 'VOLUME_COVER':
      case 'VOLUME_INDEX':
      case 'VOLUME_BACK_COVER':
        return buildVolumePagesData({
          ...SAMPLE_VOLUME,
          title: `${names[0] ?? ''}与${names[1] ?? ''}等${n - 1}人劳务报酬纠纷`,
          entries: Array.from({ length: n }, (_, i) => ({
            no: i + 1,
            title: i === 0 ? '人民调解受理登记表' : `当事人身份证明（${names[i] ?? ''}）`,
            pages: String(i + 1),
            remark: '',
          })),
        });
      case 'COURT_RESULT_LETTER':
        return buildCourtResultLetterData({
          committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
          caseReference: '（2026）河西调字第015号',
          disputeType: '劳务报酬纠纷',
          dateStyle: 'CHINESE',
          noticeDate: '2026-11-25',
          courtKind: 'DELEGATED',
          courtName: '格尔木市人民法院',
          courtReference: '（2026）青2801民诉前调88号',
          courtReceivedOn: '2026-10-20',
          courtExtension: { consentDate: '2026-11-15', note: '电话征得承办法官同意' },
          acceptedDate: '2026-10-21',
          partyNames: names,
          mediatorNames: ['李秀兰', '马福祥'],
          result: {
            kind: 'WRITTEN',
            date: '2026-11-23',
            agreementNumber: '（2026）河西调字第015号',
          },
        });
      case 'MEDIATOR_REGISTER':
        // A mediator's form has no parties: `n` training records instead.
        return buildMediatorRegisterData({
          committeeName: SAMPLE_AGREEMENT_INPUT.committeeName,
          dateStyle: 'CHINESE',
          registerDate: '2026-11-25',
          name: '李秀兰',
          isPeopleMediator: true,
          active: true,
          languages: ['zh', 'bo'],
          profile: {
            grade: 'GRADE_2',
            filingNumber: '青司调备2026-0815',
            filingStatus: 'FILED',
            employment: 'FULL_TIME',
            gender: 'FEMALE',
            birthDate: '1979-03-14',
            phone: '13909791234',
            education: '大专',
            politicalStatus: '中共党员',
            workUnit: '河西街道办事处',
            title: '调委会主任',
            trainings: names.map((name, i) => ({
              date: `2026-${String((i % 12) + 1).padStart(2, '0')}-10`,
              title: `人民调解业务培训（第${i + 1}期，${name}主讲）`,
              hours: 1 + (i % 4) * 0.5,
              organiser: i % 3 === 0 ? null : '格尔木市司法局',
            })),
          },
        });
      // 以案定补: the 认定表 names n mediators; the 申报表 lists n cases of the n parties.
      case 'SUBSIDY_RECOGNITION':
        return buildRecognitionData({
          ...SAMPLE_RECOGNITION,
          mediatorNames: names,
          line: sampleClaimLine(n, names),
        });
      case 'SUBSIDY_CLAIM_SHEET':
        return buildClaimSheetData(
          sampleClaimSheet(Array.from({ length: n }, (_, i) => sampleClaimLine(i, names))),
        );
      default:
        throw new Error(`no party sample for ${kind}`);
    }
  })();
  return { kind, template: templateOf(kind), data };
}
