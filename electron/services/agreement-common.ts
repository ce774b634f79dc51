import type { Db } from '../../db/connection.js';
import {
  agreementFromRow,
  attachmentFromRow,
  type AgreementRow,
  type StoredSignatures,
} from '../../db/agreements/agreement-rows.js';
import {
  attachmentsOf,
  getAgreementRow,
  supersededByOf,
} from '../../db/agreements/agreement-queries.js';
import { getCaseRow, partyRowsOf } from '../../db/cases/case-reads.js';
import type {
  AgreementContent,
  OralRegisterValues,
  SignatureMode,
} from '../../domain/agreements/agreement-input.js';
import type {
  Agreement,
  AgreementSignatures,
  AgreementStatus,
} from '../../domain/agreements/agreement-views.js';
import { AGREEMENT_STATUS_LABELS } from '../../domain/agreements/agreement-views.js';
import { ApiError } from '../../domain/api/errors.js';
import { chinaToday } from '../../domain/validation/calendar-date.js';
import type { DocumentEngine } from './document-engine.js';
import type { LedgerSession } from './ledger-session.js';

export const agreementMessages = {
  notFound: '找不到该调解协议，可能已被删除或编号有误',
  conflict: '该调解协议已被他人修改并保存。请刷新后重新操作，以免覆盖他人的修改',
  caseNotFound: '找不到该案件，可能已被删除或编号有误',
  archived: '案件已立卷归档，调解协议不能再修改',
  notDraft: (status: AgreementStatus) =>
    `调解协议当前为“${AGREEMENT_STATUS_LABELS[status]}”，不能再修改内容。已签署的协议只能通过“变更协议”另行制作；未签署的可作废后重新起草`,
} as const;

/** Shared plumbing of the agreement services: the connection, the clock, row → view. */
export abstract class AgreementServiceBase {
  constructor(
    protected readonly ledger: LedgerSession,
    protected readonly engine: DocumentEngine,
  ) {}

  protected db(): Db {
    return this.ledger.db();
  }

  protected nowIso(): string {
    return this.ledger.now().toISOString();
  }

  protected today(): string {
    return chinaToday(this.ledger.now());
  }

  protected requireRow(id: number): AgreementRow {
    const row = getAgreementRow(this.db(), id);
    if (!row) throw new ApiError('NOT_FOUND', agreementMessages.notFound);
    return row;
  }

  /** The row at the version the form was loaded with, in one of `statuses`. In a transaction. */
  protected claimRow(
    id: number,
    expectedVersion: number,
    statuses: readonly AgreementStatus[],
    stateMessage: (status: AgreementStatus) => string,
  ): AgreementRow {
    const row = this.requireRow(id);
    if (row.version !== expectedVersion) throw new ApiError('CONFLICT', agreementMessages.conflict);
    if (!statuses.includes(row.status))
      throw new ApiError('INVALID_STATE', stateMessage(row.status));
    this.requireCaseEditable(row.case_id);
    return row;
  }

  protected requireCaseEditable(caseId: number) {
    const row = getCaseRow(this.db(), caseId);
    if (!row) throw new ApiError('NOT_FOUND', agreementMessages.caseNotFound);
    if (row.status === 'ARCHIVED') throw new ApiError('CASE_ARCHIVED', agreementMessages.archived);
    return row;
  }

  view(id: number): Agreement {
    return this.viewOf(this.requireRow(id));
  }

  protected viewOf(row: AgreementRow): Agreement {
    const db = this.db();
    return agreementFromRow(row, {
      attachments: attachmentsOf(db, row.id).map(attachmentFromRow),
      supersededById: supersededByOf(db, row.id),
      signatures: this.signaturesOf(row),
    });
  }

  private signaturesOf(row: AgreementRow): AgreementSignatures {
    const stored = JSON.parse(row.signatures_json) as StoredSignatures;
    const content = JSON.parse(row.content_json) as AgreementContent | OralRegisterValues;
    const names = new Map(partyRowsOf(this.db(), row.case_id).map((p) => [p.id, p.name]));
    return {
      parties: content.partyIds.map((partyId) => {
        const slot = stored.parties?.find((p) => p.partyId === partyId);
        return {
          partyId,
          name: names.get(partyId) ?? '',
          date: slot?.date ?? null,
          mode: (slot?.mode ?? null) as SignatureMode | null,
        };
      }),
      mediatorDate: stored.mediatorDate ?? null,
      recorderDate: stored.recorderDate ?? null,
      sealDate: stored.sealDate ?? null,
    };
  }

  protected contentOf(row: AgreementRow): AgreementContent {
    return JSON.parse(row.content_json) as AgreementContent;
  }
}
