import { DatePicker, Form, Input } from 'antd';
import { scheduleVisitSchema } from '../../../../domain/followups/followup-input';
import type { FollowUp } from '../../../../domain/followups/followup-views';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.followUps;

/** A visit planned by hand. */
export function ScheduleModal({
  caseId,
  onClose,
  onDone,
}: {
  caseId: number;
  onClose: () => void;
  onDone: (saved: FollowUp) => void;
}) {
  return (
    <SchemaFormModal
      name="schedule-visit"
      title={t.scheduleTitle}
      okText={t.schedule}
      schema={scheduleVisitSchema}
      initialValues={{}}
      toInput={(v) => ({ ...v, caseId })}
      submit={(input) => api('followups.schedule', input)}
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item name="dueDate" label={t.field.dueDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={t.field.note} required>
        <Input />
      </Form.Item>
    </SchemaFormModal>
  );
}
