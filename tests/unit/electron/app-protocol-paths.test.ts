import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../electron/main/app-protocol-paths';

const root = path.resolve('/srv/app/renderer');

describe('app:// path guard', () => {
  it('serves index.html for the root and files under the renderer folder', () => {
    expect(resolveAppRequest(root, 'app://main/')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'index.html'),
      isIndex: true,
    });
    expect(resolveAppRequest(root, 'app://main/assets/index-abc.js')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets/index-abc.js'),
      isIndex: false,
    });
    expect(resolveAppRequest(root, 'app://main/assets/%E5%AD%97.woff2')).toMatchObject({
      kind: 'file',
      filePath: path.join(root, 'assets/字.woff2'),
    });
  });

  it.each([
    ['dot-dot', 'app://main/../secret.txt'],
    ['dot-dot inside', 'app://main/assets/../../secret.txt'],
    ['encoded dot-dot', 'app://main/%2e%2e/secret.txt'],
    ['encoded dot-dot and slash', 'app://main/assets%2f%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['double-encoded stays literal but cannot escape', 'app://main/%252e%252e/x'],
    ['absolute path', 'app://main//etc/passwd'],
    ['encoded absolute path', 'app://main/%2Fetc%2Fpasswd'],
    ['windows drive', 'app://main/C:/Windows/win.ini'],
    ['backslash', 'app://main/..%5c..%5csecret.txt'],
    ['sibling prefix folder', 'app://main/../renderer-evil/index.html'],
    ['NUL byte', 'app://main/index.html%00.js'],
    ['bad percent escape', 'app://main/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://main.evil/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_label, url) => {
    const result = resolveAppRequest(root, url);
    if (result.kind === 'file') {
      // Only a path that stays strictly inside the root may pass (the double-encoded case).
      expect(result.filePath.startsWith(root + path.sep)).toBe(true);
      expect(result.filePath).not.toContain('..');
    } else {
      expect(result.kind).toBe('forbidden');
    }
  });

  it('never resolves outside the renderer folder for any path', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('..', '.', '%2e%2e', '%2f', 'a', '%5c', '', '%00', 'renderer-x', '~'),
          {
            maxLength: 8,
          },
        ),
        (segments) => {
          const result = resolveAppRequest(root, `app://main/${segments.join('/')}`);
          if (result.kind === 'file') {
            const rel = path.relative(root, result.filePath);
            expect(rel.startsWith('..') || path.isAbsolute(rel)).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
