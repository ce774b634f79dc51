// Decisions of `npm run dist` that can be checked without a network or an Electron binary:
// what the machine lacks, how the native SQLite module is obtained for each target, and whether
// a built better_sqlite3.node really is for that target. Used by build/dist.mjs and by the
// electron-builder afterPack hook; unit-tested in tests/unit/electron/dist-plan.test.ts.
'use strict';

const MIN_NODE = [22, 12, 0];

/** Node >= 22.12: electron 45, @electron/get 5 and @electron/rebuild 4 declare it. */
function nodeIsRecentEnough(version) {
  const parts = String(version).replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const have = parts[i] ?? 0;
    if (have !== MIN_NODE[i]) return have > MIN_NODE[i];
  }
  return true;
}

/**
 * Everything `dist` needs before it starts, said in one sentence (null: all there).
 * `unreachable` lists the hosts that did not answer.
 */
function preflightProblem({ nodeVersion, unreachable }) {
  const missing = [];
  if (!nodeIsRecentEnough(nodeVersion)) {
    missing.push(`Node.js ≥ 22.12（当前 ${nodeVersion}）`);
  }
  if (unreachable.length > 0) {
    missing.push(`联网下载 Electron 和 SQLite 模块（连不上 ${unreachable.join('、')}）`);
  }
  if (missing.length === 0) return null;
  return `无法制作安装包：这台电脑还需要${missing.join('，以及')}。`;
}

/**
 * How better-sqlite3-multiple-ciphers is obtained for a target. On the target's own platform and architecture it
 * may be compiled (with @electron/rebuild, which tries the prebuilt binary first); for any other
 * architecture only the prebuilt binary for that Electron ABI is acceptable — a source build
 * there would use the host compiler and ship a host-arch binary (the arm64 .deb that could not
 * open its ledger).
 */
function nativeModulePlan({ hostPlatform, hostArch, platform, arch }) {
  return hostPlatform === platform && hostArch === arch ? 'rebuild' : 'prebuilt-only';
}

// ELF e_machine and PE machine values (elf.h; Microsoft PE format).
const ELF_MACHINE = { x64: 62, arm64: 183 };
const PE_MACHINE = { x64: 0x8664, arm64: 0xaa64 };

/** The platform and architecture a native module binary was built for, read from its header. */
function binaryTarget(bytes) {
  const buf = Buffer.from(bytes);
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const littleEndian = buf[5] === 1;
    const machine = littleEndian ? buf.readUInt16LE(18) : buf.readUInt16BE(18);
    const arch = Object.keys(ELF_MACHINE).find((k) => ELF_MACHINE[k] === machine) ?? null;
    return { platform: 'linux', arch };
  }
  if (buf.length >= 64 && buf.readUInt16LE(0) === 0x5a4d) {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 <= buf.length && buf.readUInt32LE(pe) === 0x00004550) {
      const machine = buf.readUInt16LE(pe + 4);
      const arch = Object.keys(PE_MACHINE).find((k) => PE_MACHINE[k] === machine) ?? null;
      return { platform: 'win32', arch };
    }
  }
  return { platform: null, arch: null };
}

/** NODE_MODULE_VERSION the binary registers for (better-sqlite3-multiple-ciphers is not N-API: it must match). */
function binaryModuleAbi(bytes) {
  const match = /node_register_module_v(\d+)/.exec(Buffer.from(bytes).toString('latin1'));
  return match ? Number(match[1]) : null;
}

/** Null when the binary fits the target, else one sentence saying what is wrong. */
function binaryProblem(bytes, { platform, arch, abi }) {
  const target = binaryTarget(bytes);
  const found = binaryModuleAbi(bytes);
  if (target.platform !== platform || target.arch !== arch) {
    return `better_sqlite3.node 是为 ${target.platform ?? '未知系统'}/${target.arch ?? '未知架构'} 编译的，安装包需要 ${platform}/${arch}。`;
  }
  if (found !== abi) {
    return `better_sqlite3.node 对应的模块版本是 ${found ?? '未知'}，Electron 需要 ${abi}（仍是 Node 的版本说明没有为 Electron 重新编译）。`;
  }
  return null;
}

module.exports = {
  nodeIsRecentEnough,
  preflightProblem,
  nativeModulePlan,
  binaryTarget,
  binaryModuleAbi,
  binaryProblem,
};
