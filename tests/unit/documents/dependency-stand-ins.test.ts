import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { inflateInto } from '../../../electron/documents/dependency-stand-ins.js';
import { renderDocument } from '../../../electron/documents/render-document.js';
import { agreementData, agreementTemplate, FIXED_DATE, fonts, REPO } from './fixtures.js';

const requireHere = createRequire(import.meta.url);
/** Byte comparison (toEqual walks a 100 kB array element by element). */
const same = (a: Uint8Array, b: Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.length).equals(
    Buffer.from(b.buffer, b.byteOffset, b.length),
  );
const tinyInflate = requireHere('tiny-inflate') as <T extends Uint8Array>(s: Uint8Array, d: T) => T;

/** The compressed tries that fontkit (unicode-properties) and pdfkit (linebreak) inflate on load. */
function shippedTries(): Uint8Array[] {
  const fontkit = createRequire(requireHere.resolve('fontkit'));
  const linebreak = createRequire(
    createRequire(requireHere.resolve('pdfkit')).resolve('linebreak'),
  );
  return [fontkit.resolve('unicode-properties'), linebreak.resolve('linebreak')].map((file) => {
    const m = /toByteArray\("([A-Za-z0-9+/=]+)"\)/.exec(fs.readFileSync(file, 'utf8'));
    if (!m?.[1]) throw new Error(`no trie in ${file}`);
    return new Uint8Array(Buffer.from(m[1], 'base64'));
  });
}

describe('the zlib stand-in for tiny-inflate', () => {
  it('inflates the shipped Unicode tries to the same bytes (both passes, as unicode-trie does)', () => {
    const tries = shippedTries();
    expect(tries).toHaveLength(2);
    for (const trie of tries) {
      const size = new DataView(trie.buffer).getUint32(8, true);
      const packed = trie.subarray(12);
      const once = tinyInflate(packed, new Uint8Array(size));
      expect(once.length).toBeLessThan(size); // the first pass fills only part of dest
      expect(same(inflateInto(packed, new Uint8Array(size)), once)).toBe(true);
      const twice = tinyInflate(once, new Uint8Array(size));
      const ours = inflateInto(once, new Uint8Array(size));
      expect(ours.length).toBe(twice.length);
      expect(same(ours, twice)).toBe(true);
      expect(ours.buffer.byteLength).toBe(size); // unicode-trie reads it as a Uint32Array
    }
  });

  it('keeps the type of dest and cuts what does not fit, as tiny-inflate does', () => {
    const text = Buffer.from('人民调解委员会'.repeat(50));
    const packed = deflateRawSync(text);
    const exact = inflateInto(packed, Buffer.alloc(text.length));
    expect(Buffer.isBuffer(exact)).toBe(true);
    expect(exact.equals(text)).toBe(true);
    expect(inflateInto(packed, new Uint8Array(10))).toEqual(
      tinyInflate(packed, new Uint8Array(10)),
    );
  });
});

describe('a fresh process with the stand-ins (bundled as the core is)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stand-ins-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the same agreement bytes without loading brotli, AES or tiny-inflate', async () => {
    const script = path.join(dir, 'first-document.cjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'first-document-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: script,
      external: ['pdfkit', 'fontkit', 'harfbuzzjs', 'brotli', '@noble/ciphers', 'tiny-inflate'],
      define: { 'import.meta.dirname': JSON.stringify(import.meta.dirname) },
      logLevel: 'silent',
    });
    const child = JSON.parse(
      execFileSync(process.execPath, [script], {
        cwd: REPO,
        env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') },
        encoding: 'utf8',
      }),
    ) as Record<string, unknown>;
    const here = await renderDocument(agreementTemplate(), agreementData(), {
      creationDate: FIXED_DATE,
      fonts: fonts(),
    });
    expect(child.sha256).toBe(createHash('sha256').update(here).digest('hex'));
    // Only the stand-ins' own cache entries: none of the real modules' files.
    expect(child.afterFirstDocument).toEqual([
      '@noble/ciphers/aes.js',
      'brotli/decompress.js',
      'tiny-inflate/index.js',
    ]);
    expect(child.inflate).toBe('inflateInto');
    // Used once, brotli and AES load for real.
    expect(child.word).toBe('调解');
    expect(child.cbc).toBe('function');
    expect(child.afterUse).toEqual(
      expect.arrayContaining(['brotli/dec/decode.js', '@noble/ciphers/_polyval.js']),
    );
  }, 60_000);
});
