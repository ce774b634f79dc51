import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipDeflated } from '../../../electron/reports/native-zip.js';

const MTIME = new Date('1980-01-01T00:00:00Z');

function sample(): [string, Uint8Array][] {
  let text = '';
  for (let i = 0; i < 3000; i += 1)
    text += `{"i":${i},"name":"马福祥${i % 17}","k":"${(i * 7919).toString(16)}"}\n`;
  return [
    ['manifest.json', strToU8('{"format":"x"}\n')],
    ['cases.jsonl', strToU8(text)],
    ['empty.jsonl', new Uint8Array(0)],
  ];
}

describe('zipDeflated (fflate container, zlib streams)', () => {
  it('reads back entry for entry with fflate, in the given order, compressed', () => {
    const files = sample();
    const zip = zipDeflated(files, MTIME);
    const out = unzipSync(zip);
    expect(Object.keys(out)).toEqual(files.map(([n]) => n));
    for (const [name, data] of files)
      expect(strFromU8(out[name] ?? new Uint8Array())).toBe(strFromU8(data));
    expect(zip.length).toBeLessThan((files[1]?.[1].length ?? 0) / 3);
  });

  it('is byte-for-byte the same for the same content (the same period exports the same package)', () => {
    expect(
      Buffer.from(zipDeflated(sample(), MTIME)).equals(Buffer.from(zipDeflated(sample(), MTIME))),
    ).toBe(true);
  });

  it('passes an independent reader’s CRC and size checks (Python zipfile)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-zip-'));
    const file = path.join(dir, 'p.zip');
    fs.writeFileSync(file, zipDeflated(sample(), MTIME));
    const report = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(z.testzip())\nfor i in z.infolist(): print(i.filename, i.file_size, i.compress_type, i.date_time[0])',
        file,
      ],
      { encoding: 'utf8' },
    );
    const lines = report.trim().split('\n');
    expect(lines[0]).toBe('None');
    expect(lines.slice(1)).toEqual(sample().map(([n, d]) => `${n} ${d.length} 8 1980`));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
