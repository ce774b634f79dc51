import { z } from 'zod';
import { optionalSingleLine, singleLine } from '../text-input';
import { periodField } from './period';

/** A package is a few hundred kB per room and month; 20 MB leaves room for a county's year. */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;
const MAX_PACKAGE_BASE64 = Math.ceil(MAX_PACKAGE_BYTES / 3) * 4;

/** 县级汇总 in the app: the packages the clerk picked, as base64 (the renderer has no files). */
export const countyImportSchema = z.strictObject({
  packages: z
    .array(
      z.strictObject({
        fileName: singleLine({ label: '文件名', min: 1, max: 200 }),
        dataBase64: z
          .string({ error: '文件内容必须是 base64 文字' })
          .min(1, { error: '文件是空的' })
          .max(MAX_PACKAGE_BASE64 + 4, { error: '文件太大：数据包最大 20 MB' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容不是有效的 base64 编码' }),
      }),
    )
    .min(1, { error: '请选择要导入的数据包' })
    .max(300, { error: '一次最多导入 300 个数据包' }),
});

export const countyReportSchema = z.strictObject({ period: periodField });
export const countyExportSchema = z.strictObject({
  period: periodField,
  directory: optionalSingleLine({ label: '导出文件夹', max: 400 }),
});
