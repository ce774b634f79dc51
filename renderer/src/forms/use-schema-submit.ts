import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '../../../domain/api/errors';
import { ApiCallError } from '../api/client';
import { errorMessage } from '../components/ErrorPanel';
import { applyFieldIssues, badInputIssues } from './field-issues';

type Path = readonly (string | number)[];

/** What could not be shown beside a field: a conflict, a state refusal, an issue with no box. */
export interface SubmitRefusal {
  readonly message: string;
  readonly conflict: boolean;
  /** Every message no field could show (the first is `message`). */
  readonly unplaced: readonly string[];
}

export interface SchemaSubmitRequest<S extends z.ZodType, R> {
  readonly form: FormInstance;
  /** The API method's own input schema (or the part of it the form fills). */
  readonly schema: S;
  readonly input: unknown;
  /** Where `input` sits inside the API method's input, e.g. ['changes'] (default: it is all of it). */
  readonly inputAt?: Path;
  /** Where the form's fields sit inside the method's input, e.g. ['visit'] or ['party']. */
  readonly fieldsAt?: Path;
  /** Where those fields sit in the form, e.g. ['parties', 0] for the one party card. */
  readonly formPrefix?: Path;
  readonly submit: (input: z.output<S>) => Promise<R>;
  /** Said instead of the server's sentence when the record changed under the form. */
  readonly conflictMessage?: string;
}

export type SchemaSubmitResult<R> =
  | { readonly ok: true; readonly value: R }
  | {
      readonly ok: false;
      /** Some issue was shown beside its field (the caller may say so in a toast). */
      readonly fieldIssues: boolean;
      /** What no field could show, as also kept in `refusal`. */
      readonly refusal: SubmitRefusal | null;
    };

const startsWith = (path: Path, prefix: Path) => prefix.every((part, i) => path[i] === part);

/**
 * The one "check with the schema here, then send, then put the server's issues beside their
 * fields" of every form that saves through the API (SchemaFormModal and the correction, settings,
 * signature and lifecycle dialogs). The main process checks the same schema again; checking here
 * first keeps what was typed and marks the box at once. Whatever no box can show (a conflict, a
 * refused state, an issue of a field the form does not have) becomes the refusal, never lost.
 */
export function useSchemaSubmit() {
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<SubmitRefusal | null>(null);

  async function run<S extends z.ZodType, R>(
    r: SchemaSubmitRequest<S, R>,
  ): Promise<SchemaSubmitResult<R>> {
    setRefusal(null);
    const inputAt = r.inputAt ?? [];
    const fieldsAt = r.fieldsAt ?? [];
    const formPrefix = r.formPrefix ?? [];
    // Paths as the main process names them. The form's own fields move to where the form holds
    // them; others (a reason beside the input) keep their path and find their box if there is one.
    const place = (issues: readonly FieldIssue[]): string[] =>
      applyFieldIssues(
        r.form,
        issues.map((i) =>
          startsWith(i.path, fieldsAt)
            ? { ...i, path: [...formPrefix, ...i.path.slice(fieldsAt.length)] }
            : i,
        ),
      ).map((i) => i.message);
    const refuse = (messages: readonly string[], conflict = false): SubmitRefusal | null => {
      if (messages[0] === undefined) return null;
      const refused = { message: messages[0], conflict, unplaced: messages };
      setRefusal(refused);
      return refused;
    };

    const parsed = r.schema.safeParse(r.input);
    if (!parsed.success) {
      const refused = refuse(
        place(
          parsed.error.issues.map((i) => ({
            path: [
              ...inputAt,
              ...i.path.filter((p): p is string | number => typeof p !== 'symbol'),
            ],
            message: i.message,
          })),
        ),
      );
      return { ok: false, fieldIssues: true, refusal: refused };
    }
    setSaving(true);
    try {
      return { ok: true, value: await r.submit(parsed.data) };
    } catch (error) {
      const issues = badInputIssues(error);
      if (issues) return { ok: false, fieldIssues: true, refusal: refuse(place(issues)) };
      const conflict = error instanceof ApiCallError && error.code === 'CONFLICT';
      const message = conflict && r.conflictMessage ? r.conflictMessage : errorMessage(error);
      return { ok: false, fieldIssues: false, refusal: refuse([message], conflict) };
    } finally {
      setSaving(false);
    }
  }

  return { saving, refusal, run, clearRefusal: () => setRefusal(null) };
}
