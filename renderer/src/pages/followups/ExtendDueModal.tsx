import { DatePicker, Form, Input, Select, Typography } from 'antd';
import type { CaseDetail } from '../../../../domain/cases/case-views';
import { extendDueSchema } from '../../../../domain/followups/followup-input';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.followUps.extension;

/** A later due date, with the consent of the parties recorded (§4.3). */
export function ExtendDueModal({
  detail,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}) {
  return (
    <SchemaFormModal
      name="extend-due"
      title={t.title}
      okText={t.button}
      schema={extendDueSchema}
      initialValues={{ consentDate: chinaToday(), consentPartyIds: [] }}
      toInput={(v) => ({ ...v, caseId: detail.id, expectedVersion: detail.version })}
      submit={(input) => api('cases.extendDue', input)}
      onDone={onDone}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t.help}</Typography.Paragraph>
      <Form.Item name="newDueDate" label={t.field.newDueDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="consentPartyIds" label={t.field.consentPartyIds} required>
        <Select
          mode="multiple"
          options={detail.parties.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="consentDate" label={t.field.consentDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} allowClear={false} />
      </Form.Item>
      <Form.Item name="reason" label={t.field.reason} required>
        <Input.TextArea rows={3} />
      </Form.Item>
    </SchemaFormModal>
  );
}
