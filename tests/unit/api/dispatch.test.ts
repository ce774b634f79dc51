import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiContract } from '../../../domain/api/contract';
import { ApiError } from '../../../domain/api/errors';
import { createDispatcher } from '../../../electron/api/dispatch';
import type { ApiHandlers } from '../../../electron/api/dispatch';

function handlersWith(
  overrides: Partial<Record<string, (input: unknown) => unknown>>,
): ApiHandlers {
  const table: Record<string, (input: unknown) => unknown> = {};
  for (const name of Object.keys(apiContract)) table[name] = overrides[name] ?? (() => null);
  return table as unknown as ApiHandlers;
}

describe('API dispatcher', () => {
  it('refuses to start when a method has no handler', () => {
    expect(() => createDispatcher({} as ApiHandlers, { error: () => {} })).toThrow(/no handler/);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const dispatch = createDispatcher(handlersWith({}), { error: () => {} });
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await dispatch(name, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD' },
      });
    }
  });

  it('turns a thrown ApiError into its code and Chinese message', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'settings.get': () => {
          throw new ApiError('NOT_FOUND', '找不到该案件');
        },
      }),
      { error: () => {} },
    );
    expect(await dispatch('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '找不到该案件' },
    });
  });

  it('hides unexpected errors: INTERNAL, no stack or internal text, and logs them without input', async () => {
    const log = { error: vi.fn() };
    const dispatch = createDispatcher(
      handlersWith({
        'settings.get': async () => {
          throw new TypeError('SQLITE_CONSTRAINT at /home/user/secret/path.ts:12');
        },
      }),
      log,
    );
    const result = await dispatch('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/SQLITE|secret|\.ts|TypeError|at /);
    expect(log.error).toHaveBeenCalledWith({
      method: 'settings.get',
      error: expect.any(TypeError),
    });
  });

  it('validates before calling the handler, with field paths and Chinese messages', async () => {
    const handler = vi.fn();
    const dispatch = createDispatcher(handlersWith({ 'settings.save': handler }), {
      error: () => {},
    });
    const result = await dispatch('settings.save', {
      settings: { committeeName: 5 },
      expectedVersion: -1,
    });
    expect(handler).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.issues?.map((i) => i.path.join('.'))).toContain('settings.committeeName');
    for (const issue of result.error.issues ?? []) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('passes the parsed (normalised) input to the handler', async () => {
    const handler = vi.fn(() => 'ok');
    const dispatch = createDispatcher(handlersWith({ 'settings.save': handler }), {
      error: () => {},
    });
    await dispatch('settings.save', {
      settings: {
        committeeName: '  金峰路街道人民调解委员会  ',
        roomName: '熬茶',
        organisationType: 'STREET',
        divisionCode: '',
        numberAbbreviation: '金峰',
        caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
        documentDateStyle: 'CHINESE',
        countyOfficeName: '格尔木市司法局',
      },
      expectedVersion: 0,
    });
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({
        settings: expect.objectContaining({
          committeeName: '金峰路街道人民调解委员会',
          divisionCode: null,
        }),
      }),
    );
  });

  it('has a strict object schema for every method (unknown keys are refused)', () => {
    for (const [name, spec] of Object.entries(apiContract)) {
      const result = (spec.input as z.ZodType).safeParse({ __unexpected__: 1 });
      expect(result.success, name).toBe(false);
    }
  });
});
