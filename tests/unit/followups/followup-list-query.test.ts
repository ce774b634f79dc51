import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type Db } from '../../../db/connection.js';
import { countBuckets, listFollowUpRows } from '../../../db/followups/followup-list-query.js';
import {
  cancelFollowUp,
  insertFollowUp,
  writeVisit,
} from '../../../db/followups/followup-queries.js';
import { migrate } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { FOLLOWUP_BUCKETS, type FollowUpBucket } from '../../../domain/followups/followup-input.js';
import { seedCases, seedRoom } from '../../bench/seed-cases.js';

/**
 * The 回访 list reads indexes, case sets and cached counts (db/followups/followup-list-query.ts).
 * Here every tab, filter and page is checked against the plain definition written as one naive
 * query, on a ledger with planned, done and cancelled visits; then the cache must follow every
 * change, made on this connection or on another one.
 */

const TODAY = '2026-03-10';
const WEEK_END = '2026-03-17';
let dir: string;
let db: Db;
let mediators: number[];

/** The tabs as the issue defines them, with no index, cache or case set. */
function reference(
  bucket: FollowUpBucket,
  f: { visitorId: number | null; text: string | null },
): number[] {
  const where = {
    OVERDUE: `f.status = 'SCHEDULED' AND f.due_date < @today`,
    TODAY: `f.status = 'SCHEDULED' AND f.due_date = @today`,
    WEEK: `f.status = 'SCHEDULED' AND f.due_date > @today AND f.due_date <= @weekEnd`,
    UPCOMING: `f.status = 'SCHEDULED' AND f.due_date > @weekEnd`,
    DONE: `f.status = 'DONE'`,
  }[bucket];
  const order =
    bucket === 'DONE'
      ? 'f.visit_date DESC, f.case_id DESC, f.visitor_id DESC, f.id DESC'
      : 'f.due_date, f.case_id, f.id';
  const visitor =
    f.visitorId === null
      ? ''
      : ` AND (f.visitor_id = @visitorId OR (f.visitor_id IS NULL AND EXISTS (
          SELECT 1 FROM case_mediator cm WHERE cm.case_id = f.case_id AND cm.mediator_id = @visitorId)))`;
  const text =
    f.text === null
      ? ''
      : ` AND (instr(c.title, @text) > 0 OR instr(coalesce(c.case_number, ''), @text) > 0)`;
  return (
    db
      .prepare(
        `SELECT f.id FROM followup f NOT INDEXED JOIN case_file c ON c.id = f.case_id
         WHERE ${where}${visitor}${text} ORDER BY ${order}`,
      )
      .all({
        today: TODAY,
        weekEnd: WEEK_END,
        ...(f.visitorId === null ? {} : { visitorId: f.visitorId }),
        ...(f.text === null ? {} : { text: f.text }),
      }) as { id: number }[]
  ).map((r) => r.id);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-fu-list-'));
  db = openConnection(path.join(dir, 'l.sqlite'));
  await migrate(db, { migrations: MIGRATIONS, backupDir: null, now: () => new Date() });
  mediators = seedRoom(db, ['才让', '巴特尔', '王建国']);
  seedCases(db, 400, mediators, TODAY);
  const ids = (
    db.prepare(`SELECT id FROM case_file WHERE status <> 'ARCHIVED' ORDER BY id`).all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  const now = new Date().toISOString();
  // Deterministic spread: dates from 40 days back to 20 ahead, many on the same day and case.
  for (let i = 0; i < 900; i += 1) {
    const caseId = ids[(i * 7919) % ids.length] ?? 1;
    const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) + (((i * 37) % 61) - 40) * 86_400_000);
    const id = insertFollowUp(
      db,
      {
        caseId,
        agreementId: null,
        origin: 'MANUAL',
        note: `回访${i}`,
        dueDate: day.toISOString().slice(0, 10),
      },
      now,
    );
    if (i % 5 === 0) {
      const ok = writeVisit(
        db,
        id,
        1,
        {
          visitDate: day.toISOString().slice(0, 10),
          mode: 'PHONE',
          visitedPartyIds: [],
          findings: '已履行',
          performance: 'PERFORMED',
          satisfaction: 'SATISFIED',
          risk: 'NONE',
          visitorId: mediators[i % mediators.length] ?? 1,
          nextStep: 'NONE',
          nextVisitDate: null,
          nextStepNote: null,
        },
        now,
      );
      expect(ok).toBe(true);
    } else if (i % 7 === 0) {
      expect(cancelFollowUp(db, id, 1, '撤回', now)).toBe(true);
    }
  }
}, 120_000);

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the 回访 list', () => {
  it('gives every tab, filter and page exactly what the plain definition gives', () => {
    const title = (
      db.prepare('SELECT title FROM case_file WHERE id = 17').get() as { title: string }
    ).title;
    const number = (
      db
        .prepare('SELECT case_number FROM case_file WHERE case_number IS NOT NULL LIMIT 1')
        .get() as {
        case_number: string;
      }
    ).case_number;
    const filters = [
      { visitorId: null, text: null },
      { visitorId: mediators[1] ?? 0, text: null },
      { visitorId: null, text: '金峰' },
      { visitorId: null, text: title.slice(0, 3) },
      { visitorId: null, text: number },
      { visitorId: mediators[0] ?? 0, text: '草场' },
      { visitorId: null, text: '没有这个字' },
      { visitorId: 9999, text: null },
    ];
    let nonEmpty = 0;
    for (const filter of filters) {
      const counts = countBuckets(db, filter, TODAY, WEEK_END);
      for (const bucket of FOLLOWUP_BUCKETS) {
        const expected = reference(bucket, filter);
        expect(counts[bucket], `${bucket} ${JSON.stringify(filter)}`).toBe(expected.length);
        if (expected.length > 0) nonEmpty += 1;
        for (const [offset, limit] of [
          [0, 50],
          [7, 13],
          [expected.length - 3, 50],
        ] as const) {
          const rows = listFollowUpRows(
            db,
            bucket,
            filter,
            TODAY,
            WEEK_END,
            Math.max(0, offset),
            limit,
          );
          expect(
            rows.map((r) => r.id),
            `${bucket} ${JSON.stringify(filter)} @${offset}`,
          ).toEqual(expected.slice(Math.max(0, offset), Math.max(0, offset) + limit));
          for (const r of rows) expect(r.case_title.length).toBeGreaterThan(0);
        }
      }
    }
    // The fixture must exercise the tabs, not only agree on empty ones.
    expect(nonEmpty).toBeGreaterThanOrEqual(20);
  });

  it('never serves a count or a case set from before a change, on this connection or another', () => {
    const filter = { visitorId: mediators[2] ?? 0, text: null };
    const before = countBuckets(db, filter, TODAY, WEEK_END);
    expect(countBuckets(db, filter, TODAY, WEEK_END)).toBe(before); // kept while nothing changed
    // A case the mediator does not hold gets a plan due today, then the mediator is assigned.
    const other = (
      db
        .prepare(
          `SELECT id FROM case_file WHERE status <> 'ARCHIVED' AND id NOT IN
             (SELECT case_id FROM case_mediator WHERE mediator_id = ?) LIMIT 1`,
        )
        .get(filter.visitorId) as { id: number }
    ).id;
    insertFollowUp(
      db,
      { caseId: other, agreementId: null, origin: 'MANUAL', note: '新', dueDate: TODAY },
      'now',
    );
    expect(countBuckets(db, filter, TODAY, WEEK_END).TODAY).toBe(before.TODAY);
    expect(countBuckets(db, { visitorId: null, text: null }, TODAY, WEEK_END).TODAY).toBe(
      reference('TODAY', { visitorId: null, text: null }).length,
    );
    // Another connection (another window's process) assigns the mediator and commits.
    const second = openConnection(path.join(dir, 'l.sqlite'));
    second
      .prepare('INSERT INTO case_mediator (case_id, mediator_id) VALUES (?, ?)')
      .run(other, filter.visitorId);
    second.close();
    const after = countBuckets(db, filter, TODAY, WEEK_END);
    expect(after.TODAY).toBe(before.TODAY + 1);
    expect(after.TODAY).toBe(reference('TODAY', filter).length);
    const page = listFollowUpRows(db, 'TODAY', filter, TODAY, WEEK_END, 0, 200);
    expect(page.map((r) => r.id)).toEqual(reference('TODAY', filter));
    // A title edit moves the case in or out of a text filter at once.
    const text = { visitorId: null, text: '独一无二的标题' };
    expect(countBuckets(db, text, TODAY, WEEK_END).TODAY).toBe(0);
    db.prepare('UPDATE case_file SET title = ? WHERE id = ?').run('独一无二的标题纠纷', other);
    expect(countBuckets(db, text, TODAY, WEEK_END).TODAY).toBe(1);
  });
});
