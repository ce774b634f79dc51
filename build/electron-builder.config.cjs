// Installers: Windows NSIS x64; Linux .deb and AppImage for x64 and arm64 (UOS and Kylin install
// .deb). Needs internet (Electron binaries and headers) and Node >= 22.12: see README.
// Only the main-process bundle, the built renderer and the PDF fonts go in; everything the
// bundles already contain stays out, and better-sqlite3 is rebuilt for Electron's ABI.
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
  // Native code cannot be loaded from inside an asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**'],
  npmRebuild: true,
  buildDependenciesFromSource: true,
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
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    icon: 'build/resources/icon.png',
    maintainer: 'Mediation Desk <support@mediation-desk.invalid>',
    synopsis: '人民调解工作台（离线）',
    description: '人民调解委员会调解室使用的离线案件登记、调解记录与协议书工作台',
  },
  deb: {
    // Kylin and UOS ship these; listing them makes apt pull them on minimal installs.
    depends: [
      'libgtk-3-0',
      'libnss3',
      'libxss1',
      'libxtst6',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ],
  },
};
