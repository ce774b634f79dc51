import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { RestoredDraftBanner } from '../components/RestoredDraftBanner';
import { uiText } from '../i18n/zh-CN';
import { useFormAutosave } from './use-form-autosave';
import { useSchemaSubmit, type SchemaSubmitRequest } from './use-schema-submit';

/**
 * What a record form that autosaves needs besides its fields: the draft under `draftKey`, the
 * schema check and the API call; `save` resolves to the saved value, or undefined when a box or
 * the refusal line says why not (what was typed stays, the draft too).
 */
export function useAutosavedRecord<V extends object>(draftKey: string) {
  const [form] = Form.useForm<V>();
  const submitter = useSchemaSubmit();
  const autosave = useFormAutosave(form, draftKey);

  async function save<S extends z.ZodType, R>(
    request: Omit<SchemaSubmitRequest<S, R>, 'form' | 'conflictMessage'>,
  ): Promise<R | undefined> {
    submitter.clearRefusal();
    try {
      await form.validateFields();
    } catch {
      return undefined;
    }
    const done = await submitter.run({
      ...request,
      form,
      conflictMessage: uiText.case.conflictReload,
    });
    if (!done.ok) return undefined;
    await autosave.clear();
    return done.value;
  }

  return { form, autosave, submitter, save };
}

type AutosavedRecord<V extends object> = ReturnType<typeof useAutosavedRecord<V>>;

/**
 * The shell of the session and investigation forms (§2.7, §2.8): a modal that is not closed by
 * a stray click, the banner of a restored draft, the autosaved form, and the refusal line.
 */
export function AutosavedRecordModal<V extends object>(props: {
  readonly record: AutosavedRecord<V>;
  readonly name: string;
  readonly title: string;
  readonly saveLabel: string;
  readonly restoredTitle: string;
  readonly initialValues: V;
  readonly refusalTestId: string;
  readonly onSave: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) {
  const { form, autosave, submitter } = props.record;
  return (
    <Modal
      open
      width={900}
      title={props.title}
      onCancel={props.onClose}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          {uiText.common.cancel}
        </Button>,
        <Button key="ok" type="primary" loading={submitter.saving} onClick={props.onSave}>
          {props.saveLabel}
        </Button>,
      ]}
    >
      <RestoredDraftBanner
        title={props.restoredTitle}
        savedAt={autosave.restoredAt}
        onDiscard={() => void autosave.discard()}
      />
      <Form<V>
        form={form as FormInstance<V>}
        onValuesChange={autosave.onValuesChange}
        layout="vertical"
        name={props.name}
        initialValues={props.initialValues}
        requiredMark
      >
        {props.children}
      </Form>
      {submitter.refusal ? (
        <Alert
          type="error"
          showIcon
          title={submitter.refusal.message}
          data-testid={props.refusalTestId}
        />
      ) : null}
    </Modal>
  );
}
