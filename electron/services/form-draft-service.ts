import {
  discardFormDraft,
  getFormDraft,
  saveFormDraft,
} from '../../db/drafts/form-draft-queries.js';
import type { FormDraft } from '../../domain/api/form-drafts-contract.js';
import type { LedgerSession } from './ledger-session.js';

/**
 * The stored key of a form's draft: the form's key under its author's account, so one person's
 * unsaved typing (whole ID numbers, names, phones) never opens in the next person's form at a
 * shared desk, and answers may give a draft back as typed. The form keys match
 * `^[a-z]…` (form-drafts-contract.ts), so a stored `account:` key cannot be asked for.
 */
export function draftKeyOf(accountId: number | null, key: string): string {
  return accountId === null ? key : `account:${accountId}:${key}`;
}

/** Autosaved form contents: stored and returned as typed, removed once the form is saved. */
export class FormDraftService {
  /** `author`: the signed-in account (null only for a core nobody signed in to, in tools). */
  constructor(
    private readonly ledger: LedgerSession,
    private readonly author: () => number | null,
  ) {}

  get(key: string): FormDraft | null {
    const row = getFormDraft(this.ledger.db(), this.keyOf(key));
    return row ? { payloadBase64: row.payload, savedAt: row.saved_at } : null;
  }

  save(key: string, payloadBase64: string): null {
    saveFormDraft(
      this.ledger.db(),
      this.keyOf(key),
      payloadBase64,
      this.ledger.now().toISOString(),
    );
    return null;
  }

  discard(key: string): null {
    discardFormDraft(this.ledger.db(), this.keyOf(key));
    return null;
  }

  private keyOf(key: string): string {
    return draftKeyOf(this.author(), key);
  }
}
