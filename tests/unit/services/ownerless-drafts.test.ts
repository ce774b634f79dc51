import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFormDraft, saveFormDraft } from '../../../db/drafts/form-draft-queries';
import type { AppCore } from '../../../electron/core/app-core';
import { openSignedInCore } from '../support/signed-in-core';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64');
const AT = '2026-03-10T02:00:00.000Z';

/**
 * Drafts stored under the bare form key before they were kept per account are no one's: never
 * shown, yet they held someone's typing (names, whole ID numbers) for ever. They go at start-up;
 * the signed-in people's own drafts stay.
 */
describe('drafts under a bare form key', () => {
  let dir: string;
  let core: AppCore | null = null;
  const open = async () => {
    core = await openSignedInCore({ dataDir: dir, appVersion: 'test', now: () => new Date(AT) });
    return core;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-drafts-'));
  });
  afterEach(async () => {
    await core?.whenIdle();
    core?.close();
    core = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are removed when the ledger opens; the accounts’ drafts stay', async () => {
    const first = await open();
    const mine = await first.dispatch('formDrafts.save', {
      key: 'intake',
      payloadBase64: b64({ by: 'director' }),
    });
    expect(mine.ok).toBe(true);
    // as an older version left them
    for (const key of ['intake', 'session:12:new', 'agreement:7']) {
      saveFormDraft(first.ledger.db(), key, b64({ by: 'someone before' }), AT);
    }
    await first.whenIdle();
    first.close();

    const again = await open();
    await again.ledger.whenChecked();
    const db = again.ledger.db();
    for (const key of ['intake', 'session:12:new', 'agreement:7']) {
      expect(getFormDraft(db, key), key).toBeUndefined();
    }
    const kept = await again.dispatch('formDrafts.get', { key: 'intake' });
    const draft = kept.ok ? (kept.value as { payloadBase64: string } | null) : null;
    if (draft === null) throw new Error('the director’s draft went too');
    expect(Buffer.from(draft.payloadBase64, 'base64').toString('utf8')).toBe('{"by":"director"}');
  });
});
