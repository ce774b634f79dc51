import { z } from 'zod';
import { courtExtensionSchema } from '../cases/court-inputs';
import { scanInputSchema } from '../agreements/agreement-input';
import type { RenderedDocument, ScanFile } from '../agreements/agreement-views';
import type { CaseDetail } from '../cases/case-views';
import { booleanField, rowIdField } from '../cases/input-fields';
import {
  cancelVisitSchema,
  confirmationSchema,
  extendDueSchema,
  followUpListSchema,
  followUpSettingsSchema,
  recordVisitSchema,
  scheduleVisitSchema,
  weekSchema,
} from '../followups/followup-input';
import type {
  CaseFollowUps,
  FollowUp,
  FollowUpPage,
  FollowUpProof,
  FollowUpSettings,
  Reminders,
  SavedConfirmation,
  WeekCalendar,
} from '../followups/followup-views';
import { method } from './method.js';

/** Follow-up visits, judicial confirmation and deadlines (domain §2.11, §1.2, §4.3). */
export const followupsContract = {
  'followups.list': method<FollowUpPage>()(followUpListSchema),
  /** The case page's panel: visits, confirmation windows, extensions, whether it may close. */
  'followups.ofCase': method<CaseFollowUps>()(z.strictObject({ caseId: rowIdField('案件') })),
  'followups.schedule': method<FollowUp>()(scheduleVisitSchema),
  'followups.record': method<FollowUp>()(recordVisitSchema),
  'followups.cancel': method<FollowUp>()(cancelVisitSchema),
  'followups.attachProof': method<FollowUpProof>()(
    z.strictObject({ followUpId: rowIdField('回访记录'), proof: scanInputSchema }),
  ),
  'followups.proof': method<ScanFile>()(z.strictObject({ proofId: rowIdField('履行凭证') })),
  'followups.getSettings': method<FollowUpSettings>()(z.strictObject({})),
  'followups.saveSettings': method<FollowUpSettings>()(followUpSettingsSchema),
  'confirmations.save': method<SavedConfirmation>()(confirmationSchema),
  'cases.extendDue': method<CaseDetail>()(extendDueSchema),
  /** The court's one consent to 30 more days on a case it sent (委派/委托调解). */
  'cases.extendCourtDeadline': method<CaseDetail>()(courtExtensionSchema),
  'calendar.week': method<WeekCalendar>()(weekSchema),
  /** Overdue and coming (7/3/1 days) items; the shell's desktop notification reads it too. */
  'reminders.get': method<Reminders>()(z.strictObject({})),
  /** The 回访记录 of a recorded visit, frozen in the print register. */
  'followups.printRecord': method<RenderedDocument>()(
    z.strictObject({
      followUpId: rowIdField('回访记录'),
      allowMissingGlyphs: booleanField('是否允许缺字打印').default(false),
    }),
  ),
  /** The 司法确认申请书 of a signed written agreement, frozen in the print register. */
  'confirmations.printApplication': method<RenderedDocument>()(
    z.strictObject({
      agreementId: rowIdField('调解协议'),
      allowMissingGlyphs: booleanField('是否允许缺字打印').default(false),
    }),
  ),
} as const;
