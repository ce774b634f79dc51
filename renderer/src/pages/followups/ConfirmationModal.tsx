import { DatePicker, Form, Input, Select } from 'antd';
import { CONFIRMATION_DECISION_LABELS } from '../../../../domain/followups/followup-codes';
import { confirmationSchema } from '../../../../domain/followups/followup-input';
import type {
  ConfirmationWindow,
  SavedConfirmation,
} from '../../../../domain/followups/followup-views';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';
import { optionsOf } from './code-options';

const t = uiText.followUps.confirmation;
const f = t.field;

/** 司法确认 (§1.2): application, court, decision and enforcement of one written agreement. */
export function ConfirmationModal({
  caseId,
  window: w,
  onClose,
  onDone,
}: {
  caseId: number;
  window: ConfirmationWindow;
  onClose: () => void;
  onDone: (saved: SavedConfirmation) => void;
}) {
  const c = w.confirmation;
  const optional = uiText.common.optional;
  return (
    <SchemaFormModal
      name="confirmation"
      title={t.modalTitle(w.agreementNumber)}
      okText={uiText.common.save}
      schema={confirmationSchema}
      initialValues={c ? { ...c } : { appliedDate: chinaToday(), decision: 'PENDING', court: '' }}
      toInput={(v) => ({
        caseId,
        agreementId: w.agreementId,
        expectedVersion: c?.version ?? 0,
        appliedDate: v.appliedDate,
        court: v.court,
        courtCaseNumber: v.courtCaseNumber ?? null,
        decision: v.decision,
        decisionDate: v.decisionDate ?? null,
        enforcementAppliedDate: v.enforcementAppliedDate ?? null,
        note: v.note ?? null,
      })}
      submit={(input) => api('confirmations.save', input)}
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item name="appliedDate" label={f.appliedDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} allowClear={false} />
      </Form.Item>
      <Form.Item name="court" label={f.court} required extra={t.courtHint}>
        <Input />
      </Form.Item>
      <Form.Item name="courtCaseNumber" label={`${f.courtCaseNumber}${optional}`}>
        <Input />
      </Form.Item>
      <Form.Item name="decision" label={f.decision} required>
        <Select options={optionsOf(CONFIRMATION_DECISION_LABELS)} />
      </Form.Item>
      <Form.Item name="decisionDate" label={`${f.decisionDate}${optional}`} {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="enforcementAppliedDate"
        label={`${f.enforcementAppliedDate}${optional}`}
        {...dateFieldProps}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={`${f.note}${optional}`}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </SchemaFormModal>
  );
}
