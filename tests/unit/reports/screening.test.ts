import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreeningRound } from '../../../domain/screening.js';
import type { StatisticsReport } from '../../../domain/statistics/compute-report.js';
import { reportLedger, type ReportLedger } from './report-fixtures.js';

let r: ReportLedger;
beforeAll(async () => {
  r = await reportLedger();
}, 60_000);
afterAll(() => r.l.close());

const round = (issues: unknown[], over: Record<string, unknown> = {}) => ({
  roundDate: '2026-03-08',
  area: '长江源村',
  grid: '第三网格',
  participants: [
    { role: 'GRID_WORKER', name: '马建华' },
    { role: 'VILLAGE_COMMITTEE', name: '才让东主' },
    { role: 'POLICE', name: '祁警官' },
    { role: 'HERDER_REP', name: '索南' },
  ],
  householdsVisited: 42,
  note: null,
  issues,
  ...over,
});

describe('screening rounds (排查, §4.4)', () => {
  it('records a round; its issues feed the screening and prevention indicators', async () => {
    const saved = await r.l.call<ScreeningRound>('screening.save', {
      roundId: null,
      expectedVersion: 0,
      round: round([
        {
          description: '两户院墙排水沟堵塞',
          category: 'NEIGHBOUR',
          disposition: 'CASE',
          caseId: r.caseIds.oral,
        },
        {
          description: '两个牧户因网围栏要动手，当场劝开',
          category: 'FOREST_LAND',
          disposition: 'PREVENTED',
          prevention: { code: 'GROUP_FIGHT', persons: 12 },
        },
        { description: '彩礼返还有争议苗头', category: 'MARRIAGE_FAMILY', disposition: 'OPEN' },
      ]),
    });
    expect(saved.issues.map((i) => i.disposition)).toEqual(['CASE', 'PREVENTED', 'OPEN']);
    expect(saved.issues[0]?.caseNumber).toMatch(/调字第/);
    const list = await r.l.call<{ issuesFound: number }[]>('screening.list', { period: '2026-03' });
    expect(list).toMatchObject([{ issuesFound: 3, becameCases: 1, prevented: 1 }]);

    const rep = await r.l.call<StatisticsReport>('statistics.get', { period: '2026-03' });
    const v = (id: string) => rep.indicators.find((i) => i.id === id)?.value;
    expect(v('screening_sessions')).toBe(1);
    expect(v('households_visited')).toBe(42);
    expect(v('disputes_found')).toBe(3);
    expect(v('disputes_prevented')).toBe(1);
    expect(v('prevented_group_fight_cases')).toBe(1);
    expect(v('prevented_group_fight_persons')).toBe(12);
    expect(v('prevented_suicide_cases')).toBe(0);

    // editing replaces the issues; a stale version is refused
    const edited = await r.l.call<ScreeningRound>('screening.save', {
      roundId: saved.id,
      expectedVersion: saved.version,
      round: round([], { householdsVisited: 40 }),
    });
    expect(edited.issues).toEqual([]);
    const stale = await r.l.raw('screening.save', {
      roundId: saved.id,
      expectedVersion: saved.version,
      round: round([]),
    });
    expect(stale.ok ? '' : stale.error.code).toBe('CONFLICT');
  });

  it('refuses bad input and writes nothing', async () => {
    const bad = [
      round([], { roundDate: '2099-01-01' }),
      round([], { participants: [] }),
      round([], { area: '长江源村\u0000' }),
      round([{ description: 'x', category: 'NEIGHBOUR', disposition: 'CASE' }]),
      round([
        {
          description: 'x',
          category: 'NEIGHBOUR',
          disposition: 'OPEN',
          prevention: { code: 'SUICIDE', persons: 1 },
        },
      ]),
      // only a 主动调解 case can come from screening
      round([
        { description: 'x', category: 'CONTRACT', disposition: 'CASE', caseId: r.caseIds.failed },
      ]),
      round([{ description: 'x', category: 'CONTRACT', disposition: 'CASE', caseId: 999_999 }]),
    ];
    const before = await r.l.call<unknown[]>('screening.list', { period: '2026' });
    for (const b of bad) {
      const res = await r.l.raw('screening.save', { roundId: null, expectedVersion: 0, round: b });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('BAD_INPUT');
    }
    expect(await r.l.call('screening.list', { period: '2026' })).toEqual(before);
  });
});
