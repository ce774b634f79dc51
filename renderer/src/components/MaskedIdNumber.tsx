import { Alert, Button, Form, Input, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { apiContract } from '../../../domain/api/contract';
import { maskIdNumber } from '../../../domain/cases/change-history';
import { api } from '../api/client';
import { useMayCall } from '../desk/use-may-call';
import { SchemaFormModal } from '../forms/SchemaFormModal';
import { zodRule } from '../forms/zod-rule';
import { uiText } from '../i18n/zh-CN';

const t = uiText.idReveal;
const revealInput = apiContract['parties.revealIdNumber'].input;

/**
 * An ID number as lists show it (632801********1246). 查看 asks why and fetches the whole number
 * through `parties.revealIdNumber`, which records the look in the audit chain; it stays shown
 * until the screen is left. A receptionist may not reveal (domain.md §7.3): no 查看 for them, and
 * the number they are sent is masked already.
 */
export function MaskedIdNumber(props: {
  readonly caseId: number;
  readonly partyId: number;
  readonly partyName: string;
  readonly number: string;
}) {
  const [asking, setAsking] = useState(false);
  const [whole, setWhole] = useState<string | null>(null);
  const may = useMayCall();
  if (whole !== null) {
    return (
      <Tooltip title={t.shownHint}>
        <span data-testid={`id-number-${props.partyId}`}>{whole}</span>
      </Tooltip>
    );
  }
  return (
    <Space size={4}>
      <span data-testid={`id-number-${props.partyId}`}>{maskIdNumber(props.number)}</span>
      {may('parties.revealIdNumber') ? (
        <Button
          type="link"
          size="small"
          onClick={() => setAsking(true)}
          data-testid={`reveal-id-${props.partyId}`}
        >
          {t.show}
        </Button>
      ) : null}
      {asking ? (
        <SchemaFormModal
          title={t.title}
          okText={t.ok}
          name="reveal-id"
          width={480}
          schema={revealInput}
          initialValues={{ reason: '' }}
          toInput={(v) => ({ caseId: props.caseId, partyId: props.partyId, reason: v.reason })}
          submit={(input) => api('parties.revealIdNumber', input)}
          onDone={(shown) => {
            setWhole(shown.number);
            setAsking(false);
          }}
          onClose={() => setAsking(false)}
        >
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t.notice(props.partyName)}
          />
          <Form.Item
            name="reason"
            label={t.reason}
            required
            rules={[zodRule(revealInput.shape.reason)]}
          >
            <Input placeholder={t.reasonPlaceholder} maxLength={100} autoFocus />
          </Form.Item>
        </SchemaFormModal>
      ) : null}
    </Space>
  );
}
