import { z } from 'zod';
import { transitionInputSchema } from '../case-transition-inputs';
import { caseChangesSchema, caseIntakeSchema } from '../cases/case-input';
import type {
  CaseDetail,
  CasePageDetail,
  CaseSettings,
  CodeTableView,
  Dashboard,
  DuplicateMatch,
  LedgerPage,
  SavedCase,
} from '../cases/case-views';
import { expectedVersionField, rowIdField } from '../cases/input-fields';
import {
  caseSettingsInputSchema,
  codeTablesQuerySchema,
  dashboardQuerySchema,
  duplicateProbeSchema,
  ledgerQuerySchema,
} from '../cases/ledger-inputs';
import type { ChangeSetView } from '../cases/change-history';
import { partyInputSchema } from '../cases/party-input';
import { multiLine, optionalMultiLine, singleLine } from '../text-input';
import {
  investigationInputSchema,
  invitedParticipantSchema,
  referralFeedbackSchema,
  sessionInputSchema,
  voidReasonSchema,
} from '../cases/record-inputs';
import { method } from './method.js';

const caseId = rowIdField('案件');
/** Why a saved record was corrected; required by the service for identity fields. */
const reason = optionalMultiLine({ label: '更正原因', max: 500 }).optional();

/**
 * The case ledger (案件台账): intake, parties, records, lifecycle, search and the dashboard.
 * Every write that edits an existing row takes `expectedVersion` (the `version` the form was
 * loaded with) and fails with CONFLICT when someone else saved first.
 */
export const casesContract = {
  /** Intake (登记) with all parties; warnings (§6.9) come back beside the saved case. */
  'cases.create': method<SavedCase>()(caseIntakeSchema),
  'cases.get': method<CasePageDetail>()(z.strictObject({ caseId })),
  'cases.update': method<CaseDetail>()(
    z.strictObject({
      caseId,
      expectedVersion: expectedVersionField,
      changes: caseChangesSchema,
      reason,
    }),
  ),
  /** Field-level change history (who, when, why, old → new), newest first; ID numbers masked. */
  'cases.history': method<readonly ChangeSetView[]>()(z.strictObject({ caseId })),
  /** Applies one lifecycle action; ACCEPT assigns the case number in the same transaction. */
  'cases.transition': method<CaseDetail>()(
    z.strictObject({ caseId, expectedVersion: expectedVersionField, input: transitionInputSchema }),
  ),
  /** Voids the case's current number (kept with the reason); `reissue` gives it the next one. */
  'cases.voidNumber': method<CaseDetail>()(
    z.strictObject({
      caseId,
      expectedVersion: expectedVersionField,
      reason: voidReasonSchema,
      reissue: z.boolean({ error: '请选择是否重新编号' }),
    }),
  ),
  'cases.search': method<LedgerPage>()(ledgerQuerySchema),
  /** Open cases where a party has the same ID number, or the same name and phone. */
  'cases.findDuplicateParties': method<readonly DuplicateMatch[]>()(duplicateProbeSchema),

  /** expectedVersion is the case's version: adding a party changes the case. */
  'parties.add': method<SavedCase>()(
    z.strictObject({
      caseId,
      expectedVersion: expectedVersionField,
      party: partyInputSchema,
      reason,
    }),
  ),
  /** expectedVersion is the party's version. */
  'parties.update': method<SavedCase>()(
    z.strictObject({
      caseId,
      partyId: rowIdField('当事人'),
      expectedVersion: expectedVersionField,
      party: partyInputSchema,
      reason,
    }),
  ),
  /** expectedVersion is the case's version; refused once a record or agreement names the party. */
  'parties.remove': method<CaseDetail>()(
    z.strictObject({
      caseId,
      partyId: rowIdField('当事人'),
      expectedVersion: expectedVersionField,
      reason: multiLine({ label: '删除原因', min: 2, max: 500 }),
    }),
  ),
  /**
   * The whole document number of one party, which screens show masked; writes an audit entry
   * with the reason (who looked at whose number, when and why).
   */
  'parties.revealIdNumber': method<{ readonly number: string }>()(
    z.strictObject({
      caseId,
      partyId: rowIdField('当事人'),
      reason: singleLine({ label: '查看原因', min: 2, max: 100 }),
    }),
  ),
  'participants.add': method<CaseDetail>()(
    z.strictObject({ caseId, participant: invitedParticipantSchema }),
  ),
  'sessions.add': method<CaseDetail>()(z.strictObject({ caseId, session: sessionInputSchema })),
  'sessions.update': method<CaseDetail>()(
    z.strictObject({
      caseId,
      sessionId: rowIdField('调解记录'),
      expectedVersion: expectedVersionField,
      session: sessionInputSchema,
    }),
  ),
  'investigations.add': method<CaseDetail>()(
    z.strictObject({ caseId, investigation: investigationInputSchema }),
  ),
  'investigations.update': method<CaseDetail>()(
    z.strictObject({
      caseId,
      investigationId: rowIdField('调查记录'),
      expectedVersion: expectedVersionField,
      investigation: investigationInputSchema,
    }),
  ),
  'referrals.feedback': method<CaseDetail>()(
    z.strictObject({
      caseId,
      referralId: rowIdField('移交记录'),
      expectedVersion: expectedVersionField,
      feedback: referralFeedbackSchema,
    }),
  ),

  'dashboard.get': method<Dashboard>()(dashboardQuerySchema),
  /** Code tables as stored in the ledger, for pickers (ethnic extensions included). */
  'codeTables.get': method<readonly CodeTableView[]>()(codeTablesQuerySchema),
  'caseSettings.get': method<CaseSettings>()(z.strictObject({})),
  'caseSettings.save': method<CaseSettings>()(caseSettingsInputSchema),
} as const;
