import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { renderDocument } from '../../../electron/documents/render-document.js';
import { agreementData, agreementTemplate, fonts, FIXED_DATE } from './fixtures.js';
it('smoke', async () => {
  const pdf = await renderDocument(agreementTemplate(), agreementData(), { creationDate: FIXED_DATE, fonts: fonts() });
  writeFileSync('/tmp/pdfout/a.pdf', pdf);
});
