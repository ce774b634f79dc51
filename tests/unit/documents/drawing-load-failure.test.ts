// The document engine imports its drawing half (pdfkit) on the first print. When that import
// fails (a damaged installation), every print says the same Chinese sentence: the failure is
// kept, not retried into a half-loaded module.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../domain/api/errors.js';
import type { DocumentData } from '../../../electron/documents/document-data.js';
import { DocumentEngine } from '../../../electron/services/document-engine.js';

const REPO = path.resolve(import.meta.dirname, '../../..');

vi.mock('pdfkit', () => {
  throw new Error('pdfkit missing from this installation');
});

describe('document engine: the PDF renderer fails to load', () => {
  it('refuses every print with the same sentence and code', async () => {
    const engine = new DocumentEngine({
      fontsDir: path.join(REPO, 'build', 'fonts'),
      templatesDir: path.join(REPO, 'templates'),
    });
    const data = { fields: {}, lists: {} } as unknown as DocumentData;
    const options = { creationDate: new Date(Date.UTC(2026, 2, 10)), allowMissingGlyphs: false };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (let i = 0; i < 2; i += 1) {
      const error: unknown = await engine.render('AGREEMENT', data, options).catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('INTERNAL');
      expect((error as ApiError).message).toBe(
        '文书组件无法加载，无法生成文书。请重新安装调解工作台',
      );
    }
  });
});
