// `npm run dist [-- --win|--linux] [--x64|--arm64]`: installers for this machine's platform and
// architecture unless told otherwise (see README「制作安装包」).
//
// 1. Check the machine first (Node >= 22.12, the download hosts answer) and say what is missing
//    in one sentence.
// 2. Build, then make a staging copy (release/staging-<platform>-<arch>) with the bundles and
//    only the production dependencies, installed without scripts. The developer's node_modules
//    is never touched, so the tests keep their Node-ABI better-sqlite3-multiple-ciphers after a dist.
// 3. Put the right better-sqlite3-multiple-ciphers into the staging copy: rebuilt for Electron on its own
//    platform and architecture, or the prebuilt binary for that Electron ABI and architecture
//    for any other — never a source build for a foreign architecture (dist-plan.cjs).
// 4. electron-builder packs the staging copy; its afterPack hook checks the binary once more.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { preflightProblem, nativeModulePlan, binaryProblem } = require('./dist-plan.cjs');

const args = process.argv.slice(2);
const platform = args.includes('--win')
  ? 'win32'
  : args.includes('--linux')
    ? 'linux'
    : process.platform;
const arch = args.includes('--arm64') ? 'arm64' : args.includes('--x64') ? 'x64' : process.arch;

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

if (!['win32', 'linux'].includes(platform) || !['x64', 'arm64'].includes(arch)) {
  fail(`无法制作安装包：只支持 Windows x64 和 Linux x64/arm64，不支持 ${platform}/${arch}。`);
}
if (platform === 'win32' && arch !== 'x64') fail('无法制作安装包：Windows 只制作 x64 安装程序。');

// Where Electron and the prebuilt SQLite module come from (mirrors honoured, common in China).
function downloadHosts() {
  const electronMirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/';
  return [...new Set([new URL(electronMirror).origin, 'https://github.com'])];
}

async function reachable(origin) {
  try {
    const res = await fetch(origin, { method: 'HEAD', signal: AbortSignal.timeout(8000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

const unreachable = [];
for (const origin of downloadHosts()) {
  if (!(await reachable(origin))) unreachable.push(new URL(origin).host);
}
const problem = preflightProblem({ nodeVersion: process.version, unreachable });
if (problem) fail(problem);

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

if (!run(process.execPath, [path.join(root, 'build/build.mjs')], root))
  fail('构建失败，见上面的输出。');

const electronVersion = require('electron/package.json').version;
const abi = Number(require('node-abi').getAbi(electronVersion, 'electron'));

// --- staging copy ---------------------------------------------------------------------------
const staging = path.join(root, 'release', `staging-${platform}-${arch}`);
fs.rmSync(staging, { recursive: true, force: true });
fs.mkdirSync(staging, { recursive: true });
for (const item of ['package.json', 'package-lock.json', 'dist', 'build/resources']) {
  fs.cpSync(path.join(root, item), path.join(staging, item), { recursive: true });
}
// Production dependencies only, no install scripts: nothing is compiled for Node here.
if (!run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], staging)) {
  fail('无法制作安装包：在暂存目录安装运行依赖失败（npm ci），见上面的输出。');
}

// --- better-sqlite3-multiple-ciphers for the target ----------------------------------------------------------
const sqliteDir = path.join(staging, 'node_modules', 'better-sqlite3-multiple-ciphers');
const binary = path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
const plan = nativeModulePlan({
  hostPlatform: process.platform,
  hostArch: process.arch,
  platform,
  arch,
});
if (plan === 'rebuild') {
  // @electron/rebuild tries the prebuilt binary first and compiles against Electron's headers
  // only when there is none; both are for this machine's own platform and architecture.
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: staging,
    electronVersion,
    arch,
    force: true,
    onlyModules: ['better-sqlite3-multiple-ciphers'],
  });
} else {
  const prebuildInstall = path.join(staging, 'node_modules', 'prebuild-install', 'bin.js');
  const ok = run(
    process.execPath,
    [
      prebuildInstall,
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--platform=${platform}`,
    ],
    sqliteDir,
  );
  if (!ok) {
    fail(
      `无法制作 ${platform}/${arch} 安装包：better-sqlite3-multiple-ciphers 没有适用于 Electron ${electronVersion} 的 ${arch} 预编译文件，请在 ${arch} 的 ${platform === 'win32' ? 'Windows' : 'Linux'} 电脑上（或 CI 的对应 runner）制作，不要交叉编译。`,
    );
  }
}
if (!fs.existsSync(binary)) fail('无法制作安装包：暂存目录里没有生成 better_sqlite3.node。');
const wrong = binaryProblem(fs.readFileSync(binary), { platform, arch, abi });
if (wrong) fail(`无法制作安装包：${wrong}`);

// --- pack -----------------------------------------------------------------------------------
const { build, Platform, Arch } = require('electron-builder');
const config = require('./electron-builder.config.cjs');
const target = platform === 'win32' ? Platform.WINDOWS : Platform.LINUX;
const targetNames = platform === 'win32' ? ['nsis'] : ['deb'];
await build({
  projectDir: staging,
  targets: target.createTarget(targetNames, Arch[arch]),
  publish: 'never',
  config: {
    ...config,
    electronVersion,
    directories: { ...config.directories, output: path.join(root, 'release') },
  },
});
console.log(
  `安装包已输出到 ${path.relative(process.cwd(), path.join(root, 'release')) || 'release'}/`,
);
