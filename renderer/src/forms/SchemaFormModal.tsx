import { Alert, Button, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { uiText } from '../i18n/zh-CN';
import { useSchemaSubmit } from './use-schema-submit';

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
 * the buttons (a conflict, a state refusal), without losing what the mediator typed. The check
 * and the placing are `useSchemaSubmit`, which the correction, settings, signature and
 * lifecycle dialogs use too.
 */
export function SchemaFormModal<S extends z.ZodType, R>(p: Props<S, R>) {
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();
  const prefix = p.fieldPrefix ?? [];

  async function save() {
    const done = await run({
      form,
      schema: p.schema,
      input: p.toInput(form.getFieldsValue(true)),
      fieldsAt: prefix,
      submit: p.submit,
      conflictMessage: uiText.case.conflictReload,
    });
    if (done.ok) p.onDone(done.value);
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
      {refusal ? (
        <Alert type="error" showIcon data-testid="form-refusal" title={refusal.message} />
      ) : null}
    </Modal>
  );
}
