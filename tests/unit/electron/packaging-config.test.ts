import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../build/electron-builder.config.cjs') as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[] };
  asarUnpack: string[];
  files: string[];
  nsis: { deleteAppDataOnUninstall: boolean };
};
const pkg = require('../../../package.json') as { dependencies: Record<string, string> };

describe('installer configuration', () => {
  it('sets the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds Windows NSIS x64 and Linux deb + AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('unpacks the native SQLite module, rebuilds it for Electron, and keeps user data on uninstall', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('ships only bundles, fonts and templates; runtime dependencies are the unbundleable ones', () => {
    expect(config.files).toContain('!**/*.map');
    expect(config.files.some((f) => f.startsWith('renderer/') || f.startsWith('electron/'))).toBe(
      false,
    );
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['better-sqlite3', 'fontkit', 'pdfkit']);
  });
});
