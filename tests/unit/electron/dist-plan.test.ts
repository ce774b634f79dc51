import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The decisions of `npm run dist` (build/dist-plan.cjs), checked without network or Electron.

interface Target {
  platform: string | null;
  arch: string | null;
}
const require = createRequire(import.meta.url);
const plan = require('../../../build/dist-plan.cjs') as {
  nodeIsRecentEnough(version: string): boolean;
  preflightProblem(input: { nodeVersion: string; unreachable: string[] }): string | null;
  nativeModulePlan(input: {
    hostPlatform: string;
    hostArch: string;
    platform: string;
    arch: string;
  }): 'rebuild' | 'prebuilt-only';
  binaryTarget(bytes: Buffer): Target;
  binaryModuleAbi(bytes: Buffer): number | null;
  binaryProblem(
    bytes: Buffer,
    target: { platform: string; arch: string; abi: number },
  ): string | null;
};

/** A minimal ELF header for `machine`, with a module registration symbol for `abi`. */
function elf(machine: number, abi: number): Buffer {
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header[4] = 2; // 64-bit
  header[5] = 1; // little endian
  header.writeUInt16LE(machine, 18);
  return Buffer.concat([header, Buffer.from(`\0node_register_module_v${abi}\0`, 'latin1')]);
}

/** A minimal PE file for `machine`. */
function pe(machine: number, abi: number): Buffer {
  const file = Buffer.alloc(256);
  file.writeUInt16LE(0x5a4d, 0);
  file.writeUInt32LE(0x80, 0x3c);
  file.writeUInt32LE(0x00004550, 0x80);
  file.writeUInt16LE(machine, 0x84);
  return Buffer.concat([file, Buffer.from(`node_register_module_v${abi}`, 'latin1')]);
}

describe('dist preflight', () => {
  it.each([
    ['v22.12.0', true],
    ['v22.11.9', false],
    ['v20.20.2', false],
    ['v23.0.0', true],
    ['v24.1.0', true],
  ])('Node %s is recent enough: %s', (version, ok) => {
    expect(plan.nodeIsRecentEnough(version)).toBe(ok);
  });

  it('says everything that is missing in one sentence', () => {
    expect(plan.preflightProblem({ nodeVersion: 'v22.12.0', unreachable: [] })).toBeNull();
    const both = plan.preflightProblem({ nodeVersion: 'v20.20.2', unreachable: ['github.com'] });
    expect(both).toBe(
      '无法制作安装包：这台电脑还需要Node.js ≥ 22.12（当前 v20.20.2），以及联网下载 Electron 和 SQLite 模块（连不上 github.com）。',
    );
    expect(both?.match(/。/g)).toHaveLength(1);
    expect(plan.preflightProblem({ nodeVersion: 'v24.0.0', unreachable: ['github.com'] })).toMatch(
      /^无法制作安装包：.*连不上 github\.com/,
    );
  });
});

describe('native module per target', () => {
  it('compiles only for the machine’s own platform and architecture', () => {
    const host = { hostPlatform: 'linux', hostArch: 'x64' };
    expect(plan.nativeModulePlan({ ...host, platform: 'linux', arch: 'x64' })).toBe('rebuild');
    expect(plan.nativeModulePlan({ ...host, platform: 'linux', arch: 'arm64' })).toBe(
      'prebuilt-only',
    );
    expect(plan.nativeModulePlan({ ...host, platform: 'win32', arch: 'x64' })).toBe(
      'prebuilt-only',
    );
  });

  it('reads platform, architecture and module ABI from the binary', () => {
    expect(plan.binaryTarget(elf(62, 150))).toEqual({ platform: 'linux', arch: 'x64' });
    expect(plan.binaryTarget(elf(183, 150))).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(plan.binaryTarget(pe(0x8664, 150))).toEqual({ platform: 'win32', arch: 'x64' });
    expect(plan.binaryTarget(Buffer.from('not a binary'))).toEqual({ platform: null, arch: null });
    expect(plan.binaryModuleAbi(elf(62, 150))).toBe(150);
  });

  it('refuses an x86-64 binary in an arm64 package and a Node-ABI binary in any package', () => {
    const target = { platform: 'linux', arch: 'arm64', abi: 150 };
    expect(plan.binaryProblem(elf(183, 150), target)).toBeNull();
    expect(plan.binaryProblem(elf(62, 150), target)).toMatch(/linux\/x64.*linux\/arm64/);
    expect(plan.binaryProblem(elf(183, 115), target)).toMatch(/115.*150/);
  });

  it('recognises this machine’s own better-sqlite3-multiple-ciphers build as a Node build', () => {
    const local =
      require.resolve('better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
    const bytes = fs.readFileSync(local);
    const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
    expect(plan.binaryTarget(bytes)).toEqual({ platform: process.platform, arch });
    expect(plan.binaryModuleAbi(bytes)).toBe(Number(process.versions.modules));
  });
});
