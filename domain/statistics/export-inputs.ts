import { z } from 'zod';
import { rowIdField } from '../cases/input-fields';
import { optionalSingleLine } from '../text-input';
import { periodField } from './period';

/**
 * What the identified (full) ledger export requires the user to type, word for word: the
 * export leaves the ledger with names, phones and ID numbers (§7.6), so a click is not enough.
 */
export const IDENTIFIED_EXPORT_CONFIRMATION = '我确认导出含个人信息的案件台账';

/** An output folder typed by the user: absolute, no control characters (checked again in main). */
const directory = optionalSingleLine({ label: '导出文件夹', max: 400 });

export const exportStatisticsSchema = z.strictObject({ period: periodField, directory });
export const exportLedgerSchema = z.strictObject({
  period: periodField,
  directory,
  /** null: de-identified (default). */
  identifiedConfirmation: optionalSingleLine({ label: '确认语句', max: 60 }),
});
export const exportPackageSchema = z.strictObject({
  period: periodField,
  directory,
  delta: z.boolean({ error: '请选择是否只导出变化部分' }).default(false),
});
export const openExportFolderSchema = z.strictObject({
  exportId: rowIdField('导出记录')
    .nullish()
    .transform((v) => v ?? null),
});
