import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaNow, chinaTimeText } from '../../../renderer/src/forms/date-field';
import { periodKey } from '../../../renderer/src/pages/reports/period-key';

/** An instant given as China wall-clock time (UTC+8). */
const chinaInstant = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);

// The pickers read dates in the machine's zone; the CI machine and many test rigs are set to
// UTC, where China's 00:00–08:00 is still the day before.
const zones = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'];
const savedZone = process.env.TZ;
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe.each(zones)('China’s wall clock for the pickers on a machine set to %s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });

  it('is already the 1st of December at 00:10 China time (16:10 UTC on 30 November)', () => {
    const now = chinaNow(chinaInstant('2026-12-01', '00:10'));
    expect(now.format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 00:10');
    // the default 月报 is this month's and December is not "after today"
    expect(periodKey('MONTH', now)).toBe('2026-12');
    expect(periodKey('QUARTER', now)).toBe('2026-Q4');
    expect(now.startOf('month').isAfter(now, 'day')).toBe(false);
  });

  it('is still the 31st of December at 23:30 China time', () => {
    const now = chinaNow(chinaInstant('2026-12-31', '23:30'));
    expect(now.format('YYYY-MM-DD HH:mm')).toBe('2026-12-31 23:30');
    expect(periodKey('YEAR', now)).toBe('2026');
    expect(periodKey('HALF_YEAR', now)).toBe('2026-H2');
    expect(now.add(1, 'day').startOf('day').isAfter(now, 'day')).toBe(true);
  });

  it('turns the year at 00:10 China time on 1 January (16:10 UTC on 31 December)', () => {
    const now = chinaNow(chinaInstant('2027-01-01', '00:10'));
    expect(periodKey('YEAR', now)).toBe('2027');
    expect(periodKey('HALF_YEAR', now)).toBe('2027-H1');
  });

  it('shows a stored instant of 17:00 UTC on 30 November as 01:00 on 1 December', () => {
    expect(chinaTimeText('2026-11-30T17:00:00.000Z')).toBe('2026-12-01 01:00');
    expect(chinaTimeText(Date.parse('2026-11-30T17:00:00.000Z'))).toBe('2026-12-01 01:00');
  });
});

const RENDERER = join(__dirname, '../../../renderer/src');
const SHARED_FORMATTER = join(RENDERER, 'forms/date-field.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

// Formatting a Date in the machine's zone is the bug guarded here: ExportPanel's 导出记录 and the
// restored-draft banner once did. The unit tests render no components, so this reads the sources.
it('no renderer file formats a timestamp except through the shared China-time formatter', () => {
  const dateFormatting =
    /new Date\([^)]*\)\.toLocale\w*String|\.toLocale(Date|Time)String\(|Intl\.DateTimeFormat/;
  const offenders = sources(RENDERER).filter(
    (f) => f !== SHARED_FORMATTER && dateFormatting.test(readFileSync(f, 'utf8')),
  );
  expect(offenders).toEqual([]);
});
