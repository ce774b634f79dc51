import { Alert, DatePicker, Form, Input, Select } from 'antd';
import {
  archiveSchema,
  RETENTION_LABELS,
  RETENTION_PERIODS,
} from '../../../../domain/volume/volume-input';
import type { CaseVolume } from '../../../../domain/volume/volume-views';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.volume;

/** 立卷归档: the cover's 保管期限, 立卷人 and 立卷日期; the 卷号 is assigned by the ledger. */
export function ArchiveModal({
  caseId,
  caseVersion,
  onClose,
  onDone,
}: {
  caseId: number;
  caseVersion: number;
  onClose: () => void;
  onDone: (saved: CaseVolume) => void;
}) {
  return (
    <SchemaFormModal
      name="archive-volume"
      title={t.archiveTitle}
      okText={t.archive}
      schema={archiveSchema}
      initialValues={{ retention: 'LONG_30', remarks: null }}
      toInput={(v) => ({ remarks: null, ...v, caseId, expectedVersion: caseVersion })}
      submit={(input) => api('volume.archive', input)}
      onDone={onDone}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t.archiveHelp} style={{ marginBottom: 12 }} />
      <Form.Item name="retention" label={t.retention} required>
        <Select
          options={RETENTION_PERIODS.map((r) => ({ value: r, label: RETENTION_LABELS[r] }))}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="filedBy" label={t.filedBy} required>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="filedDate" label={t.filedDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="remarks" label={t.remarks}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </SchemaFormModal>
  );
}
