import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isAwaitingOutcome } from '../../../../domain/case-lifecycle';
import type { CaseDetail } from '../../../../domain/cases/case-views';
import { courtExtensionSchema } from '../../../../domain/cases/court-inputs';
import { daysBetween } from '../../../../domain/followups/reminder-stage';
import * as courtKinds from '../../../../domain/taxonomy/court-kinds';
import * as warningLevels from '../../../../domain/taxonomy/warning-levels';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api } from '../../api/client';
import { useMayCall } from '../../desk/use-may-call';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.case.facts;
const dash = uiText.common.dash;

/** The court's one consent to 30 more days, with its date and how it was given. */
function CourtExtensionModal(props: {
  readonly detail: CaseDetail;
  readonly onClose: () => void;
  readonly onDone: (updated: CaseDetail) => void;
}) {
  return (
    <SchemaFormModal
      name="court-extension"
      title={t.extendTitle}
      okText={t.extendButton}
      schema={courtExtensionSchema}
      initialValues={{ consentDate: chinaToday(), note: '' }}
      toInput={(v) => ({ ...v, caseId: props.detail.id, expectedVersion: props.detail.version })}
      submit={(input) => api('cases.extendCourtDeadline', input)}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <Typography.Paragraph type="secondary">{t.extendHelp}</Typography.Paragraph>
      <Form.Item name="consentDate" label={t.consentDate} required {...dateFieldProps}>
        <DatePicker style={{ width: 200 }} allowClear={false} />
      </Form.Item>
      <Form.Item name="note" label={t.consentNote} required>
        <Input.TextArea rows={3} placeholder={t.consentNotePlaceholder} />
      </Form.Item>
    </SchemaFormModal>
  );
}

/**
 * The 综治 lines of a case and, for a case the court sent, its deadline: the court's 30 days
 * (+30 with its consent) run beside the room's own due date and are shown with the days left.
 */
export function CaseFactsPanel(props: {
  readonly detail: CaseDetail;
  readonly onCaseChanged: (next: CaseDetail) => void;
  /** Extra buttons (the result letter to the court). */
  readonly actions?: React.ReactNode;
}) {
  const { detail } = props;
  const { message } = App.useApp();
  const [extending, setExtending] = useState(false);
  const may = useMayCall();
  const deadline = detail.courtDeadline;
  const open = detail.status === 'INTAKE' || isAwaitingOutcome(detail.status);
  const daysLeft = deadline ? daysBetween(chinaToday(), deadline.dueOn) : null;
  const anyFact =
    detail.occurredOn !== null ||
    detail.occurredPlace !== null ||
    detail.personsInvolved !== null ||
    detail.warningLevel !== null ||
    detail.responsibleLeader !== null;
  if (!anyFact && detail.courtKind === null && deadline === null) return null;

  return (
    <Card
      size="small"
      title={t.title}
      style={{ marginTop: 12 }}
      data-testid="case-facts"
      extra={
        <Space>
          {deadline &&
          open &&
          detail.courtExtension === null &&
          may('cases.extendCourtDeadline') ? (
            <Button onClick={() => setExtending(true)}>{t.extendButton}</Button>
          ) : null}
          {props.actions}
        </Space>
      }
    >
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t.occurredOn}>{detail.occurredOn ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t.occurredPlace}>
          {detail.occurredPlace ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t.personsInvolved}>
          {detail.personsInvolved === null ? dash : t.persons(detail.personsInvolved)}
        </Descriptions.Item>
        <Descriptions.Item label={t.warningLevel}>
          {detail.warningLevel === null ? t.unrated : warningLevels.labelOf(detail.warningLevel)}
        </Descriptions.Item>
        <Descriptions.Item label={t.responsibleLeader} span={2}>
          {detail.responsibleLeader ?? dash}
        </Descriptions.Item>
        {detail.courtKind !== null || detail.courtName !== null ? (
          <>
            <Descriptions.Item label={t.courtName}>{detail.courtName ?? dash}</Descriptions.Item>
            <Descriptions.Item label={t.courtKind}>
              {detail.courtKind === null ? dash : courtKinds.labelOf(detail.courtKind)}
            </Descriptions.Item>
            <Descriptions.Item label={t.courtReference}>
              {detail.courtReference ?? dash}
            </Descriptions.Item>
          </>
        ) : null}
        {deadline ? (
          <Descriptions.Item label={t.courtDeadline} span={3}>
            <Space wrap data-testid="court-deadline">
              <span>{t.deadlineLine(deadline.receivedOn, deadline.dueOn)}</span>
              {open && daysLeft !== null ? (
                daysLeft < 0 ? (
                  <Tag color="red">{t.overdue(-daysLeft)}</Tag>
                ) : (
                  <Tag color={daysLeft <= 7 ? 'orange' : 'blue'}>{t.daysLeft(daysLeft)}</Tag>
                )
              ) : null}
              {detail.courtExtension ? (
                <Typography.Text type="secondary">
                  {t.extendedLine(detail.courtExtension.consentDate, detail.courtExtension.note)}
                </Typography.Text>
              ) : null}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {extending ? (
        <CourtExtensionModal
          detail={detail}
          onClose={() => setExtending(false)}
          onDone={(updated) => {
            setExtending(false);
            message.success(t.extended(updated.courtDeadline?.dueOn ?? ''));
            props.onCaseChanged(updated);
          }}
        />
      ) : null}
    </Card>
  );
}
