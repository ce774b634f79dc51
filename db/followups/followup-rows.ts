import type {
  FollowUpOrigin,
  FollowUpStatus,
  NextStep,
  PerformanceStatus,
  Satisfaction,
  VisitMode,
  VisitRisk,
} from '../../domain/followups/followup-codes.js';
import type { FollowUp, FollowUpProof } from '../../domain/followups/followup-views.js';

export interface FollowUpRow {
  id: number;
  case_id: number;
  case_number: string | null;
  case_title: string;
  agreement_id: number | null;
  agreement_number: string | null;
  origin: FollowUpOrigin;
  note: string;
  due_date: string;
  status: FollowUpStatus;
  visit_date: string | null;
  mode: VisitMode | null;
  visited_party_ids_json: string | null;
  findings: string | null;
  performance: PerformanceStatus | null;
  satisfaction: Satisfaction | null;
  risk: VisitRisk | null;
  visitor_id: number | null;
  visitor_name: string | null;
  next_step: NextStep | null;
  next_visit_date: string | null;
  next_step_note: string | null;
  cancel_reason: string | null;
  version: number;
}

/** The columns every follow-up read selects (f = followup, c = case_file). */
export const FOLLOWUP_COLUMNS = `f.id, f.case_id, c.case_number, c.title AS case_title,
  f.agreement_id, (SELECT a.number FROM agreement a WHERE a.id = f.agreement_id) AS agreement_number,
  f.origin, f.note, f.due_date, f.status, f.visit_date, f.mode, f.visited_party_ids_json,
  f.findings, f.performance, f.satisfaction, f.risk, f.visitor_id,
  (SELECT m.name FROM mediator m WHERE m.id = f.visitor_id) AS visitor_name,
  f.next_step, f.next_visit_date, f.next_step_note, f.cancel_reason, f.version`;

export interface ProofRow {
  id: number;
  followup_id: number;
  file_name: string;
  media_type: string;
  byte_length: number;
  sha256: string;
  created_at: string;
}

export function proofFromRow(r: ProofRow): FollowUpProof {
  return {
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    byteLength: r.byte_length,
    sha256: r.sha256,
    createdAt: r.created_at,
  };
}

export function followUpFromRow(
  r: FollowUpRow,
  today: string,
  partyNames: ReadonlyMap<number, string>,
  proofs: readonly FollowUpProof[],
): FollowUp {
  const done =
    r.status === 'DONE' &&
    r.visit_date !== null &&
    r.mode !== null &&
    r.performance !== null &&
    r.satisfaction !== null &&
    r.risk !== null &&
    r.visitor_id !== null &&
    r.findings !== null;
  const partyIds = done ? (JSON.parse(r.visited_party_ids_json ?? '[]') as number[]) : [];
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    caseTitle: r.case_title,
    agreementId: r.agreement_id,
    agreementNumber: r.agreement_number,
    origin: r.origin,
    note: r.note,
    dueDate: r.due_date,
    status: r.status,
    overdue: r.status === 'SCHEDULED' && r.due_date < today,
    visit: done
      ? {
          visitDate: r.visit_date ?? '',
          mode: r.mode ?? 'IN_PERSON',
          visitedPartyIds: partyIds,
          visitedPartyNames: partyIds.map((id) => partyNames.get(id) ?? ''),
          findings: r.findings ?? '',
          performance: r.performance ?? 'NOT_PERFORMED',
          satisfaction: r.satisfaction ?? 'MOSTLY',
          risk: r.risk ?? 'NONE',
          visitorId: r.visitor_id ?? 0,
          visitorName: r.visitor_name ?? '',
          nextStep: r.next_step ?? 'NONE',
          nextVisitDate: r.next_visit_date,
          nextStepNote: r.next_step_note,
        }
      : null,
    cancelReason: r.cancel_reason,
    proofs,
    version: r.version,
  };
}
