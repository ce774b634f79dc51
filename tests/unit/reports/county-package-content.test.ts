import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PackageCaseRow, PackagePartyRow } from '../../../db/reports/package-query.js';
import {
  buildCountyPackage,
  type PackageSource,
} from '../../../electron/reports/county-package-writer.js';
import { PseudonymKey } from '../../../electron/reports/pseudonym-key.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The package's content, pinned: the SHA-256 of every unzipped file as the writer made them
 * before its speed work (line-by-line encoding, zlib level, key objects). A county compares
 * packages of one period by content, so the bytes inside the zip must never drift; the zip
 * itself may (another deflate level gives other compressed bytes).
 */

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const KEY_HEX = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';

function fixedKey(): PseudonymKey {
  const file = path.join(tempDir('pkey'), 'county-pseudonym.key');
  fs.writeFileSync(file, KEY_HEX, { mode: 0o600 });
  return new PseudonymKey(file);
}

/** Awkward text on purpose: four-byte characters, quotes, backslashes, U+2028, controls. */
const ODD = ['马福祥', '𠮷野家', 'say "hi"\\', 'line\u2028sep', 'tab\there', 'ᠮᠣᠩᠭᠣᠯ', ''];

function source(cases: number, rounds: boolean): PackageSource {
  const rows: PackageCaseRow[] = [];
  const parties: PackagePartyRow[] = [];
  for (let i = 1; i <= cases; i += 1) {
    const odd = ODD[i % ODD.length] ?? '';
    rows.push({
      id: i * 3,
      version: 1_770_000_000_000 + i * 977,
      case_number: i % 5 === 0 ? null : `（2026）金峰调字第${String(i).padStart(3, '0')}号${odd}`,
      intake_date: '2026-03-02',
      accepted_date: i % 7 === 0 ? null : '2026-03-03',
      category: ['NEIGHBOUR', 'MARRIAGE_FAMILY', 'CONTRACT', 'FOREST_LAND'][i % 4] ?? 'OTHER',
      subtype: i % 3 === 0 ? 'GRASSLAND' : null,
      source: i % 2 === 0 ? 'ON_APPLICATION' : 'PROACTIVE',
      status: i % 6 === 0 ? 'MEDIATING' : 'CLOSED',
      risk_level: 'LOW',
      is_difficult: i % 9 === 0 ? 1 : 0,
      outcome: i % 6 === 0 ? null : i % 4 === 0 ? 'FAILED' : 'SUCCESS_WRITTEN',
      outcome_date: i % 6 === 0 ? null : `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      persons: i % 6 === 0 ? null : 2 + (i % 3),
      amount_fen: i % 6 === 0 ? null : 12_345 * i,
      performed: i % 2,
      confirmed: i % 11 === 0 ? 1 : 0,
      prevention_flags_json:
        i % 8 === 0 ? JSON.stringify([{ code: 'PREVENT_FIGHT', persons: 3, note: odd }]) : '[]',
      in_period: 1,
      correction: i % 13 === 0 ? 1 : 0,
    });
    for (let p = 0; p < 1 + (i % 4); p += 1) {
      const natural = (i + p) % 5 !== 0;
      parties.push({
        case_id: i * 3,
        kind: natural ? 'NATURAL' : 'ORGANISATION',
        role: p === 0 ? 'APPLICANT' : 'RESPONDENT',
        name: `${odd}当事人${(i * 7 + p) % 40}`,
        phone: `1380000${String((i * 31 + p) % 10_000).padStart(4, '0')}`,
        id_number:
          natural && (i + p) % 3 !== 0
            ? `63280119800101${String(i % 1000).padStart(3, '0')}x`
            : null,
        social_credit_code:
          natural || (i + p) % 2 === 0 ? null : `91630000MA${String(i).padStart(8, '0')}`,
        gender: natural ? (p % 2 === 0 ? 'MALE' : 'FEMALE') : null,
        ethnicity: natural ? (['汉族', '藏族', '蒙古族'][p % 3] ?? null) : null,
      });
    }
  }
  return {
    room: {
      committeeName: '金峰村人民调解委员会',
      roomName: '金峰村调解室',
      organisationType: 'VILLAGE',
      divisionCode: null,
    },
    period: { key: '2026-03', start: '2026-03-01', end: '2026-03-31' },
    since: null,
    auditChainHead: `42:${'ab'.repeat(32)}`,
    appVersion: 'test',
    cases: rows,
    parties,
    rounds: rounds
      ? [2, 1].map((id) => ({
          round: {
            id,
            version: 1_770_000_000_000 + id,
            round_date: `2026-03-1${id}`,
            area: `一社${ODD[id]}`,
            households_visited: 10 * id,
            participants_json: JSON.stringify([{ role: 'MEDIATOR' }, { role: 'GRID_WORKER' }]),
          },
          issues: [
            {
              category: 'NEIGHBOUR',
              disposition: 'CASE' as const,
              case_id: 3 * id,
              prevention_code: null,
              prevention_persons: null,
            },
            {
              category: 'LAND',
              disposition: 'PREVENTED' as const,
              case_id: null,
              prevention_code: 'PREVENT_FIGHT',
              prevention_persons: 4,
            },
          ],
        }))
      : [],
  };
}

function contentHashes(zip: Uint8Array): Record<string, string> {
  const files = unzipSync(zip);
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [
      name,
      `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`,
    ]),
  );
}

describe('county package content', () => {
  it('is byte for byte what the writer made before its speed work (600 cases, rounds)', () => {
    const { zip } = buildCountyPackage(source(600, true), fixedKey());
    expect(contentHashes(zip)).toEqual({
      'cases.jsonl': '269114:f0a297632097b7b1b3c222665b7dbfc0403555e25e5cbd7d24f292121604d20f',
      'manifest.json': '1123:970fd90ee3b74f129255a561d7a53a3efc814a1c46f64fab3fb91658569bbe0a',
      'parties.jsonl': '251280:9aae28e8f5bed8607d24e66d1f7a23cff4191d2327cbb4a63d01d6021e2f1805',
      'screening.jsonl': '848:0dc2d94f280c824fea108a6070d07f0ccc8c4fe3ba9de6e5c7c51051a816408f',
    });
  });

  it('is byte for byte the same for an empty period (empty files, no lines)', () => {
    const { zip, manifest } = buildCountyPackage(source(0, false), fixedKey());
    expect(manifest.files.map((f) => [f.name, f.bytes, f.lines])).toEqual([
      ['cases.jsonl', 0, 0],
      ['parties.jsonl', 0, 0],
      ['screening.jsonl', 0, 0],
    ]);
    expect(contentHashes(zip)).toEqual({
      'cases.jsonl': `0:${EMPTY}`,
      'manifest.json': '1101:6cc2c5192eb9bccea0f6355031acbe5eb8b57e0b76530c129cb86f4f0245df1e',
      'parties.jsonl': `0:${EMPTY}`,
      'screening.jsonl': `0:${EMPTY}`,
    });
  });
});
