import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

/** UTF-8 JSON as base64: the API carries the values as typed, whatever characters they hold. */
function encode(values: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(values));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function decode(base64: string): unknown {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

const QUIET_MS = 500;

/**
 * Nothing typed is lost (issue 8): the form's values go to the ledger (`formDrafts.save`) half
 * a second after the last change, and at once when the page is hidden or unloaded. When the form
 * opens and a draft is there (a reload, a crash, a closed window), the values come back and
 * `restoredAt` says so for the banner. `clear` removes the draft once the form is saved;
 * `discard` also puts the form back as it started.
 */
export function useFormAutosave(form: FormInstance, key: string | null) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Until the stored draft has been looked at, a save would overwrite it with the empty form.
  const ready = useRef(false);
  const dirty = useRef(false);
  // Saves and the final discard run one after another, so a late save cannot revive a draft.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (key === null || !ready.current || !dirty.current) return;
    dirty.current = false;
    const payloadBase64 = encode(form.getFieldsValue(true));
    queue.current = queue.current
      .then(() => api('formDrafts.save', { key, payloadBase64 }))
      // Autosave is a safety net: a failure must not disturb typing; the next change retries.
      .catch(() => {
        dirty.current = true;
      });
  }, [form, key]);

  useEffect(() => {
    if (key === null) return undefined;
    let cancelled = false;
    ready.current = false;
    api('formDrafts.get', { key })
      .then((draft) => {
        if (cancelled || draft === null) return;
        form.setFieldsValue(decode(draft.payloadBase64) as object);
        setRestoredAt(draft.savedAt);
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) ready.current = true;
      });
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      cancelled = true;
      flush();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [form, key, flush]);

  const onValuesChange = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, QUIET_MS);
  }, [flush]);

  const clear = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    setRestoredAt(null);
    if (key === null) return;
    queue.current = queue.current
      .then(() => api('formDrafts.discard', { key }))
      .catch(() => undefined);
    await queue.current;
  }, [key]);

  const discard = useCallback(async () => {
    await clear();
    form.resetFields();
  }, [clear, form]);

  return { restoredAt, onValuesChange, clear, discard };
}
