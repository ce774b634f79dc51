import type { AttachmentKind, RetentionPeriod } from '../../domain/volume/volume-input.js';
import type { VolumeFacts, VolumeOutcome } from '../../domain/volume/volume-checklist.js';
import type { Db } from '../connection.js';
import { withCaseIds, type CaseIdSource } from '../case-id-table.js';
import { rawStatement, statement } from '../statement-cache.js';

/** The volume's SQL (migration 014): the facts the checklist judges, archiving, notes, files. */

const OUTCOME_OF_STATE: Readonly<Record<string, VolumeOutcome>> = {
  SETTLED_WRITTEN: 'WRITTEN',
  SETTLED_ORAL: 'ORAL',
  TERMINATED_FAILED: 'FAILED',
  TERMINATED_REFUSED: 'REFUSED',
  REFERRED: 'REFERRED',
};

/** One case's facts (the case page, archiving): the bulk reader for a single id. */
export function volumeFacts(db: Db, caseId: number): VolumeFacts {
  const facts = volumeFactsOfCases(db, [caseId]).get(caseId);
  if (facts) return facts;
  return volumeFactsOf({ accepted: false, parties: [], count: () => 0, ending: null });
}

// Every statement takes all the cases' ids at once (`withCaseIds`: a temporary table, else one
// JSON array), so a year's claim pack is a dozen statements over the case_id indexes, not a
// dozen per case. `ids` is where the statement finds them (CaseIdSource.list).
const COUNTS = {
  acceptancePrinted: (ids: string) => `SELECT case_id, count(*) AS n FROM printed_document
    WHERE case_id IN ${ids} AND kind IN ('ACCEPTANCE_REGISTER', 'APPLICATION') GROUP BY case_id`,
  rightsPrinted: (ids: string) => `SELECT case_id, count(*) AS n FROM printed_document
    WHERE case_id IN ${ids} AND kind = 'RIGHTS_NOTICE' GROUP BY case_id`,
  closedUnperformed: (ids: string) => `SELECT case_id, count(*) AS n FROM status_history
    WHERE case_id IN ${ids} AND action = 'CLOSE'
      AND json_extract(data_json, '$.unperformedReason') IS NOT NULL
      AND json_extract(data_json, '$.unperformedReason') <> '' GROUP BY case_id`,
  investigations: (ids: string) => `SELECT case_id, count(*) AS n FROM investigation_record
    WHERE case_id IN ${ids} GROUP BY case_id`,
  evidence: (ids: string) => `SELECT case_id, count(*) AS n FROM case_attachment
    WHERE case_id IN ${ids} AND kind = 'EVIDENCE' GROUP BY case_id`,
  sessions: (ids: string) => `SELECT case_id, count(*) AS n FROM session_record
    WHERE case_id IN ${ids} GROUP BY case_id`,
  agreements: (ids: string) => `SELECT case_id, count(*) AS n FROM agreement
    WHERE case_id IN ${ids}
      AND ((kind = 'WRITTEN' AND status = 'SIGNED') OR (kind = 'ORAL' AND status NOT IN ('DRAFT', 'VOID')))
    GROUP BY case_id`,
  obligations: (ids: string) => `SELECT case_id, count(*) AS n FROM followup
    WHERE case_id IN ${ids} AND origin IN ('INSTALMENT', 'OBLIGATION') GROUP BY case_id`,
  proofs: (
    ids: string,
  ) => `SELECT f.case_id, count(*) AS n FROM followup_proof p JOIN followup f ON f.id = p.followup_id
    WHERE f.case_id IN ${ids} GROUP BY f.case_id`,
  visitsDone: (ids: string) => `SELECT case_id, count(*) AS n FROM followup
    WHERE case_id IN ${ids} AND status = 'DONE' GROUP BY case_id`,
  confirmations: (ids: string) => `SELECT case_id, count(*) AS n FROM judicial_confirmation
    WHERE case_id IN ${ids} GROUP BY case_id`,
  volumeNotes: (ids: string) => `SELECT case_id, count(*) AS n FROM case_volume_note
    WHERE case_id IN ${ids} GROUP BY case_id`,
} as const;

type CountName = keyof typeof COUNTS;
const COUNT_NAMES = Object.keys(COUNTS) as CountName[];

interface RawFacts {
  readonly accepted: boolean;
  readonly parties: readonly { name: string; ids: number; poas: number; agent: number }[];
  /** The case's count of each kind (absent: none). */
  readonly count: (name: CountName) => number;
  readonly ending: string | null;
}

function volumeFactsOf(raw: RawFacts): VolumeFacts {
  const n = raw.count;
  const outcome = raw.ending ? (OUTCOME_OF_STATE[raw.ending] ?? 'OPEN') : 'OPEN';
  return {
    accepted: raw.accepted,
    acceptanceOrApplicationPrinted: n('acceptancePrinted') > 0,
    rightsNoticePrinted: n('rightsPrinted') > 0,
    parties: raw.parties.map((p) => ({ name: p.name, identityCopies: p.ids })),
    agentParties: raw.parties
      .filter((p) => p.agent === 1)
      .map((p) => ({ name: p.name, powersOfAttorney: p.poas })),
    investigations: n('investigations'),
    evidence: n('evidence'),
    sessions: n('sessions'),
    outcome,
    agreementOnFile: n('agreements') > 0,
    hasObligations: n('obligations') > 0,
    performanceProofs: n('proofs'),
    visitsDone: n('visitsDone'),
    closedUnperformed: n('closedUnperformed') > 0,
    confirmationRecorded: n('confirmations') > 0,
    volumeNotes: n('volumeNotes'),
  };
}

/**
 * The last settling or ending step of the case whose id is `caseId` (an SQL expression): it
 * decides what the volume must hold. A correlated subquery, so a caller reading other per-case
 * facts over the same ids takes it in the same pass.
 */
export function volumeEndingOf(caseId: string): string {
  return `(SELECT h.to_state FROM status_history h WHERE h.case_id = ${caseId} AND h.to_state IN
      ('SETTLED_WRITTEN', 'SETTLED_ORAL', 'TERMINATED_FAILED', 'TERMINATED_REFUSED', 'REFERRED')
     ORDER BY h.id DESC LIMIT 1)`;
}

/**
 * What a caller read already in the same transaction (the claim pack reads all of it for its own
 * use): whether the case is accepted, its parties in order, its session count, the kinds in its
 * print register and its ending. The volume facts then do not read those rows a second time.
 */
export interface KnownCase {
  readonly caseId: number;
  readonly acceptedDate: string | null;
  readonly parties: readonly { readonly partyId: number; readonly name: string }[];
  readonly sessions: number;
  readonly printedKinds: readonly string[];
  /** Its last settling or ending step (`volumeEndingOf`), null while it has none. */
  readonly ending: string | null;
}

const ACCEPTANCE_KINDS: readonly string[] = ['ACCEPTANCE_REGISTER', 'APPLICATION'];
const RIGHTS_KINDS: readonly string[] = ['RIGHTS_NOTICE'];

/** The counts the known cases answer themselves (only whether a print exists matters). */
const KNOWN_COUNTS: ReadonlySet<CountName> = new Set<CountName>([
  'sessions',
  'acceptancePrinted',
  'rightsPrinted',
]);

/** Attachments per party and the parties with an agent, read once for every case. */
interface PartyFacts {
  readonly copies: ReadonlyMap<string, number>;
  readonly agents: ReadonlySet<number>;
}

/**
 * The rows every volume is judged from, read once for all the cases: per-party attachments and
 * agents, the per-table counts (one map per kind, not one per case) and each case's ending.
 */
function readVolumeRows(
  db: Db,
  ids: CaseIdSource,
  skip: ReadonlySet<CountName>,
  endingsKnown: boolean,
) {
  // Plain reads joined here rather than per-party subqueries: a year's pack has thousands of
  // parties and very few attachments or agents, so three index passes beat three probes a party.
  const copies = new Map<string, number>();
  for (const [caseId, partyId, kind, n] of rawStatement(
    db,
    `SELECT case_id, party_id, kind, count(*) AS n FROM case_attachment
      WHERE case_id IN ${ids.list} AND kind IN ('IDENTITY_PROOF', 'POWER_OF_ATTORNEY')
        AND party_id IS NOT NULL
      GROUP BY case_id, party_id, kind`,
  ).all(ids.params) as [number, number, string, number][]) {
    copies.set(`${kind}:${caseId}:${partyId}`, n);
  }
  const agents = new Set(
    rawStatement(
      db,
      `SELECT DISTINCT r.party_id FROM party_representative r JOIN party p ON p.id = r.party_id
        WHERE p.case_id IN ${ids.list} AND r.kind = 'AGENT'`,
    )
      .all(ids.params)
      .map((r) => (r as [number])[0]),
  );
  const none: ReadonlyMap<number, number> = new Map();
  const counts = {} as Record<CountName, ReadonlyMap<number, number>>;
  for (const name of COUNT_NAMES) {
    counts[name] = skip.has(name)
      ? none
      : new Map(rawStatement(db, COUNTS[name](ids.list)).all(ids.params) as [number, number][]);
  }
  const endings = new Map<number, string>();
  if (!endingsKnown) {
    for (const [caseId, toState] of rawStatement(
      db,
      `SELECT j.value AS case_id, ${volumeEndingOf('j.value')} AS to_state FROM ${ids.rows} j`,
    ).all(ids.params) as [number, string | null][]) {
      if (toState !== null) endings.set(caseId, toState);
    }
  }
  return { party: { copies, agents } satisfies PartyFacts, counts, endings };
}

function partyFactsOf(
  f: PartyFacts,
  caseId: number,
  partyId: number,
  name: string,
): RawFacts['parties'][number] {
  const anyCopies = f.copies.size > 0;
  return {
    name,
    ids: anyCopies ? (f.copies.get(`IDENTITY_PROOF:${caseId}:${partyId}`) ?? 0) : 0,
    poas: anyCopies ? (f.copies.get(`POWER_OF_ATTORNEY:${caseId}:${partyId}`) ?? 0) : 0,
    agent: f.agents.has(partyId) ? 1 : 0,
  };
}

/**
 * The facts the volume checklist judges, for many cases at once; cases that do not exist are
 * absent.
 */
export function volumeFactsOfCases(
  db: Db,
  caseIds: readonly number[],
): ReadonlyMap<number, VolumeFacts> {
  const { cases, read, parties } = withCaseIds(db, caseIds, (ids) => {
    const rows = {
      cases: rawStatement(
        db,
        `SELECT id, accepted_date IS NOT NULL AS accepted FROM case_file WHERE id IN ${ids.list}`,
      ).all(ids.params) as [number, number][],
      read: readVolumeRows(db, ids, new Set(), false),
      parties: new Map<number, RawFacts['parties'][number][]>(),
    };
    for (const [caseId, partyId, name] of rawStatement(
      db,
      `SELECT p.case_id, p.id, p.name FROM party p WHERE p.case_id IN ${ids.list}
        ORDER BY p.case_id, p.sort, p.id`,
    ).all(ids.params) as [number, number, string][]) {
      const party = partyFactsOf(rows.read.party, caseId, partyId, name);
      const list = rows.parties.get(caseId);
      if (list) list.push(party);
      else rows.parties.set(caseId, [party]);
    }
    return rows;
  });
  const out = new Map<number, VolumeFacts>();
  for (const [id, accepted] of cases) {
    out.set(
      id,
      volumeFactsOf({
        accepted: accepted === 1,
        parties: parties.get(id) ?? [],
        count: (name) => read.counts[name].get(id) ?? 0,
        ending: read.endings.get(id) ?? null,
      }),
    );
  }
  return out;
}

/**
 * The volume facts of cases the caller has read already, each handed to `judge` as soon as it is
 * made, in the order of `known`: a year's pack judges tens of thousands of volumes, and only the
 * verdicts are kept (no map of every case's facts lives through the call). Each case's facts are
 * built straight from the maps, one object per party and none for agents when no party has one:
 * the closures and per-party records of `volumeFactsOf` cost a year's pack a scavenge or two.
 */
export function judgeKnownVolumes<T>(
  db: Db,
  known: readonly KnownCase[],
  judge: (facts: VolumeFacts, c: KnownCase) => T,
): T[] {
  const read = withCaseIds(
    db,
    known.map((c) => c.caseId),
    (ids) => readVolumeRows(db, ids, KNOWN_COUNTS, true),
  );
  const { copies, agents } = read.party;
  const { counts } = read;
  const none: never[] = [];
  const n = (name: CountName, caseId: number) => counts[name].get(caseId) ?? 0;
  return known.map((c) => {
    const id = c.caseId;
    let acceptancePrinted = false;
    let rightsPrinted = false;
    for (const kind of c.printedKinds) {
      if (ACCEPTANCE_KINDS.includes(kind)) acceptancePrinted = true;
      else if (RIGHTS_KINDS.includes(kind)) rightsPrinted = true;
    }
    const parties = c.parties.map((p) => ({
      name: p.name,
      identityCopies: copies.size > 0 ? (copies.get(`IDENTITY_PROOF:${id}:${p.partyId}`) ?? 0) : 0,
    }));
    const agentParties =
      agents.size === 0
        ? none
        : c.parties
            .filter((p) => agents.has(p.partyId))
            .map((p) => ({
              name: p.name,
              powersOfAttorney:
                copies.size > 0 ? (copies.get(`POWER_OF_ATTORNEY:${id}:${p.partyId}`) ?? 0) : 0,
            }));
    const ending = c.ending;
    const facts: VolumeFacts = {
      accepted: c.acceptedDate !== null,
      acceptanceOrApplicationPrinted: acceptancePrinted,
      rightsNoticePrinted: rightsPrinted,
      parties,
      agentParties,
      investigations: n('investigations', id),
      evidence: n('evidence', id),
      sessions: c.sessions,
      outcome: ending ? (OUTCOME_OF_STATE[ending] ?? 'OPEN') : 'OPEN',
      agreementOnFile: n('agreements', id) > 0,
      hasObligations: n('obligations', id) > 0,
      performanceProofs: n('proofs', id),
      visitsDone: n('visitsDone', id),
      closedUnperformed: n('closedUnperformed', id) > 0,
      confirmationRecorded: n('confirmations', id) > 0,
      volumeNotes: n('volumeNotes', id),
    };
    return judge(facts, c);
  });
}

export interface VolumeRow {
  case_id: number;
  volume_year: number;
  volume_seq: number;
  volume_no: string;
  title: string;
  retention: RetentionPeriod;
  filed_by: string;
  filed_date: string;
  remarks: string | null;
  checklist_json: string;
  created_at: string;
}

export function getVolumeRow(db: Db, caseId: number): VolumeRow | undefined {
  return statement(db, 'SELECT * FROM case_volume WHERE case_id = ?').get(caseId) as
    VolumeRow | undefined;
}

/** The next 卷号 sequence of a year (numbers only go up; a volume is never removed). */
export function nextVolumeSeq(db: Db, year: number): number {
  const r = statement(
    db,
    'SELECT coalesce(max(volume_seq), 0) + 1 AS n FROM case_volume WHERE volume_year = ?',
  ).get(year) as { n: number };
  return r.n;
}

export function insertVolume(db: Db, v: Omit<VolumeRow, 'created_at'>, now: string): void {
  statement(
    db,
    `INSERT INTO case_volume (case_id, volume_year, volume_seq, volume_no, title, retention,
       filed_by, filed_date, remarks, checklist_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.case_id,
    v.volume_year,
    v.volume_seq,
    v.volume_no,
    v.title,
    v.retention,
    v.filed_by,
    v.filed_date,
    v.remarks,
    v.checklist_json,
    now,
  );
}

export interface VolumeNoteRow {
  id: number;
  case_id: number;
  note_date: string;
  text: string;
  created_by: string;
  created_at: string;
}

export function insertVolumeNote(
  db: Db,
  n: { caseId: number; noteDate: string; text: string; createdBy: string },
  now: string,
): number {
  return Number(
    statement(
      db,
      `INSERT INTO case_volume_note (case_id, note_date, text, created_by, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(n.caseId, n.noteDate, n.text, n.createdBy, now).lastInsertRowid,
  );
}

export function volumeNotes(db: Db, caseId: number): VolumeNoteRow[] {
  return statement(db, 'SELECT * FROM case_volume_note WHERE case_id = ? ORDER BY id').all(
    caseId,
  ) as VolumeNoteRow[];
}

export interface AttachmentRow {
  id: number;
  case_id: number;
  kind: AttachmentKind;
  party_id: number | null;
  party_name: string | null;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  byte_length: number;
  sha256: string;
  created_at: string;
}

export function insertAttachment(
  db: Db,
  a: {
    caseId: number;
    kind: AttachmentKind;
    partyId: number | null;
    fileName: string;
    mediaType: string;
    bytes: Buffer;
    sha256: string;
  },
  now: string,
): number {
  return Number(
    statement(
      db,
      `INSERT INTO case_attachment (case_id, kind, party_id, file_name, media_type, byte_length,
         sha256, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.caseId,
      a.kind,
      a.partyId,
      a.fileName,
      a.mediaType,
      a.bytes.length,
      a.sha256,
      a.bytes,
      now,
    ).lastInsertRowid,
  );
}

export function attachmentsOfCase(db: Db, caseId: number): AttachmentRow[] {
  return statement(
    db,
    `SELECT a.id, a.case_id, a.kind, a.party_id, p.name AS party_name, a.file_name, a.media_type,
            a.byte_length, a.sha256, a.created_at
       FROM case_attachment a LEFT JOIN party p ON p.id = a.party_id
      WHERE a.case_id = ? ORDER BY a.kind, a.id`,
  ).all(caseId) as AttachmentRow[];
}

export function attachmentBytes(
  db: Db,
  id: number,
):
  | { case_id: number; file_name: string; media_type: string; sha256: string; bytes: Buffer }
  | undefined {
  return statement(
    db,
    'SELECT case_id, file_name, media_type, sha256, bytes FROM case_attachment WHERE id = ?',
  ).get(id) as
    | { case_id: number; file_name: string; media_type: string; sha256: string; bytes: Buffer }
    | undefined;
}

/** Every scan of the volume with its bytes, for the volume PDF (index order is decided there). */
export function attachmentFilesOfCase(
  db: Db,
  caseId: number,
): (AttachmentRow & { bytes: Buffer })[] {
  return statement(
    db,
    `SELECT a.id, a.case_id, a.kind, a.party_id, p.name AS party_name, a.file_name, a.media_type,
            a.byte_length, a.sha256, a.created_at, a.bytes
       FROM case_attachment a LEFT JOIN party p ON p.id = a.party_id
      WHERE a.case_id = ? ORDER BY a.kind, p.sort, a.id`,
  ).all(caseId) as (AttachmentRow & { bytes: Buffer })[];
}

/** Proofs of performance of a case, oldest visit first, with their bytes. */
export function proofFilesOfCase(
  db: Db,
  caseId: number,
): { file_name: string; media_type: string; sha256: string; bytes: Buffer }[] {
  return statement(
    db,
    `SELECT p.file_name, p.media_type, p.sha256, p.bytes FROM followup_proof p
       JOIN followup f ON f.id = p.followup_id
      WHERE f.case_id = ? ORDER BY f.visit_date, f.id, p.id`,
  ).all(caseId) as { file_name: string; media_type: string; sha256: string; bytes: Buffer }[];
}
