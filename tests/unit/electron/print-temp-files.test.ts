import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  PrintTempFiles,
  removeWithRetry,
  safeFileStem,
} from '../../../electron/main/print-temp-files.js';
import { tempDir } from '../support/temp-dir.js';

const busy = () => Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });

describe('removing a temp copy', () => {
  it('retries while Windows reports the file busy (spooler), then succeeds', async () => {
    const remove = vi
      .fn<(f: string) => Promise<void>>()
      .mockRejectedValueOnce(busy())
      .mockRejectedValueOnce(busy())
      .mockResolvedValueOnce(undefined);
    expect(await removeWithRetry('x.pdf', { attempts: 5, firstDelayMs: 1 }, remove)).toBe(true);
    expect(remove).toHaveBeenCalledTimes(3);
  });

  it('gives up quietly after the last attempt instead of failing the job', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const remove = vi.fn<(f: string) => Promise<void>>().mockRejectedValue(busy());
    expect(await removeWithRetry('x.pdf', { attempts: 3, firstDelayMs: 1 }, remove)).toBe(false);
    expect(remove).toHaveBeenCalledTimes(3);
  });

  it('treats a file already gone as removed and does not retry other errors', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const gone = vi
      .fn<(f: string) => Promise<void>>()
      .mockRejectedValue(Object.assign(new Error('x'), { code: 'ENOENT' }));
    expect(await removeWithRetry('x.pdf', { attempts: 3, firstDelayMs: 1 }, gone)).toBe(true);
    const io = vi
      .fn<(f: string) => Promise<void>>()
      .mockRejectedValue(Object.assign(new Error('x'), { code: 'EIO' }));
    expect(await removeWithRetry('x.pdf', { attempts: 3, firstDelayMs: 1 }, io)).toBe(false);
    expect(io).toHaveBeenCalledTimes(1);
  });
});

describe('temp copies', () => {
  it('are private files whose names no title can steer', async () => {
    const dir = path.join(tempDir('print'), 'print-temp');
    const temp = new PrintTempFiles(dir);
    const file = await temp.write(Buffer.from('%PDF'), '..\\..\\Windows\\x\u0000<>:"|?*');
    expect(path.dirname(file)).toBe(dir);
    expect(path.basename(file)).toMatch(/^Windows_x-[0-9a-f]{8}\.pdf$/);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('are swept at start, and a missing folder is fine', async () => {
    const dir = path.join(tempDir('print'), 'print-temp');
    const temp = new PrintTempFiles(dir);
    expect(await temp.sweep()).toEqual({ removed: 0, left: 0 });
    await temp.write(Buffer.from('a'), 'a');
    await temp.write(Buffer.from('b'), 'b');
    expect(await temp.sweep()).toEqual({ removed: 2, left: 0 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['', 'document'],
    ['...', 'document'],
    ['人民调解协议书_（2026）示调字第001号', '人民调解协议书_2026_示调字第001号'],
    ['a'.repeat(200), 'a'.repeat(60)],
  ])('file stem of %j is %j', (title, stem) => {
    expect(safeFileStem(title)).toBe(stem);
  });
});
