import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13, the 工作台 reload: the window's first requests (renderer/src/app/boot-start.ts) are
 * in a chunk the entry evaluates before React's and antd's, so they leave before that code runs.
 * An ES module's imports are evaluated in order, each with its own imports first: the boot
 * chunk must come right after rolldown's runtime and import nothing else.
 */
const ASSETS = path.resolve('dist/renderer/assets');

const staticImports = (file: string) =>
  [
    ...fs
      .readFileSync(path.join(ASSETS, file), 'utf8')
      .matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');

const chunkOf = (file: string) => /^(.+)-[\w-]{8}\.js$/.exec(file)?.[1] ?? file;

describe('the boot chunk (built renderer)', () => {
  it('is evaluated before React and antd, and sends the first requests', () => {
    const html = fs.readFileSync(path.resolve('dist/renderer/index.html'), 'utf8');
    const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    if (!entry) throw new Error('no entry script in dist/renderer/index.html');
    const order = staticImports(entry).map(chunkOf);
    const ownCode = order.filter((name) => name !== 'rolldown-runtime');
    expect(ownCode[0]).toBe('boot');

    const boot = fs.readdirSync(ASSETS).find((f) => chunkOf(f) === 'boot');
    expect(
      staticImports(boot!)
        .map(chunkOf)
        .filter((n) => n !== 'rolldown-runtime'),
    ).toEqual([]);
    const code = fs.readFileSync(path.join(ASSETS, boot!), 'utf8');
    for (const method of ['system.status', 'accounts.session', 'dashboard.get'])
      expect(code, method).toContain(method);
  });
});
