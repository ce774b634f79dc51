import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../renderer/src/api/latest-only';

/** A request whose answer the test releases by hand, in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('search as you type shows only the newest query’s rows', () => {
  it('drops an older answer that arrives after a newer one', async () => {
    const shown: string[] = [];
    const gate = latestOnly();
    const typed = ['王', '王芳', '王芳 草场'].map((q) => ({ q, answer: deferred<string>() }));
    for (const { answer } of typed)
      gate.run(
        () => answer.promise,
        (v) => shown.push(v),
        () => undefined,
      );
    // The server answers the newest first, then the older (broader, slower) ones.
    typed[2]!.answer.resolve('rows of 王芳 草场');
    await settle();
    typed[0]!.answer.resolve('rows of 王');
    typed[1]!.answer.resolve('rows of 王芳');
    await settle();
    expect(shown).toEqual(['rows of 王芳 草场']);
    expect(gate.pending).toBe(false);
  });

  it('drops an older answer that arrives first, and an older failure', async () => {
    const shown: string[] = [];
    const failed: unknown[] = [];
    const pendingSeen: boolean[] = [];
    const gate = latestOnly((p) => pendingSeen.push(p));
    const first = deferred<string>();
    const second = deferred<string>();
    gate.run(
      () => first.promise,
      (v) => shown.push(v),
      (e) => failed.push(e),
    );
    gate.run(
      () => second.promise,
      (v) => shown.push(v),
      (e) => failed.push(e),
    );
    first.reject(new Error('old'));
    await settle();
    expect(gate.pending).toBe(true);
    second.resolve('new');
    await settle();
    expect(shown).toEqual(['new']);
    expect(failed).toEqual([]);
    expect(pendingSeen).toEqual([true, false]);
  });

  it('shows nothing after cancel (the screen closed)', async () => {
    const shown: string[] = [];
    const gate = latestOnly();
    const answer = deferred<string>();
    gate.run(
      () => answer.promise,
      (v) => shown.push(v),
      () => undefined,
    );
    gate.cancel();
    answer.resolve('late');
    await settle();
    expect(shown).toEqual([]);
  });
});
