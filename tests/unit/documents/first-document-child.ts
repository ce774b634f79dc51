/**
 * Child process of dependency-stand-ins.test.ts: a fresh process, bundled as the app bundles the
 * core (pdfkit and fontkit external), prints its first agreement's SHA-256 and which of the
 * replaced dependencies it loaded.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';
import { agreementData, agreementTemplate, FIXED_DATE, fonts } from './fixtures.js';
import { renderDocument } from '../../../electron/documents/render-document.js';

// The bundle's own require, as pdfkit's and fontkit's (the ESM source has none of its own).
const load = createRequire(__filename);

const loaded = () =>
  Object.keys(load.cache)
    .filter((file) => /(tiny-inflate|brotli|@noble[\\/]ciphers)[\\/]/.test(file))
    .map((file) => file.replace(/^.*node_modules[\\/]/, '').replaceAll('\\', '/'))
    .sort();

void (async () => {
  const pdf = await renderDocument(agreementTemplate(), agreementData(), {
    creationDate: FIXED_DATE,
    fonts: fonts(),
  });
  const afterFirstDocument = loaded();
  const inflate = load.cache[load.resolve('tiny-inflate')]?.exports as { name?: string };
  // The deferred ones still work when something needs them.
  const brotli = load('brotli/decompress.js') as (b: Uint8Array) => Uint8Array;
  const word = Buffer.from(brotli(brotliCompressSync(Buffer.from('调解')))).toString();
  const aes = load('@noble/ciphers/aes') as { cbc: unknown };
  process.stdout.write(
    JSON.stringify({
      sha256: createHash('sha256').update(pdf).digest('hex'),
      afterFirstDocument,
      inflate: inflate.name,
      word,
      cbc: typeof aes.cbc,
      afterUse: loaded(),
    }),
  );
})();
