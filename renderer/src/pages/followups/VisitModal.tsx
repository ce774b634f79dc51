import { DatePicker, Form, Input, Radio, Select, Spin } from 'antd';
import { useCallback } from 'react';
import {
  NEXT_STEP_LABELS,
  PERFORMANCE_STATUS_LABELS,
  SATISFACTION_LABELS,
  VISIT_MODE_LABELS,
  VISIT_RISK_LABELS,
} from '../../../../domain/followups/followup-codes';
import { recordVisitSchema } from '../../../../domain/followups/followup-input';
import type { FollowUp } from '../../../../domain/followups/followup-views';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { useApiValue } from '../../hooks/use-api-value';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { optionsOf } from './code-options';

const t = uiText.followUps;
const f = t.field;

interface Props {
  readonly caseId: number;
  /** The planned visit this records; null for a visit that was not planned. */
  readonly plan: Pick<FollowUp, 'id' | 'version'> | null;
  readonly onClose: () => void;
  readonly onDone: (saved: FollowUp) => void;
}

/** 人民调解回访记录 (§2.11): one form for planned and unplanned visits. */
export function VisitModal({ caseId, plan, onClose, onDone }: Props) {
  const load = useCallback(() => api('cases.get', { caseId }), [caseId]);
  const { value: detail, error } = useApiValue(load);
  const { mediators, loaded } = useMediators(false);
  const visitors = mediators
    .filter((m) => m.active && m.isPeopleMediator)
    .map((m) => ({ value: m.id, label: m.name }));
  if (error) return <ErrorPanel error={error} />;
  // The default visitor comes from the mediator list: wait for it before the form mounts.
  if (!detail || !loaded) return <Spin />;
  const defaultVisitor = detail.mediatorIds.find((id) => visitors.some((v) => v.value === id));

  return (
    <SchemaFormModal
      name="visit"
      title={t.visitTitle(detail.title)}
      okText={t.record}
      width={720}
      schema={recordVisitSchema}
      fieldPrefix={['visit']}
      initialValues={{
        visitDate: chinaToday(),
        mode: 'IN_PERSON',
        visitedPartyIds: detail.parties.map((p) => p.id),
        visitorId: defaultVisitor,
        nextStep: 'NONE',
        risk: 'NONE',
      }}
      toInput={(values) => ({
        caseId,
        followUpId: plan?.id ?? null,
        expectedVersion: plan?.version ?? 0,
        visit: values,
      })}
      submit={(input) => api('followups.record', input)}
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item name="visitDate" label={f.visitDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} allowClear={false} />
      </Form.Item>
      <Form.Item name="mode" label={f.mode} required>
        <Radio.Group options={optionsOf(VISIT_MODE_LABELS)} />
      </Form.Item>
      <Form.Item name="visitedPartyIds" label={f.visitedPartyIds} required>
        <Select
          mode="multiple"
          options={detail.parties.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="visitorId" label={f.visitorId} required>
        <Select options={visitors} />
      </Form.Item>
      <Form.Item name="performance" label={f.performance} required>
        <Radio.Group options={optionsOf(PERFORMANCE_STATUS_LABELS)} />
      </Form.Item>
      <Form.Item name="findings" label={f.findings} required extra={f.findingsHelp}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="satisfaction" label={f.satisfaction} required>
        <Radio.Group options={optionsOf(SATISFACTION_LABELS)} />
      </Form.Item>
      <Form.Item name="risk" label={f.risk} required>
        <Radio.Group options={optionsOf(VISIT_RISK_LABELS)} />
      </Form.Item>
      <Form.Item name="nextStep" label={f.nextStep} required>
        <Select options={optionsOf(NEXT_STEP_LABELS)} />
      </Form.Item>
      <Form.Item noStyle dependencies={['nextStep']}>
        {({ getFieldValue }) =>
          getFieldValue('nextStep') === 'NEXT_VISIT' ? (
            <Form.Item name="nextVisitDate" label={f.nextVisitDate} required {...dateFieldProps}>
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="nextStepNote" label={`${f.nextStepNote}${uiText.common.optional}`}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </SchemaFormModal>
  );
}
