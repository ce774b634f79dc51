import {
  discardFormDraft,
  getFormDraft,
  saveFormDraft,
} from '../../db/drafts/form-draft-queries.js';
import type { FormDraft } from '../../domain/api/form-drafts-contract.js';
import type { LedgerSession } from './ledger-session.js';

/** Autosaved form contents: stored and returned as typed, removed once the form is saved. */
export class FormDraftService {
  constructor(private readonly ledger: LedgerSession) {}

  get(key: string): FormDraft | null {
    const row = getFormDraft(this.ledger.db(), key);
    return row ? { payloadBase64: row.payload, savedAt: row.saved_at } : null;
  }

  save(key: string, payloadBase64: string): null {
    saveFormDraft(this.ledger.db(), key, payloadBase64, this.ledger.now().toISOString());
    return null;
  }

  discard(key: string): null {
    discardFormDraft(this.ledger.db(), key);
    return null;
  }
}
