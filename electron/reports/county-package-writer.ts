import { createHash } from 'node:crypto';
import { zipDeflated } from './native-zip.js';
import type {
  PackageCaseRow,
  PackagePartyRow,
  PackageRoundRow,
} from '../../db/reports/package-query.js';
import {
  COUNTY_PACKAGE_FORMAT,
  COUNTY_PACKAGE_SCHEMA_VERSION,
  type PackageCase,
  type PackageManifest,
  type PackageParty,
  type PackageScreening,
} from '../../domain/statistics/county-package.js';
import type { Flag } from '../../domain/taxonomy/prevention-flags.js';
import type { PseudonymKey } from './pseudonym-key.js';

export interface PackageSource {
  readonly room: Omit<PackageManifest['room'], 'roomKey'>;
  readonly period: PackageManifest['period'];
  readonly since: string | null;
  /** `seq:mac` of the audit chain's newest entry when the package was read; null: no chain. */
  readonly auditChainHead: string | null;
  readonly appVersion: string;
  readonly cases: readonly PackageCaseRow[];
  readonly parties: readonly PackagePartyRow[];
  readonly rounds: readonly {
    round: PackageRoundRow;
    issues: readonly {
      category: string;
      disposition: 'OPEN' | 'CASE' | 'PREVENTED';
      case_id: number | null;
      prevention_code: string | null;
      prevention_persons: number | null;
    }[];
  }[];
}

/** Same ledger, same period → the same bytes: fixed entry times, sorted lines, fixed key order. */
/**
 * Keys are lowercase hex, where code-unit order is the order `localeCompare` gave (so packages
 * stay byte-identical to earlier versions') at a fraction of the cost of ICU collation.
 */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const FIXED_MTIME = new Date('1980-01-01T00:00:00Z');

/**
 * JSON Lines straight into one buffer, line by line: the same bytes as joining every line and
 * encoding the whole, without the 8 MB string, its encoding copy and the split to count lines.
 */
function jsonl(rows: readonly object[]): Buffer {
  let out = Buffer.allocUnsafe(64 * 1024);
  let at = 0;
  for (const row of rows) {
    const line = JSON.stringify(row);
    // UTF-8 takes at most 3 bytes per UTF-16 code unit, plus the newline
    const need = at + line.length * 3 + 1;
    if (need > out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, out.length * 2));
      out.copy(bigger, 0, 0, at);
      out = bigger;
    }
    at += out.write(line, at, 'utf8');
    out[at] = 0x0a;
    at += 1;
  }
  return out.subarray(0, at);
}

function personIdentity(p: PackagePartyRow): string {
  if (p.kind !== 'NATURAL') return `org:${p.social_credit_code ?? p.name}`;
  return p.id_number ? `id:${p.id_number.toUpperCase()}` : `np:${p.name}|${p.phone}`;
}

export function buildCountyPackage(
  src: PackageSource,
  keys: PseudonymKey,
): { zip: Uint8Array; manifest: PackageManifest } {
  const caseKey = new Map(src.cases.map((c) => [c.id, keys.keyOf('case', String(c.id))]));
  const cases: PackageCase[] = src.cases
    .map((c) => ({
      caseKey: caseKey.get(c.id) ?? '',
      version: c.version,
      caseNumber: c.case_number,
      intakeDate: c.intake_date,
      acceptedDate: c.accepted_date,
      category: c.category,
      subtype: c.subtype,
      source: c.source,
      status: c.status,
      riskLevel: c.risk_level,
      difficult: c.is_difficult === 1,
      outcome: c.outcome as PackageCase['outcome'],
      outcomeDate: c.outcome_date,
      persons: c.persons ?? 0,
      amountFen: c.amount_fen ?? 0,
      performed: c.performed === 1,
      confirmed: c.confirmed === 1,
      correction: c.correction === 1,
      prevention: (JSON.parse(c.prevention_flags_json) as Flag[]).map((f) => ({
        code: f.code,
        persons: f.persons,
      })),
    }))
    .sort((a, b) => byKey(a.caseKey, b.caseKey));
  const parties: PackageParty[] = src.parties
    .map((p) => ({
      partyKey: keys.keyOf(p.kind === 'NATURAL' ? 'person' : 'organisation', personIdentity(p)),
      caseKey: caseKey.get(p.case_id) ?? '',
      kind: p.kind,
      role: p.role,
      gender: p.gender,
      ethnicity: p.ethnicity,
    }))
    .sort((a, b) => byKey(a.caseKey, b.caseKey) || byKey(a.partyKey, b.partyKey));
  const screening: PackageScreening[] = src.rounds
    .map(({ round, issues }) => ({
      roundKey: keys.keyOf('round', String(round.id)),
      version: round.version,
      roundDate: round.round_date,
      area: round.area,
      householdsVisited: round.households_visited,
      participantRoles: (JSON.parse(round.participants_json) as { role: string }[]).map(
        (p) => p.role,
      ),
      issues: issues.map((i) => ({
        category: i.category,
        disposition: i.disposition,
        caseKey: i.case_id === null ? null : keys.keyOf('case', String(i.case_id)),
        prevention:
          i.prevention_code && i.prevention_persons
            ? { code: i.prevention_code, persons: i.prevention_persons }
            : null,
      })),
    }))
    .sort((a, b) => byKey(a.roundKey, b.roundKey));

  const bytes = {
    'cases.jsonl': jsonl(cases),
    'parties.jsonl': jsonl(parties),
    'screening.jsonl': jsonl(screening),
  } as const;
  const lines: Record<keyof typeof bytes, number> = {
    'cases.jsonl': cases.length,
    'parties.jsonl': parties.length,
    'screening.jsonl': screening.length,
  };
  const manifest: PackageManifest = {
    format: COUNTY_PACKAGE_FORMAT,
    schemaVersion: COUNTY_PACKAGE_SCHEMA_VERSION,
    room: { roomKey: keys.roomKey(), ...src.room },
    period: src.period,
    kind: src.since === null ? 'FULL' : 'DELTA',
    since: src.since,
    appVersion: src.appVersion,
    counts: { cases: cases.length, parties: parties.length, screeningRounds: screening.length },
    files: (Object.keys(bytes) as (keyof typeof bytes)[]).map((name) => ({
      name,
      bytes: bytes[name].length,
      lines: lines[name],
      sha256: createHash('sha256').update(bytes[name]).digest('hex'),
    })),
    auditChainHead: src.auditChainHead,
  };
  const zip = zipDeflated(
    [
      ['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8')],
      ['cases.jsonl', bytes['cases.jsonl']],
      ['parties.jsonl', bytes['parties.jsonl']],
      ['screening.jsonl', bytes['screening.jsonl']],
    ],
    FIXED_MTIME,
  );
  return { zip, manifest };
}
