import path from 'node:path';
import { buildAgreementDocumentData, type AgreementDocumentInput } from '../../../electron/documents/agreement-data.js';
import { loadDocumentFonts } from '../../../electron/documents/font-registry.js';
import { loadTemplateFile } from '../../../electron/documents/template-loader.js';

export const REPO = path.resolve(import.meta.dirname, '../../..');
export const TEMPLATES = path.join(REPO, 'templates');
export const FIXED_DATE = new Date('2026-11-23T02:00:00Z');

export const fonts = () => loadDocumentFonts(path.join(REPO, 'node_modules', '@expo-google-fonts'));
export const agreementTemplate = () => loadTemplateFile(path.join(TEMPLATES, 'agreement.v1.json'));
export const noticeTemplate = () => loadTemplateFile(path.join(TEMPLATES, 'rights-notice.v1.json'));

export const sampleAgreement: AgreementDocumentInput = {
  committeeName: '格尔木市河西街道人民调解委员会',
  agreementNumber: '（2026）河西调字第015号',
  parties: [
    {
      kind: 'PERSON',
      name: '张建国',
      gender: '男',
      ethnicity: '汉族',
      age: 52,
      occupation: '个体',
      phone: '13897012345',
      address: '青海省格尔木市河西街道昆仑路18号3单元201室',
    },
    {
      kind: 'PERSON',
      name: '扎西多杰',
      gender: '男',
      ethnicity: '藏族',
      age: 38,
      occupation: '牧民',
      phone: '13909791234',
      address: '青海省格尔木市唐古拉山镇长江源村',
    },
  ],
  factsAndIssues:
    '2026年10月5日，扎西多杰驾驶的货车在昆仑路倒车时撞坏张建国经营的门面卷帘门及货架，造成财物损失。双方对损失金额和赔偿方式发生争议。经人民调解员现场查看、询问双方及证人，确认事故系扎西多杰倒车时未注意观察所致，扎西多杰应承担全部责任；张建国对损失金额的主张偏高，应以维修单据为准。',
  terms: [
    '扎西多杰赔偿张建国卷帘门、货架维修费及货物损失共计人民币叁万元整（¥30,000.00）。',
    '扎西多杰于2026年11月30日前将上述款项一次性转入张建国指定的银行账户。',
    '款项付清后，双方就本纠纷再无其他争议，张建国不再就此事向扎西多杰主张任何权利。',
  ],
  performance: '银行转账，一次性付清，履行期限至2026年11月30日。',
  amountFen: 3_000_000,
  copies: 3,
  agreementDate: '2026-11-23',
  dateStyle: 'CHINESE',
  mediatorNames: ['李秀兰'],
  recorderName: '王海燕',
};

export const agreementData = (overrides: Partial<AgreementDocumentInput> = {}) =>
  buildAgreementDocumentData({ ...sampleAgreement, ...overrides });
