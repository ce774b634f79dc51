import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const require = createRequire(import.meta.url);
const config = require('../../../build/electron-builder.config.cjs') as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[]; maintainer: string };
  deb: Record<string, unknown>;
  asarUnpack: string[];
  files: string[];
  nsis: { deleteAppDataOnUninstall: boolean };
  afterPack: (context: unknown) => void;
};
const pkg = require('../../../package.json') as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  homepage?: string;
  repository?: { url: string };
  author?: { name: string; email: string };
  scripts: Record<string, string>;
};

describe('installer configuration', () => {
  it('sets the security fuses once, through electron-builder', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // electron-builder carries its own @electron/fuses; a second copy of ours would be unused.
    expect(pkg.devDependencies).not.toHaveProperty('@electron/fuses');
  });

  it('builds Windows NSIS x64 and Linux .deb for x64 and arm64, no AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
  });

  it('has what the .deb needs: homepage, maintainer, and electron-builder’s default depends', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\//);
    expect(pkg.author?.email).toMatch(/@/);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    // A `depends` list replaces the defaults (libnotify4, xdg-utils…) instead of adding to them.
    expect(config.deb).not.toHaveProperty('depends');
  });

  it('never rebuilds native code inside electron-builder; npm run dist prepares it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3-multiple-ciphers/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(pkg.scripts.dist).toBe('node build/dist.mjs');
  });

  it('ships only bundles, fonts and templates; runtime dependencies are the unbundleable ones', () => {
    expect(config.files).toContain('!**/*.map');
    expect(config.files.some((f) => f.startsWith('renderer/') || f.startsWith('electron/'))).toBe(
      false,
    );
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      'better-sqlite3-multiple-ciphers',
      'fontkit',
      'harfbuzzjs',
      'pdfkit',
    ]);
  });
});

describe('the afterPack check', () => {
  function packedApp(binary: Buffer | null): string {
    const appOutDir = path.join(tempDir('pack'), 'linux-arm64-unpacked');
    const release = path.join(
      appOutDir,
      'resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release',
    );
    fs.mkdirSync(release, { recursive: true });
    if (binary) fs.writeFileSync(path.join(release, 'better_sqlite3.node'), binary);
    return appOutDir;
  }
  const context = (appOutDir: string, arch: number) => ({
    appOutDir,
    arch,
    electronPlatformName: 'linux',
    packager: { config: { electronVersion: '45.4.1' }, appInfo: { productFilename: 'x' } },
  });

  it('stops a package whose SQLite module is this machine’s Node build', () => {
    const local = fs.readFileSync(
      require.resolve('better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'),
    );
    const arch = os.arch() === 'arm64' ? 3 : 1;
    expect(() => config.afterPack(context(packedApp(local), arch))).toThrow(/Electron 需要/);
    const foreign = arch === 1 ? 3 : 1;
    expect(() => config.afterPack(context(packedApp(local), foreign))).toThrow(/编译的/);
    expect(() => config.afterPack(context(packedApp(null), arch))).toThrow(/没有 SQLite 模块/);
  });
});
