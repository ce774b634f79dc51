import { DatePicker, Form, Input } from 'antd';
import { volumeNoteSchema } from '../../../../domain/volume/volume-input';
import type { CaseVolume } from '../../../../domain/volume/volume-views';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.volume;

/** 卷宗情况说明: appended with its date, also after archiving (corrections of an archived case). */
export function VolumeNoteModal({
  caseId,
  onClose,
  onDone,
}: {
  caseId: number;
  onClose: () => void;
  onDone: (saved: CaseVolume) => void;
}) {
  return (
    <SchemaFormModal
      name="volume-note"
      title={t.noteTitle}
      okText={t.addNote}
      schema={volumeNoteSchema}
      initialValues={{}}
      toInput={(v) => ({ ...v, caseId })}
      submit={(input) => api('volume.addNote', input)}
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item name="noteDate" label={t.noteDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="text" label={t.noteText} required>
        <Input.TextArea rows={4} />
      </Form.Item>
    </SchemaFormModal>
  );
}
