import { z } from 'zod';
import { parseIsoDate } from '../validation/calendar-date';

/**
 * Small field builders shared by the case-ledger inputs. Every message names the field, so a
 * form that forgets to send one still shows the mediator what is missing.
 */

const isMissing = (input: unknown) => input === undefined || input === null;

export function isoDateField(label: string) {
  return z
    .string({ error: (iss) => (isMissing(iss.input) ? `请填写${label}` : `${label}格式不正确`) })
    .max(10, { error: `${label}不是有效日期（格式为 YYYY-MM-DD）` })
    .refine((s) => parseIsoDate(s) !== null, {
      error: `${label}不是有效日期（格式为 YYYY-MM-DD）`,
    });
}

export function optionalIsoDateField(label: string) {
  return z
    .string({ error: `${label}格式不正确` })
    .max(10, { error: `${label}不是有效日期（格式为 YYYY-MM-DD）` })
    .nullish()
    .transform((s, ctx) => {
      if (s === null || s === undefined || s === '') return null;
      if (parseIsoDate(s) === null) {
        ctx.addIssue({ code: 'custom', message: `${label}不是有效日期（格式为 YYYY-MM-DD）` });
        return z.NEVER;
      }
      return s;
    });
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Civil date and time in China, `YYYY-MM-DDTHH:mm`, no zone: sessions happen on a wall clock,
 * and a zone suffix would only invite the machine's own zone to shift them.
 */
export function localDateTimeField(label: string) {
  return z
    .string({ error: (iss) => (isMissing(iss.input) ? `请填写${label}` : `${label}格式不正确`) })
    .max(16, { error: `${label}格式不正确（应为 YYYY-MM-DDTHH:mm）` })
    .refine(
      (s) => {
        const m = LOCAL_DATE_TIME.exec(s);
        return m !== null && parseIsoDate(m[1] ?? '') !== null;
      },
      { error: `${label}格式不正确（应为 YYYY-MM-DDTHH:mm）` },
    );
}

export function rowIdField(label: string) {
  return z
    .number({ error: (iss) => (isMissing(iss.input) ? `请选择${label}` : `${label}编号无效`) })
    .int({ error: `${label}编号无效` })
    .min(1, { error: `${label}编号无效` })
    .max(2 ** 53 - 1, { error: `${label}编号无效` });
}

/** The version the form was loaded with; a mismatch on save means someone else saved first. */
export const expectedVersionField = z
  .number({ error: '版本号无效' })
  .int({ error: '版本号无效' })
  .min(0, { error: '版本号无效' })
  .max(2 ** 31, { error: '版本号无效' });

export const booleanField = (label: string) => z.boolean({ error: `${label}必须选择是或否` });

/** Money as integer fen (分): floating yuan would round 0.1 + 0.2 into a wrong agreement. */
export const optionalFenField = (label: string) =>
  z
    .number({ error: `${label}必须是数字（单位：分）` })
    .int({ error: `${label}必须以分为单位的整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(1_000_000_000_000, { error: `${label}过大` })
    .nullish()
    .transform((v) => v ?? null);

export function uniqueList<T extends z.ZodType>(item: T, label: string, max: number) {
  return z
    .array(item, { error: `${label}格式不正确` })
    .max(max, { error: `${label}最多 ${max} 项` })
    .refine((list) => new Set(list).size === list.length, { error: `${label}有重复` });
}
