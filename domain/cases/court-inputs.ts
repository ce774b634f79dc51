import { z } from 'zod';
import { multiLine } from '../text-input';
import { expectedVersionField, isoDateField, rowIdField } from './input-fields';

/**
 * cases.extendCourtDeadline: the court consented to 30 more days (委派调解, domain §4.11). Once
 * per case; the date of the consent and a note (who at the court, how: by phone, by letter)
 * are kept, because the court will ask why the result came late.
 */
export const courtExtensionSchema = z.strictObject({
  caseId: rowIdField('案件'),
  expectedVersion: expectedVersionField,
  consentDate: isoDateField('法院同意延长的日期'),
  note: multiLine({ label: '法院同意情况', min: 1, max: 500 }),
});
export type CourtExtensionValues = z.output<typeof courtExtensionSchema>;
