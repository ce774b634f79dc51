import Module, { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';

/**
 * Stand-ins for three dependencies that pdfkit and fontkit load at start although our documents
 * need one of them only in a slower form and two not at all. A fresh process spent ~65 ms CPU of
 * its first document on them (issue 7, `agreement_pdf_cold_ms`):
 * - `tiny-inflate` (JavaScript DEFLATE) inflates the Unicode property and line-break tries of
 *   fontkit and linebreak when they load; Node's zlib gives the same bytes (RFC 1951) natively.
 * - `brotli/decompress.js` (fontkit, WOFF2 only: our fonts are TTF) builds its dictionary on load;
 * - `@noble/ciphers/aes` (pdfkit, encrypted PDFs only: we never encrypt) builds its tables on load.
 * The last two become the real module on first use. Each stand-in is put into Node's module cache
 * under the file name the package itself would load, so nothing of pdfkit or fontkit changes.
 *
 * Must run before the first `require('pdfkit')` / `require('fontkit')`: the modules that import
 * them import this one first. In a bundle (app, benches) it installs itself with the bundle's
 * `require`; where there is none (ESM tests) nothing is replaced and the packages load as shipped.
 */

/** tiny-inflate's contract: raw DEFLATE `source` into `dest`; the filled part when shorter. */
export function inflateInto<T extends Uint8Array>(source: Uint8Array, dest: T): T {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? (dest.slice(0, out.length) as T) : dest;
}

function cacheModule(req: NodeJS.Require, file: string, exports: unknown): void {
  if (req.cache[file]) return; // already loaded: nothing to save
  const stand = new Module(file);
  stand.filename = file;
  stand.loaded = true;
  stand.exports = exports;
  req.cache[file] = stand;
}

/** The real module, loaded from its own file on first use (the stand-in leaves the cache). */
function onFirstUse(
  req: NodeJS.Require,
  file: string,
  load: NodeJS.Require,
): () => Record<string, unknown> {
  let real: Record<string, unknown> | undefined;
  return () => {
    if (real === undefined) {
      Reflect.deleteProperty(req.cache, file);
      real = load(file) as Record<string, unknown>;
    }
    return real;
  };
}

export interface InstalledStandIns {
  readonly inflate: readonly string[];
  readonly brotli: string;
  readonly aes: string;
}

/** Installs the stand-ins as seen from `req`; null when the packages are laid out otherwise. */
export function installDependencyStandIns(req: NodeJS.Require): InstalledStandIns | null {
  try {
    const fontkit = createRequire(req.resolve('fontkit'));
    const pdfkit = createRequire(req.resolve('pdfkit'));
    const inflate = [
      fontkit.resolve('tiny-inflate'),
      createRequire(fontkit.resolve('unicode-trie')).resolve('tiny-inflate'),
      createRequire(createRequire(pdfkit.resolve('linebreak')).resolve('unicode-trie')).resolve(
        'tiny-inflate',
      ),
    ];
    for (const file of new Set(inflate)) cacheModule(req, file, inflateInto);

    const brotli = fontkit.resolve('brotli/decompress.js');
    const realBrotli = onFirstUse(req, brotli, fontkit);
    cacheModule(req, brotli, (buffer: Uint8Array, size?: number) =>
      (realBrotli() as unknown as (b: Uint8Array, s?: number) => Uint8Array)(buffer, size),
    );

    const aes = pdfkit.resolve('@noble/ciphers/aes');
    const realAes = onFirstUse(req, aes, pdfkit);
    cacheModule(
      req,
      aes,
      new Proxy(
        {},
        {
          get: (_, key) => realAes()[key as string],
          has: (_, key) => key in realAes(),
        },
      ),
    );
    return { inflate: [...new Set(inflate)], brotli, aes };
  } catch {
    // An unknown layout: the packages load their own dependencies, only slower.
    return null;
  }
}

if (typeof require === 'function') installDependencyStandIns(require);
