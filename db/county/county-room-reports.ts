import {
  packageCovers,
  roomReportingStatus,
  type RoomReporting,
} from '../../domain/statistics/room-reporting.js';
import type { Db } from '../connection.js';

/**
 * Every room the county database knows, with what it sent for [start, end] — 未上报 first, then
 * 零报告, then the rooms that reported — with its packages for
 * the period, its cases as the county table counts them (ended in the period, or open at its
 * end) and the issues its screening found. Rooms are few (a county has tens to hundreds), so
 * the package periods are compared in JavaScript with the one period parser.
 */
export function countyRoomReports(db: Db, start: string, end: string): RoomReporting[] {
  const rooms = db
    .prepare(
      `SELECT r.room_key AS roomKey, r.committee_name AS committeeName, r.room_name AS roomName,
              (SELECT count(*) FROM county_case AS c
                WHERE c.room_key = r.room_key
                  AND (c.outcome_date BETWEEN @start AND @end
                       OR (c.accepted_date <= @end
                           AND (c.outcome_date IS NULL OR c.outcome_date > @end)))) AS cases,
              (SELECT coalesce(sum(json_array_length(s.issues_json)), 0) FROM county_round AS s
                WHERE s.room_key = r.room_key AND s.round_date BETWEEN @start AND @end)
                AS issuesFound
         FROM room AS r ORDER BY r.committee_name, r.room_key`,
    )
    .all({ start, end }) as {
    roomKey: string;
    committeeName: string;
    roomName: string;
    cases: number;
    issuesFound: number;
  }[];
  const imports = db.prepare('SELECT room_key AS roomKey, period FROM county_import').all() as {
    roomKey: string;
    period: string;
  }[];
  const packages = new Map<string, number>();
  for (const i of imports) {
    if (!packageCovers(i.period, start, end)) continue;
    packages.set(i.roomKey, (packages.get(i.roomKey) ?? 0) + 1);
  }
  const order: Record<RoomReporting['status'], number> = { MISSING: 0, ZERO: 1, REPORTED: 2 };
  const byName = new Intl.Collator('zh-CN');
  // The rooms to chase first, then the 零报告, then the rest; by name (pinyin) within each.
  return rooms
    .map((r): RoomReporting => {
      const sent = packages.get(r.roomKey) ?? 0;
      return {
        committeeName: r.committeeName,
        roomName: r.roomName,
        status: roomReportingStatus(sent, r.cases, r.issuesFound),
        packages: sent,
        cases: r.cases,
        issuesFound: r.issuesFound,
      };
    })
    .sort(
      (a, b) =>
        order[a.status] - order[b.status] || byName.compare(a.committeeName, b.committeeName),
    );
}
