import { z } from 'zod';
import { OUTCOMES } from './counting-rules';

/**
 * The package a room sends to the county (issue 10): a zip with one JSON Lines file per entity
 * and `manifest.json`. Parties appear only under keyed-HMAC pseudonyms (the key never leaves
 * the room), cases carry exactly what the county's statistics need. Both sides validate
 * against these schemas; a package of a newer schema is refused, not guessed at.
 */
export const COUNTY_PACKAGE_FORMAT = 'mediation-desk-county-package';
/** 2: cases carry `correction` (更正); a version-1 package reads as having none. */
export const COUNTY_PACKAGE_SCHEMA_VERSION = 2;
export const PACKAGE_FILES = ['cases.jsonl', 'parties.jsonl', 'screening.jsonl'] as const;
export type PackageFileName = (typeof PACKAGE_FILES)[number];

const key = z.string().regex(/^[0-9a-f]{32}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/)
  .max(40);

export const packageCaseSchema = z.strictObject({
  caseKey: key,
  version: z.number().int().nonnegative(),
  caseNumber: z.string().max(80).nullable(),
  intakeDate: date,
  acceptedDate: date.nullable(),
  category: code,
  subtype: code.nullable(),
  source: code,
  status: code,
  riskLevel: code,
  difficult: z.boolean(),
  outcome: z.enum(OUTCOMES).exclude(['OPEN']).nullable(),
  outcomeDate: date.nullable(),
  persons: z.number().int().nonnegative(),
  amountFen: z.number().int().nonnegative(),
  performed: z.boolean(),
  confirmed: z.boolean(),
  /** Counted by an earlier report of this room at an older version (更正, rule 9). */
  correction: z.boolean().default(false),
  prevention: z.array(z.strictObject({ code, persons: z.number().int().positive() })),
});
export type PackageCase = z.output<typeof packageCaseSchema>;

export const packagePartySchema = z.strictObject({
  partyKey: key,
  caseKey: key,
  kind: code,
  role: code,
  gender: code.nullable(),
  ethnicity: z.string().max(10).nullable(),
});
export type PackageParty = z.output<typeof packagePartySchema>;

export const packageScreeningSchema = z.strictObject({
  roundKey: key,
  version: z.number().int().nonnegative(),
  roundDate: date,
  area: z.string().max(60),
  householdsVisited: z.number().int().nonnegative(),
  participantRoles: z.array(code).max(30),
  issues: z
    .array(
      z.strictObject({
        category: code,
        disposition: z.enum(['OPEN', 'CASE', 'PREVENTED']),
        caseKey: key.nullable(),
        prevention: z.strictObject({ code, persons: z.number().int().positive() }).nullable(),
      }),
    )
    .max(100),
});
export type PackageScreening = z.output<typeof packageScreeningSchema>;

export const packageManifestSchema = z.strictObject({
  format: z.literal(COUNTY_PACKAGE_FORMAT),
  schemaVersion: z.number().int().min(1),
  room: z.strictObject({
    roomKey: z.string().regex(/^[0-9a-f]{16}$/),
    committeeName: z.string().max(60),
    roomName: z.string().max(60),
    organisationType: code,
    divisionCode: z.string().max(12).nullable(),
  }),
  period: z.strictObject({ key: z.string().max(10), start: date, end: date }),
  kind: z.enum(['FULL', 'DELTA']),
  /** DELTA: only what changed after this instant (the previous package of this ledger). */
  since: z.string().max(40).nullable(),
  appVersion: z.string().max(40),
  counts: z.strictObject({
    cases: z.number().int().nonnegative(),
    parties: z.number().int().nonnegative(),
    screeningRounds: z.number().int().nonnegative(),
  }),
  files: z
    .array(
      z.strictObject({
        name: z.enum(PACKAGE_FILES),
        bytes: z.number().int().nonnegative(),
        lines: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .length(PACKAGE_FILES.length),
  /** Head of the ledger's audit chain; null until the audit log exists (trust issue). */
  auditChainHead: z.string().max(128).nullable(),
});
export type PackageManifest = z.output<typeof packageManifestSchema>;
