import { Form, Input, Radio, Select } from 'antd';
import type { CaseDetail } from '../../../../domain/cases/case-views';
import {
  majorDisputeDetailsSchema,
  mediationNoticeDetailsSchema,
  type ClosingPaperDetails,
} from '../../../../domain/documents/closing-paper-inputs';
import { DateTimeField } from '../../forms/DateTimeField';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.agreement.closingPapers;

/**
 * What the 调解通知书 and the 重大纠纷信息报告 need beyond the ledger, checked with the same
 * schema the main process uses; the paper is then rendered (and frozen) with these details.
 */
export function ClosingPaperDetailsModal({
  detail,
  kind,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  kind: ClosingPaperDetails['kind'];
  onClose: () => void;
  onDone: (details: ClosingPaperDetails) => void;
}) {
  if (kind === 'MEDIATION_NOTICE') {
    return (
      <SchemaFormModal
        name="mediation-notice"
        title={t.noticeTitle}
        okText={t.preview}
        schema={mediationNoticeDetailsSchema}
        initialValues={{
          partyId: detail.parties[0]?.id,
          place: t.defaultPlace,
          bring: t.defaultBring,
        }}
        toInput={(v) => ({ ...v, kind })}
        submit={(details) => Promise.resolve(details)}
        onDone={onDone}
        onClose={onClose}
      >
        <Form.Item name="partyId" label={t.party} required>
          <Select
            data-testid="notice-party"
            options={detail.parties.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <DateTimeField name="sessionAt" label={t.sessionAt} />
        <Form.Item name="place" label={t.place} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="bring" label={t.bring} required>
          <Input.TextArea rows={3} />
        </Form.Item>
      </SchemaFormModal>
    );
  }
  return (
    <SchemaFormModal
      name="major-dispute-report"
      title={t.reportTitle}
      okText={t.preview}
      schema={majorDisputeDetailsSchema}
      initialValues={{ policeAttended: false }}
      toInput={(v) => ({ ...v, kind })}
      submit={(details) => Promise.resolve(details)}
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item name="policeAttended" label={t.policeAttended} required>
        <Radio.Group
          options={[
            { value: true, label: t.yes },
            { value: false, label: t.no },
          ]}
        />
      </Form.Item>
      <Form.Item name="police" label={t.police}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="measures" label={t.measures} required>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t.nextSteps} required>
        <Input.TextArea rows={3} />
      </Form.Item>
    </SchemaFormModal>
  );
}
