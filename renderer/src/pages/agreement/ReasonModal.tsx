import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';

/** Asks for the reason of a void or an amendment and sends it; refusals stay in the dialog. */
export function ReasonModal({
  title,
  label,
  body,
  okText,
  danger,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  body?: string;
  okText: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (reason.trim().length < 2) {
      setError(uiText.common.required(label));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading: saving }}
      cancelText={uiText.common.cancel}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {body ? <Typography.Paragraph>{body}</Typography.Paragraph> : null}
      <Form layout="vertical">
        <Form.Item label={label} required>
          <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
