import { parsePeriod } from './period';

/**
 * Which rooms reported for a period, as the county sees it (issue 15: county-level 零报告).
 * A room that sent a package for the period and had nothing mediated, open, referred or found
 * by screening sent a 零报告; one that sent nothing for the period is 未上报 — the county must
 * chase it, and must not count it as a room with no disputes.
 */
export type RoomReportingStatus = 'REPORTED' | 'ZERO' | 'MISSING';

export const ROOM_REPORTING_LABELS: Readonly<Record<RoomReportingStatus, string>> = {
  REPORTED: '已上报',
  ZERO: '零报告',
  MISSING: '未上报',
};

export interface RoomReporting {
  readonly committeeName: string;
  readonly roomName: string;
  readonly status: RoomReportingStatus;
  /** Packages of this room whose period overlaps the one asked for. */
  readonly packages: number;
  /** Cases ended in the period or still open at its end, as the county table counts them. */
  readonly cases: number;
  /** Issues found by screening in the period. */
  readonly issuesFound: number;
}

/** Whether a package's period (its key, as the manifest gave it) overlaps [start, end]. */
export function packageCovers(packagePeriod: string, start: string, end: string): boolean {
  const p = parsePeriod(packagePeriod);
  return p !== null && p.start <= end && p.end >= start;
}

export function roomReportingStatus(
  packages: number,
  cases: number,
  issuesFound: number,
): RoomReportingStatus {
  if (packages === 0) return 'MISSING';
  return cases === 0 && issuesFound === 0 ? 'ZERO' : 'REPORTED';
}

/** One line for the county table's notes: how many rooms reported, sent 零报告 or nothing. */
export function roomReportingSummary(rooms: readonly RoomReporting[]): string {
  const count = (s: RoomReportingStatus) => rooms.filter((r) => r.status === s).length;
  const names = (s: RoomReportingStatus) =>
    rooms
      .filter((r) => r.status === s)
      .map((r) => r.committeeName)
      .join('、');
  const parts = [`共 ${rooms.length} 个调解组织：已上报 ${count('REPORTED')} 个`];
  parts.push(`零报告 ${count('ZERO')} 个${count('ZERO') > 0 ? `（${names('ZERO')}）` : ''}`);
  parts.push(
    `未上报 ${count('MISSING')} 个${count('MISSING') > 0 ? `（${names('MISSING')}）` : ''}`,
  );
  return `${parts.join('，')}。`;
}
