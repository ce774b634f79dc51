import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { CaseDetail, Party } from '../../../../domain/cases/case-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.case.edit;

/** Removes a party registered by mistake, with the reason the history keeps. */
export function PartyRemoveModal(props: {
  readonly detail: CaseDetail;
  readonly party: Party;
  readonly onClose: () => void;
  readonly onDone: (next: CaseDetail) => void;
}) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function remove() {
    if (reason.trim().length < 2) {
      setError(`请填写${t.removeReason}`);
      return;
    }
    setSaving(true);
    try {
      const next = await api('parties.remove', {
        caseId: props.detail.id,
        partyId: props.party.id,
        expectedVersion: props.detail.version,
        reason,
      });
      message.success(t.partyRemoved);
      props.onDone(next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t.removeTitle(props.party.name)}
      okText={t.removeParty}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      onOk={() => void remove()}
      onCancel={props.onClose}
    >
      <Alert type="info" showIcon title={t.removeHint} style={{ marginBottom: 12 }} />
      <Form layout="vertical">
        <Form.Item
          label={t.removeReason}
          required
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
