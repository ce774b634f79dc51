import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import type { z } from 'zod';
import {
  COUNTY_PACKAGE_FORMAT,
  COUNTY_PACKAGE_SCHEMA_VERSION,
  PACKAGE_FILES,
  packageCaseSchema,
  packageManifestSchema,
  packagePartySchema,
  packageScreeningSchema,
  type PackageCase,
  type PackageManifest,
  type PackageParty,
  type PackageScreening,
} from '../../domain/statistics/county-package.js';

/** A package that passed every check: its manifest, its lines and its own SHA-256. */
export interface VerifiedPackage {
  readonly sha256: string;
  readonly fileName: string;
  readonly manifest: PackageManifest;
  readonly cases: readonly PackageCase[];
  readonly parties: readonly PackageParty[];
  readonly screening: readonly PackageScreening[];
}

export class PackageRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageRefused';
  }
}

/** A 200-room county sends packages of a few MB; anything far above is not ours. */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
const EXPECTED = new Set<string>(['manifest.json', ...PACKAGE_FILES]);

function lines<T>(text: string, schema: z.ZodType<T>, file: string): T[] {
  if (text === '') return [];
  if (!text.endsWith('\n')) throw new PackageRefused(`${file} 不完整（最后一行没有结束）`);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new PackageRefused(`${file} 第 ${i + 1} 行不是有效的 JSON`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new PackageRefused(`${file} 第 ${i + 1} 行内容不正确`);
      return parsed.data;
    });
}

/**
 * Checks a package before anything is merged: a zip with exactly the expected entries, a
 * manifest of a schema this program knows (newer → refused with a clear sentence), every file's
 * SHA-256, size and line count as the manifest says, every line valid, the counts right.
 */
export function verifyPackage(bytes: Uint8Array, fileName: string): VerifiedPackage {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (!EXPECTED.has(f.name)) throw new PackageRefused(`数据包中有多余的文件：${f.name}`);
        if (f.originalSize > MAX_ENTRY_BYTES) throw new PackageRefused(`${f.name} 过大`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackageRefused) throw error;
    throw new PackageRefused('文件不是有效的上报数据包（无法解压）');
  }
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new PackageRefused('数据包缺少 manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new PackageRefused('manifest.json 不是有效的 JSON');
  }
  const head = raw as { format?: unknown; schemaVersion?: unknown };
  if (head.format !== COUNTY_PACKAGE_FORMAT)
    throw new PackageRefused('文件不是调解工作台的上报数据包');
  if (
    typeof head.schemaVersion === 'number' &&
    head.schemaVersion > COUNTY_PACKAGE_SCHEMA_VERSION
  ) {
    throw new PackageRefused(
      `数据包格式版本为 ${head.schemaVersion}，本程序只支持到 ${COUNTY_PACKAGE_SCHEMA_VERSION}，请升级县级汇总程序后再导入`,
    );
  }
  const parsed = packageManifestSchema.safeParse(raw);
  if (!parsed.success) throw new PackageRefused('manifest.json 内容不正确');
  const manifest = parsed.data;
  const texts: Record<string, string> = {};
  for (const f of manifest.files) {
    const data = entries[f.name];
    if (!data) throw new PackageRefused(`数据包缺少 ${f.name}`);
    const hash = createHash('sha256').update(data).digest('hex');
    if (hash !== f.sha256 || data.length !== f.bytes) {
      throw new PackageRefused(`${f.name} 的校验值与清单不符，数据包可能被篡改或损坏`);
    }
    texts[f.name] = strFromU8(data);
  }
  const cases = lines(texts['cases.jsonl'] ?? '', packageCaseSchema, 'cases.jsonl');
  const parties = lines(texts['parties.jsonl'] ?? '', packagePartySchema, 'parties.jsonl');
  const screening = lines(
    texts['screening.jsonl'] ?? '',
    packageScreeningSchema,
    'screening.jsonl',
  );
  if (
    cases.length !== manifest.counts.cases ||
    parties.length !== manifest.counts.parties ||
    screening.length !== manifest.counts.screeningRounds
  ) {
    throw new PackageRefused('数据包的记录数与清单不符');
  }
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName,
    manifest,
    cases,
    parties,
    screening,
  };
}
