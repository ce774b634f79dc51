import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import {
  documentPartyItem,
  type DocumentAgentInput,
  type DocumentPartyInput,
} from './agreement-data.js';
import type { DocumentData } from './document-data.js';

/**
 * 司法确认申请书 (domain §1.2, §2.11), template `confirmation-application.v1.json`: the parties
 * apply jointly (CPL 201), so every party of the agreement is an applicant; a unit prints its
 * name, credit code and legal representative (the 个人与单位 form), persons their identity
 * document (SPC-2011 Art. 3 asks for identity and service addresses).
 */
export interface ConfirmationApplicationInput {
  readonly committeeName: string;
  readonly applicants: readonly DocumentPartyInput[];
  readonly agents?: readonly DocumentAgentInput[] | undefined;
  readonly agreementNumber: string;
  readonly agreementDate: string;
  readonly effectiveDate: string;
  /** The court applied to; blank line when not chosen yet (filled in by hand). */
  readonly court: string | null;
  readonly dateStyle: DocumentDateStyle;
}

/** SPC-2011 Art. 3: what goes with the application. */
const MATERIALS = [
  '人民调解协议书一份',
  '申请人身份证明（居民身份证复印件；单位为营业执照或登记证书复印件、法定代表人身份证明）',
  '与调解协议相关的财产权利证明材料',
  '委托代理人的授权委托书（有委托代理人时）',
];

export function buildConfirmationApplicationData(
  input: ConfirmationApplicationInput,
): DocumentData {
  if (input.applicants.length < 2) throw new RangeError('司法确认须由双方当事人共同申请');
  return {
    fields: {
      'committee.name': input.committeeName,
      'confirmation.committee': input.committeeName,
      'agreement.number': input.agreementNumber,
      'agreement.date': formatDocumentDate(input.agreementDate, input.dateStyle),
      'confirmation.effectiveDate': formatDocumentDate(input.effectiveDate, input.dateStyle),
      'confirmation.court': input.court ?? '＿＿＿＿＿＿＿＿人民法院',
    },
    lists: {
      applicants: input.applicants.map((p) => documentPartyItem(p, { printIdNumbers: true })),
      agents: (input.agents ?? []).map((agent) => ({
        'agent.kind': agent.kind,
        'agent.name': agent.name,
        'agent.principal': agent.principal,
        'agent.detail': agent.detail ?? '',
      })),
      materials: MATERIALS.map((text) => ({ 'material.text': text })),
    },
  };
}
