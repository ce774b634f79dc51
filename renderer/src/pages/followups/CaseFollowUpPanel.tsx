import { Alert, App, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { isAwaitingOutcome } from '../../../../domain/case-lifecycle';
import type { CaseDetail } from '../../../../domain/cases/case-views';
import {
  CONFIRMATION_DECISION_LABELS,
  FOLLOWUP_ORIGIN_LABELS,
  FOLLOWUP_STATUS_LABELS,
  NEXT_STEP_LABELS,
  PERFORMANCE_STATUS_LABELS,
  SATISFACTION_LABELS,
  VISIT_MODE_LABELS,
  VISIT_RISK_LABELS,
} from '../../../../domain/followups/followup-codes';
import type { ConfirmationWindow, FollowUp } from '../../../../domain/followups/followup-views';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { DocumentPreviewModal, type DocumentRequest } from '../agreement/DocumentPreviewModal';
import { ConfirmationModal } from './ConfirmationModal';
import { ExtendDueModal } from './ExtendDueModal';
import { ProofList } from './ProofList';
import { ScheduleModal } from './ScheduleModal';
import { VisitModal } from './VisitModal';
import { useDeskModal } from '../../desk/desk-dialogs';

const t = uiText.followUps;
const VISITABLE = new Set(['SETTLED_WRITTEN', 'SETTLED_ORAL', 'PERFORMING', 'FOLLOW_UP']);

function VisitItem({
  v,
  onRecord,
  onChanged,
  onPrint,
}: {
  v: FollowUp;
  onRecord: () => void;
  onChanged: () => void;
  onPrint: () => void;
}) {
  const statusColour =
    v.status === 'DONE'
      ? 'green'
      : v.overdue
        ? 'red'
        : v.status === 'CANCELLED'
          ? undefined
          : 'blue';
  return (
    <List.Item data-testid={`visit-${v.id}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{v.visit?.visitDate ?? v.dueDate}</Typography.Text>
          <Tag color={statusColour}>{FOLLOWUP_STATUS_LABELS[v.status]}</Tag>
          <Tag>{FOLLOWUP_ORIGIN_LABELS[v.origin]}</Tag>
          <Typography.Text type="secondary">{v.note}</Typography.Text>
          {v.status === 'SCHEDULED' ? (
            <Button
              size="small"
              type="primary"
              onClick={onRecord}
              data-testid={`case-record-visit-${v.id}`}
            >
              {t.record}
            </Button>
          ) : null}
        </Space>
        {v.visit ? (
          <>
            <Descriptions size="small" column={3} bordered>
              <Descriptions.Item label={t.field.performance}>
                <Tag color={v.visit.performance === 'PERFORMED' ? 'green' : 'orange'}>
                  {PERFORMANCE_STATUS_LABELS[v.visit.performance]}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t.field.satisfaction}>
                {SATISFACTION_LABELS[v.visit.satisfaction]}
              </Descriptions.Item>
              <Descriptions.Item label={t.field.risk}>
                {VISIT_RISK_LABELS[v.visit.risk]}
              </Descriptions.Item>
              <Descriptions.Item label={t.field.visitorId}>
                {t.panel.visitedBy(v.visit.visitorName, VISIT_MODE_LABELS[v.visit.mode])}
              </Descriptions.Item>
              <Descriptions.Item label={t.field.visitedPartyIds} span={2}>
                {v.visit.visitedPartyNames.join('、')}
              </Descriptions.Item>
              <Descriptions.Item label={t.field.findings} span={3}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{v.visit.findings}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t.field.nextStep} span={3}>
                {NEXT_STEP_LABELS[v.visit.nextStep]}
                {v.visit.nextVisitDate ? ` ${v.visit.nextVisitDate}` : ''}
                {v.visit.nextStepNote ? `：${v.visit.nextStepNote}` : ''}
              </Descriptions.Item>
            </Descriptions>
            <Button size="small" onClick={onPrint} data-testid={`print-visit-${v.id}`}>
              {t.panel.printRecord}
            </Button>
            <ProofList visit={v} onAdded={onChanged} />
          </>
        ) : null}
        {v.cancelReason ? (
          <Typography.Text type="secondary">{v.cancelReason}</Typography.Text>
        ) : null}
      </Space>
    </List.Item>
  );
}

function WindowLine({
  w,
  onEdit,
  onPrint,
}: {
  w: ConfirmationWindow;
  onEdit: () => void;
  onPrint: () => void;
}) {
  const c = w.confirmation;
  return (
    <List.Item data-testid={`confirmation-${w.agreementId}`}>
      <Space wrap>
        <Typography.Text strong>{w.agreementNumber}</Typography.Text>
        {w.deadline !== null && w.daysLeft !== null ? (
          <Tag color={c ? undefined : w.daysLeft < 0 ? 'red' : w.daysLeft <= 7 ? 'orange' : 'blue'}>
            {t.confirmation.window(w.deadline, w.daysLeft)}
          </Tag>
        ) : null}
        {c ? (
          <>
            <span>
              {c.appliedDate} · {c.court}
              {c.courtCaseNumber ? ` · ${c.courtCaseNumber}` : ''}
            </span>
            <Tag
              color={c.decision === 'VALID' ? 'green' : c.decision === 'PENDING' ? 'blue' : 'red'}
            >
              {CONFIRMATION_DECISION_LABELS[c.decision]}
            </Tag>
            {c.appliedLate ? <Tag color="red">{t.confirmation.late}</Tag> : null}
            {c.enforcementAppliedDate ? (
              <span>
                {t.confirmation.field.enforcementAppliedDate} {c.enforcementAppliedDate}
              </span>
            ) : null}
          </>
        ) : (
          <Typography.Text type="secondary">{t.confirmation.notApplied}</Typography.Text>
        )}
        {w.kind === 'WRITTEN' ? (
          <Button size="small" onClick={onEdit}>
            {c ? t.confirmation.edit : t.confirmation.record}
          </Button>
        ) : null}
        {w.kind === 'WRITTEN' ? (
          <Button size="small" onClick={onPrint} data-testid={`print-application-${w.agreementId}`}>
            {t.confirmation.printApplication}
          </Button>
        ) : null}
      </Space>
    </List.Item>
  );
}

/** The case page's 回访与履行 panel: visits, proofs, judicial confirmation, due-date extensions. */
export function CaseFollowUpPanel({
  detail,
  onCaseChanged,
}: {
  detail: CaseDetail;
  onCaseChanged: (updated?: CaseDetail) => void;
}) {
  const { message } = App.useApp();
  const modal = useDeskModal();
  const load = useCallback(() => api('followups.ofCase', { caseId: detail.id }), [detail]);
  const { value, error, reload } = useApiValue(load);
  const [recording, setRecording] = useState<FollowUp | 'UNPLANNED' | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [confirming, setConfirming] = useState<ConfirmationWindow | null>(null);
  const [extending, setExtending] = useState(false);
  const [printing, setPrinting] = useState<DocumentRequest | null>(null);

  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  if (!value || detail.acceptedDate === null) return null;
  const visitable = VISITABLE.has(detail.status);
  const extendable = isAwaitingOutcome(detail.status) && detail.dueDate !== null;
  const settled = value.windows.length > 0;

  return (
    <Card
      title={t.panel.title}
      size="small"
      data-testid="case-followups"
      extra={
        <Space>
          {extendable ? (
            <Button onClick={() => setExtending(true)}>{t.extension.button}</Button>
          ) : null}
          {visitable ? <Button onClick={() => setScheduling(true)}>{t.schedule}</Button> : null}
          {visitable ? (
            <Button type="primary" onClick={() => setRecording('UNPLANNED')}>
              {t.recordUnplanned}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {settled && detail.status === 'FOLLOW_UP' ? (
          <Alert
            data-testid="close-readiness"
            type={value.close.ok ? 'success' : 'warning'}
            showIcon
            title={`${t.panel.closeHint}：${value.close.ok ? t.panel.closeOk : (value.close.message ?? '')}`}
          />
        ) : null}
        {settled ? (
          <List
            size="small"
            dataSource={[...value.visits]}
            locale={{ emptyText: t.panel.noVisits }}
            renderItem={(v) => (
              <VisitItem
                v={v}
                onRecord={() => setRecording(v)}
                onChanged={() => void reload()}
                onPrint={() =>
                  setPrinting({
                    followUpId: v.id,
                    title: t.panel.recordTitle(v.visit?.visitDate ?? ''),
                  })
                }
              />
            )}
          />
        ) : null}
        {settled ? (
          <>
            <Typography.Text strong>{t.confirmation.title}</Typography.Text>
            {value.confirmationCaution ? (
              <Alert type="warning" showIcon title={value.confirmationCaution} />
            ) : null}
            <List
              size="small"
              dataSource={[...value.windows]}
              renderItem={(w) => (
                <WindowLine
                  w={w}
                  onEdit={() => setConfirming(w)}
                  onPrint={() =>
                    setPrinting({
                      confirmationOfAgreementId: w.agreementId,
                      title: t.confirmation.printApplication,
                    })
                  }
                />
              )}
            />
          </>
        ) : null}
        {value.extensions.length > 0 ? (
          <>
            <Typography.Text strong>{t.extension.history}</Typography.Text>
            <List
              size="small"
              dataSource={[...value.extensions]}
              renderItem={(e) => (
                <List.Item>
                  {t.extension.line(
                    e.previousDueDate ?? uiText.common.dash,
                    e.newDueDate,
                    e.consentDate,
                    e.consentPartyNames.join('、'),
                  )}
                  ：{e.reason}
                </List.Item>
              )}
            />
          </>
        ) : null}
      </Space>
      {recording ? (
        <VisitModal
          caseId={detail.id}
          plan={recording === 'UNPLANNED' ? null : recording}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            message.success(t.saved);
            onCaseChanged();
          }}
        />
      ) : null}
      {scheduling ? (
        <ScheduleModal
          caseId={detail.id}
          onClose={() => setScheduling(false)}
          onDone={() => {
            setScheduling(false);
            message.success(t.scheduled);
            void reload();
          }}
        />
      ) : null}
      {confirming ? (
        <ConfirmationModal
          caseId={detail.id}
          window={confirming}
          onClose={() => setConfirming(null)}
          onDone={(saved) => {
            setConfirming(null);
            if (saved.warnings.length > 0) {
              modal.warning({ title: t.confirmation.saved, content: saved.warnings.join('\n') });
            } else {
              message.success(t.confirmation.saved);
            }
            void reload();
          }}
        />
      ) : null}
      {printing ? (
        <DocumentPreviewModal
          caseId={detail.id}
          request={printing}
          onClose={() => setPrinting(null)}
        />
      ) : null}
      {extending ? (
        <ExtendDueModal
          detail={detail}
          onClose={() => setExtending(false)}
          onDone={(updated) => {
            setExtending(false);
            message.success(t.extension.saved(updated.dueDate ?? ''));
            onCaseChanged(updated);
          }}
        />
      ) : null}
    </Card>
  );
}
