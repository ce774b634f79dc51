import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS_ALLOWED_WHEN_DAMAGED } from '../../../domain/api/ledger-writes';
import { signInAs } from '../support/signed-in-core';
import { openTestLedger, type TestLedger } from './case-fixtures';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64');

/** Issue 8, must-have 5: autosaved form contents are kept as typed, in the ledger. */
describe('form drafts', () => {
  let l: TestLedger;
  beforeEach(async () => {
    l = await openTestLedger();
  });
  afterEach(() => l.close());

  it('keeps what was typed byte for byte, even text a save would refuse, until discarded', async () => {
    expect(await l.call('formDrafts.get', { key: 'intake' })).toBeNull();
    // A zero-width joiner and a control character: refused by the ledger, kept by the draft.
    const typed = { parties: [{ name: '王\u200C芳\u0007' }], summary: '第一行\r\n第二行\t' };
    await l.call('formDrafts.save', { key: 'intake', payloadBase64: b64(typed) });
    await l.call('formDrafts.save', { key: 'session:12:new', payloadBase64: b64({ a: 1 }) });
    const got = await l.call<{ payloadBase64: string; savedAt: string }>('formDrafts.get', {
      key: 'intake',
    });
    expect(JSON.parse(Buffer.from(got.payloadBase64, 'base64').toString('utf8'))).toEqual(typed);
    expect(got.savedAt).toBe('2026-03-10T02:00:00.000Z');
    await l.call('formDrafts.discard', { key: 'intake' });
    expect(await l.call('formDrafts.get', { key: 'intake' })).toBeNull();
    expect(await l.call('formDrafts.get', { key: 'session:12:new' })).not.toBeNull();
  });

  it('refuses hostile keys and payloads that are not base64', async () => {
    for (const key of ['../intake', 'INTAKE', '', 'a'.repeat(81), "intake' OR 1=1", 'a:b:c:d:e']) {
      const res = await l.raw('formDrafts.save', { key, payloadBase64: b64({}) });
      expect(res.ok ? null : res.error.code).toBe('BAD_INPUT');
    }
    const bad = await l.raw('formDrafts.save', { key: 'intake', payloadBase64: '{"a":1}' });
    expect(bad.ok ? '' : bad.error.message).toContain('草稿内容无效');
  });

  // Finding 9 of the accounts review: at a shared desk the next person must not open what the
  // previous one typed (whole ID numbers, names, phones), nor overwrite or discard it.
  it('opens a draft only for the account that typed it', async () => {
    await l.call('formDrafts.save', { key: 'intake', payloadBase64: b64({ by: 'director' }) });
    await signInAs(l.core, 'RECEPTIONIST');
    expect(await l.call('formDrafts.get', { key: 'intake' })).toBeNull();
    await l.call('formDrafts.save', { key: 'intake', payloadBase64: b64({ by: 'receptionist' }) });
    await l.call('formDrafts.discard', { key: 'intake' });
    await signInAs(l.core, 'DIRECTOR');
    const mine = await l.call<{ payloadBase64: string }>('formDrafts.get', { key: 'intake' });
    expect(Buffer.from(mine.payloadBase64, 'base64').toString('utf8')).toBe('{"by":"director"}');
  });

  it('lets a receptionist save and discard the intake draft only', async () => {
    await l.call('formDrafts.save', { key: 'agreement:7', payloadBase64: b64({ a: 1 }) });
    await signInAs(l.core, 'RECEPTIONIST');
    for (const [method, input] of [
      ['formDrafts.save', { key: 'agreement:7', payloadBase64: b64({ a: 2 }) }],
      ['formDrafts.discard', { key: 'agreement:7' }],
      ['formDrafts.save', { key: 'session:1:new', payloadBase64: b64({}) }],
    ] as const) {
      const res = await l.raw(method, input);
      expect(res.ok ? null : res.error.code, `${method} ${input.key}`).toBe('FORBIDDEN');
      expect(res.ok ? '' : res.error.message).toBe('登记员只能保存或清除受理登记的草稿');
    }
    expect((await l.raw('formDrafts.save', { key: 'intake', payloadBase64: b64({}) })).ok).toBe(
      true,
    );
    await signInAs(l.core, 'DIRECTOR');
    const kept = await l.call<{ payloadBase64: string }>('formDrafts.get', { key: 'agreement:7' });
    expect(Buffer.from(kept.payloadBase64, 'base64').toString('utf8')).toBe('{"a":1}');
  });

  it('a damaged ledger still lets a form look for its draft, not write one', () => {
    expect(METHODS_ALLOWED_WHEN_DAMAGED.has('formDrafts.get')).toBe(true);
    expect(METHODS_ALLOWED_WHEN_DAMAGED.has('formDrafts.save')).toBe(false);
  });
});
