// Installers: Windows NSIS x64; Linux .deb for x64 and arm64 (UOS and Kylin install .deb).
// Run through `npm run dist` (build/dist.mjs), which checks the machine first, packs from a
// staging copy whose better-sqlite3-multiple-ciphers already fits the target, and passes `electronVersion`.
// Only the main-process bundle, the built renderer, the PDF fonts and the templates go in.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { binaryProblem } = require('./dist-plan.cjs');

const ARCH_NAMES = { 1: 'x64', 3: 'arm64' }; // builder-util's Arch enum

/**
 * The last gate before an installer is made: the packed better_sqlite3.node must be for this
 * platform, this architecture and Electron's module ABI. Whatever path produced it (dist.mjs,
 * or electron-builder run by hand), a wrong binary stops the build instead of shipping an app
 * that cannot open its ledger.
 */
function checkNativeModule(context) {
  const arch = ARCH_NAMES[context.arch];
  const platform = context.electronPlatformName;
  const electronVersion = context.packager.config.electronVersion;
  const abi = Number(require('node-abi').getAbi(electronVersion, 'electron'));
  const resources =
    platform === 'darwin'
      ? path.join(
          context.appOutDir,
          `${context.packager.appInfo.productFilename}.app`,
          'Contents',
          'Resources',
        )
      : path.join(context.appOutDir, 'resources');
  const binary = path.join(
    resources,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3-multiple-ciphers',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!fs.existsSync(binary)) throw new Error(`安装包里没有 SQLite 模块：${binary}`);
  const problem = binaryProblem(fs.readFileSync(binary), { platform, arch, abi });
  if (problem) throw new Error(problem);
}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.mediation-desk.app',
  productName: '调解工作台',
  executableName: 'mediation-desk',
  copyright: 'Mediation Desk',
  directories: { output: 'release', buildResources: 'build/resources' },
  files: [
    'package.json',
    'dist/electron/**',
    'dist/renderer/**',
    'dist/fonts/**',
    'dist/templates/**',
    '!**/*.map',
  ],
  asar: true,
  // Native code cannot be loaded from inside an asar archive; HarfBuzz's WebAssembly module
  // (Mongolian annexes) is read by its ES-module loader from a real file path.
  asarUnpack: [
    '**/node_modules/better-sqlite3-multiple-ciphers/**',
    '**/node_modules/harfbuzzjs/**',
  ],
  // dist.mjs has already put the right better-sqlite3-multiple-ciphers binary into the staging copy (natively
  // rebuilt, or the prebuilt one for a foreign architecture). A rebuild here would compile a
  // foreign architecture with the host compiler (electron-builder's buildDependenciesFromSource
  // path) — the x86-64 binary in an arm64 .deb.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: checkNativeModule,
  // Set once, here; electron-builder flips them with its own @electron/fuses before signing.
  // Embedded asar integrity is enforced by Electron on Windows (>= 30) and macOS only; on Linux
  // the fuse is set but Electron does not check the archive (docs/tutorial/asar-integrity.md).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/resources/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // Uninstalling must never take the ledger with it: it lives in the user-data folder.
    deleteAppDataOnUninstall: false,
    installerLanguages: ['zh_CN'],
    language: '2052',
    shortcutName: '调解工作台',
  },
  // Only .deb: UOS and Kylin install .deb, and the .deb's post-install script keeps Chromium's
  // sandbox working on kernels that restrict user namespaces (SUID chrome-sandbox where needed,
  // an AppArmor profile on Ubuntu >= 24.04; app-builder-lib templates/linux/after-install.tpl).
  // An AppImage cannot do either and aborts at the sandbox check on Ubuntu >= 23.10 unless the
  // sandbox is switched off, which this app never does.
  linux: {
    target: [{ target: 'deb', arch: ['x64', 'arm64'] }],
    category: 'Office',
    icon: 'build/resources/icon.png',
    maintainer: 'Mediation Desk <support@mediation-desk.invalid>',
    synopsis: '人民调解工作台（离线）',
    description: '人民调解委员会调解室使用的离线案件登记、调解记录与协议书工作台',
  },
  // No `depends`: electron-builder's defaults for deb (FpmTarget.getDefaultDepends: libgtk-3-0,
  // libnotify4, libnss3, libxss1, libxtst6, xdg-utils, libatspi2.0-0, libuuid1, libsecret-1-0)
  // are what Electron needs; a custom list replaces them rather than adding to them.
  deb: {},
};
