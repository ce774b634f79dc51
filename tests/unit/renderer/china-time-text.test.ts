import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaTimeText } from '../../../renderer/src/forms/date-field';

// 17:00 UTC on 30 November is 01:00 on 1 December in China: a machine set to UTC that formats
// in its own zone shows the wrong day.
const SEVENTEEN_UTC = '2026-11-30T17:00:00.000Z';

const zones = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'];
const savedZone = process.env.TZ;
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe.each(zones)('a stored instant shown on a machine set to %s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });

  it('reads as China’s wall clock, already the next day', () => {
    expect(chinaTimeText(SEVENTEEN_UTC)).toBe('2026-12-01 01:00');
    expect(chinaTimeText(Date.parse(SEVENTEEN_UTC))).toBe('2026-12-01 01:00');
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
