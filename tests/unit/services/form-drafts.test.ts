import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS_ALLOWED_WHEN_DAMAGED } from '../../../domain/api/ledger-writes';
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

  it('a damaged ledger still lets a form look for its draft, not write one', () => {
    expect(METHODS_ALLOWED_WHEN_DAMAGED.has('formDrafts.get')).toBe(true);
    expect(METHODS_ALLOWED_WHEN_DAMAGED.has('formDrafts.save')).toBe(false);
  });
});
