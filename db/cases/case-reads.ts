import { allowedActions, isAgreementDrivenAction } from '../../domain/case-lifecycle.js';
import type {
  CaseDetail,
  CaseNumberRecord,
  StatusHistoryEntry,
} from '../../domain/cases/case-views.js';
import type { TitleParty } from '../../domain/cases/case-title.js';
import type { Db } from '../connection.js';
import { statement } from '../statement-cache.js';
import {
  caseFromRow,
  investigationFromRow,
  participantFromRow,
  partyFromRow,
  referralFromRow,
  representativeFromRow,
  sessionFromRow,
  type CaseRow,
  type InvestigationRow,
  type ParticipantRow,
  type PartyRow,
  type ReferralRow,
  type RepresentativeRow,
  type SessionRow,
} from './case-rows.js';

export function getCaseRow(db: Db, caseId: number): CaseRow | undefined {
  return statement(db, 'SELECT * FROM case_file WHERE id = ?').get(caseId) as CaseRow | undefined;
}

export function caseMediatorIds(db: Db, caseId: number): number[] {
  return (
    statement(
      db,
      'SELECT mediator_id FROM case_mediator WHERE case_id = ? ORDER BY position, mediator_id',
    ).all(caseId) as { mediator_id: number }[]
  ).map((r) => r.mediator_id);
}

export function partyRowsOf(db: Db, caseId: number): PartyRow[] {
  return statement(db, 'SELECT * FROM party WHERE case_id = ? ORDER BY sort, id').all(
    caseId,
  ) as PartyRow[];
}

/**
 * What a generated title is made of (this and `titlePartiesOf`), read by every party
 * correction: only these columns, since whole case and party rows are the largest objects such a
 * write builds.
 */
export function titleFactsOf(
  db: Db,
  caseId: number,
): Pick<CaseRow, 'title' | 'title_generated' | 'category'> | undefined {
  return statement(db, 'SELECT title, title_generated, category FROM case_file WHERE id = ?').get(
    caseId,
  ) as Pick<CaseRow, 'title' | 'title_generated' | 'category'> | undefined;
}

export function titlePartiesOf(db: Db, caseId: number): TitleParty[] {
  return statement(db, 'SELECT role, name FROM party WHERE case_id = ? ORDER BY sort, id').all(
    caseId,
  ) as TitleParty[];
}

export function representativeRowsOf(db: Db, caseId: number): RepresentativeRow[] {
  return statement(
    db,
    `SELECT r.* FROM party_representative r JOIN party p ON p.id = r.party_id
       WHERE p.case_id = ? ORDER BY r.party_id, r.sort, r.id`,
  ).all(caseId) as RepresentativeRow[];
}

export function sessionRowsOf(db: Db, caseId: number): SessionRow[] {
  return statement(db, 'SELECT * FROM session_record WHERE case_id = ? ORDER BY session_no').all(
    caseId,
  ) as SessionRow[];
}

export function investigationRowsOf(db: Db, caseId: number): InvestigationRow[] {
  return statement(db, 'SELECT * FROM investigation_record WHERE case_id = ? ORDER BY at, id').all(
    caseId,
  ) as InvestigationRow[];
}

export function participantRowsOf(db: Db, caseId: number): ParticipantRow[] {
  return statement(db, 'SELECT * FROM invited_participant WHERE case_id = ? ORDER BY id').all(
    caseId,
  ) as ParticipantRow[];
}

/** The whole case as the detail screen shows it; undefined when there is no such case. */
export function getCaseDetail(db: Db, caseId: number, today: string): CaseDetail | undefined {
  const row = getCaseRow(db, caseId);
  if (!row) return undefined;
  const reps = representativeRowsOf(db, caseId).map((r) => ({
    partyId: r.party_id,
    view: representativeFromRow(r),
  }));
  const parties = partyRowsOf(db, caseId).map((p) =>
    partyFromRow(
      p,
      reps.filter((r) => r.partyId === p.id).map((r) => r.view),
    ),
  );
  const timeline = (
    statement(db, 'SELECT * FROM status_history WHERE case_id = ? ORDER BY id').all(caseId) as {
      id: number;
      from_state: StatusHistoryEntry['fromState'];
      to_state: StatusHistoryEntry['toState'];
      action: StatusHistoryEntry['action'];
      data_json: string;
      at: string;
      actor: string;
    }[]
  ).map((h): StatusHistoryEntry => ({
    id: h.id,
    fromState: h.from_state,
    toState: h.to_state,
    action: h.action,
    data: JSON.parse(h.data_json) as Record<string, unknown>,
    at: h.at,
    actor: h.actor,
  }));
  const numbers = (
    statement(db, 'SELECT * FROM case_number WHERE case_id = ? ORDER BY issued_at, sequence').all(
      caseId,
    ) as {
      number: string;
      year: number;
      sequence: number;
      issued_at: string;
      voided_at: string | null;
      void_reason: string | null;
    }[]
  ).map((n): CaseNumberRecord => ({
    number: n.number,
    year: n.year,
    sequence: n.sequence,
    issuedAt: n.issued_at,
    voidedAt: n.voided_at,
    voidReason: n.void_reason,
  }));
  // Added to the fresh summary rather than spread into a new literal: a spread of its ~40
  // fields followed by more builds the detail the slow way (~12 KB against ~1 KB per read).
  return Object.assign(caseFromRow(row, caseMediatorIds(db, caseId), today), {
    parties,
    participants: participantRowsOf(db, caseId).map(participantFromRow),
    sessions: sessionRowsOf(db, caseId).map(sessionFromRow),
    investigations: investigationRowsOf(db, caseId).map(investigationFromRow),
    referrals: (
      statement(db, 'SELECT * FROM referral WHERE case_id = ? ORDER BY id').all(
        caseId,
      ) as ReferralRow[]
    ).map(referralFromRow),
    timeline,
    numbers,
    registrarName: registrarNameOf(db, row.registrar_account_id),
    // Settlements come from the agreement screens, not from a bare action button.
    allowedActions: allowedActions(row.status).filter((a) => !isAgreementDrivenAction(a)),
  });
}

/** The registering account's name as the case page shows it (登记人); null when none is tied. */
function registrarNameOf(db: Db, accountId: number | null): string | null {
  if (accountId === null) return null;
  const name = statement(db, 'SELECT display_name FROM desk_account WHERE id = ?')
    .pluck()
    .get(accountId) as string | undefined;
  return name ?? null;
}

/** One party of a case with its representatives, as the history compares it. */
export function getPartyView(db: Db, caseId: number, partyId: number) {
  const row = statement(db, 'SELECT * FROM party WHERE id = ? AND case_id = ?').get(
    partyId,
    caseId,
  ) as PartyRow | undefined;
  if (!row) return undefined;
  const reps = (
    statement(db, 'SELECT * FROM party_representative WHERE party_id = ? ORDER BY sort, id').all(
      partyId,
    ) as RepresentativeRow[]
  ).map(representativeFromRow);
  return partyFromRow(row, reps);
}

/**
 * Where a party is named by id outside its own rows: session attendance and agreements. Such a
 * party cannot be removed without rewriting records people signed; it is corrected instead.
 */
export function partyReferenceCount(db: Db, caseId: number, partyId: number): number {
  const sessions = statement(
    db,
    `SELECT count(*) AS n FROM session_record s, json_each(s.party_ids_json) j
      WHERE s.case_id = ? AND j.value = ?`,
  ).get(caseId, partyId) as { n: number };
  const agreements = statement(
    db,
    `SELECT count(*) AS n FROM agreement a, json_each(a.content_json, '$.partyIds') j
      WHERE a.case_id = ? AND j.value = ?`,
  ).get(caseId, partyId) as { n: number };
  return sessions.n + agreements.n;
}
