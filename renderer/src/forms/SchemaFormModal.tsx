import { Alert, Button, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiCallError } from '../api/client';
import { errorMessage } from '../components/ErrorPanel';
import { uiText } from '../i18n/zh-CN';
import { applyFieldIssues, badInputIssues } from './field-issues';

type Values = Record<string, unknown>;

interface Props<S extends z.ZodType, R> {
  readonly title: string;
  readonly okText: string;
  /** The API method's own input schema: the form is checked exactly as the main process will. */
  readonly schema: S;
  readonly initialValues: Values;
  /** Wraps the form's values into the method's input (ids, versions). */
  readonly toInput: (values: Values) => unknown;
  /** Where the form's fields sit inside the input, e.g. ['visit']. */
  readonly fieldPrefix?: readonly (string | number)[];
  readonly submit: (input: z.output<S>) => Promise<R>;
  readonly onDone: (result: R) => void;
  readonly onClose: () => void;
  readonly name: string;
  readonly width?: number;
  readonly children: ReactNode;
}

/**
 * One modal form for the follow-up screens: local check with the contract's zod schema, then
 * the API call, then server issues placed beside their fields and anything else shown above
 * the buttons (a conflict, a state refusal), without losing what the mediator typed.
 */
export function SchemaFormModal<S extends z.ZodType, R>(p: Props<S, R>) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const prefix = p.fieldPrefix ?? [];

  async function save() {
    setRefusal(null);
    const parsed = p.schema.safeParse(p.toInput(form.getFieldsValue(true)));
    if (!parsed.success) {
      const unplaced = applyFieldIssues(
        form,
        parsed.error.issues.map((i) => ({
          path: i.path.filter((x): x is string | number => typeof x !== 'symbol'),
          message: i.message,
        })),
        prefix,
      );
      if (unplaced[0]) setRefusal(unplaced[0].message);
      return;
    }
    setSaving(true);
    try {
      p.onDone(await p.submit(parsed.data));
    } catch (error) {
      const issues = badInputIssues(error);
      const unplaced = issues ? applyFieldIssues(form, issues, prefix) : [];
      if (!issues || unplaced.length > 0) {
        setRefusal(
          unplaced[0]?.message ??
            (error instanceof ApiCallError && error.code === 'CONFLICT'
              ? uiText.case.conflictReload
              : errorMessage(error)),
        );
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={p.title}
      width={p.width ?? 640}
      onCancel={p.onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={p.onClose}>
          {uiText.common.cancel}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void save()}>
          {p.okText}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={p.initialValues} name={p.name}>
        {p.children}
      </Form>
      {refusal ? <Alert type="error" showIcon data-testid="form-refusal" title={refusal} /> : null}
    </Modal>
  );
}
