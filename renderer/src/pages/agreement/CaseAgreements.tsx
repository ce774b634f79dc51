import { DownOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Agreement, CaseDocumentKind } from '../../../../domain/agreements/agreement-views';
import type { CaseDetail, Mediator } from '../../../../domain/cases/case-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { formatDateTime } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { AgreementStatusTag } from './AgreementStatusTag';
import { ClosingPaperDetailsModal } from './ClosingPaperDetailsModal';
import { DocumentPreviewModal, type DocumentRequest } from './DocumentPreviewModal';
import { OralRegisterModal } from './OralRegisterModal';

const t = uiText.agreement.caseCard;
const d = uiText.agreement.documents;

const ENDED = new Set<CaseDetail['status']>([
  'SETTLED_WRITTEN',
  'SETTLED_ORAL',
  'PERFORMING',
  'FOLLOW_UP',
  'TERMINATED_FAILED',
  'TERMINATED_REFUSED',
  'REFERRED',
  'CLOSED',
  'ARCHIVED',
]);

/** The closing and refusal papers the case's state calls for (the main process checks again). */
function closingPaperRequests(detail: CaseDetail): DocumentRequest[] {
  const s = detail.status;
  const terminated = detail.timeline.some(
    (h) => h.action === 'TERMINATE_FAILED' || h.action === 'TERMINATE_REFUSED',
  );
  const paper = (kind: CaseDocumentKind) => ({ kind, recordId: null, title: d[kind] as string });
  return [
    ...(s === 'REJECTED' ? [paper('REFUSAL_NOTICE')] : []),
    ...(['ACCEPTED', 'INVESTIGATING', 'MEDIATING'].includes(s) ? [paper('MEDIATION_NOTICE')] : []),
    ...(terminated && s !== 'ARCHIVED' ? [paper('TERMINATION_NOTICE')] : []),
    ...(ENDED.has(s) ? [paper('CLOSING_REPORT')] : []),
    // The court that sent the case is told how it ended (委派/委托调解).
    ...(ENDED.has(s) && detail.source === 'ENTRUSTED_COURT' && detail.courtReceivedOn !== null
      ? [paper('COURT_RESULT_LETTER')]
      : []),
    ...((detail.riskLevel === 'HIGH' || detail.riskLevel === 'CRITICAL') &&
    s !== 'REJECTED' &&
    s !== 'ARCHIVED'
      ? [paper('MAJOR_DISPUTE_REPORT')]
      : []),
  ];
}

/** Papers that need the mediator's input before they can be rendered. */
const NEEDS_DETAILS = new Set<CaseDocumentKind>(['MEDIATION_NOTICE', 'MAJOR_DISPUTE_REPORT']);

function documentRequests(detail: CaseDetail, agreements: readonly Agreement[]): DocumentRequest[] {
  return [
    ...closingPaperRequests(detail),
    { kind: 'ACCEPTANCE_REGISTER', recordId: null, title: d.ACCEPTANCE_REGISTER },
    { kind: 'RIGHTS_NOTICE', recordId: null, title: d.RIGHTS_NOTICE },
    { kind: 'APPLICATION', recordId: null, title: d.APPLICATION },
    ...detail.sessions.map((s) => ({
      kind: 'SESSION_RECORD' as const,
      recordId: s.id,
      title: d.SESSION_RECORD(s.sessionNo),
    })),
    ...detail.investigations.map((i) => ({
      kind: 'INVESTIGATION_RECORD' as const,
      recordId: i.id,
      title: d.INVESTIGATION_RECORD(formatDateTime(i.at)),
    })),
    ...agreements
      .filter((a) => a.kind === 'ORAL' && a.status !== 'VOID')
      .map((a) => ({
        kind: 'ORAL_AGREEMENT_REGISTER' as const,
        recordId: a.id,
        title: d.ORAL_AGREEMENT_REGISTER(a.number),
      })),
    { kind: 'CORRECTION_HISTORY', recordId: null, title: d.CORRECTION_HISTORY },
  ];
}

/**
 * The case's agreements (written and oral), the two ways to record one while mediating, and
 * the other printable documents of the volume.
 */
export function CaseAgreements({
  detail,
  mediators,
  onCaseChanged,
  onDocumentsChanged,
}: {
  detail: CaseDetail;
  mediators: readonly Mediator[];
  onCaseChanged: () => void;
  /** A document was opened for printing: the print register may hold a new version. */
  onDocumentsChanged?: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  // The case version moves with every agreement event; reloading with it keeps the list fresh.
  const load = useCallback(
    () => api('agreements.listForCase', { caseId: detail.id }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [detail.id, detail.version],
  );
  const { value: agreements = [], reload } = useApiValue(load);
  const [creating, setCreating] = useState(false);
  const [oral, setOral] = useState(false);
  const [document, setDocument] = useState<DocumentRequest | null>(null);
  const [asking, setAsking] = useState<'MEDIATION_NOTICE' | 'MAJOR_DISPUTE_REPORT' | null>(null);
  const mediating = detail.status === 'MEDIATING';
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const requests = documentRequests(detail, agreements);

  async function createDraft() {
    setCreating(true);
    try {
      const draft = await api('agreements.createDraft', { caseId: detail.id });
      message.success(t.draftCreated);
      void navigate(`/agreements/${draft.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setCreating(false);
    }
  }

  return (
    <Card
      size="small"
      title={t.title}
      data-testid="case-agreements"
      extra={
        <Space>
          {mediating ? (
            <>
              <Button type="primary" loading={creating} onClick={() => void createDraft()}>
                {t.draft}
              </Button>
              <Button onClick={() => setOral(true)}>{t.oral}</Button>
            </>
          ) : null}
          <Dropdown
            menu={{
              items: requests.map((r, i) => ({ key: String(i), label: r.title })),
              onClick: ({ key }) => {
                const r = requests[Number(key)] ?? null;
                if (r && 'kind' in r && NEEDS_DETAILS.has(r.kind)) {
                  setAsking(r.kind as 'MEDIATION_NOTICE' | 'MAJOR_DISPUTE_REPORT');
                } else {
                  setDocument(r);
                }
              },
            }}
          >
            <Button data-testid="print-documents">
              {t.print} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      }
    >
      {!mediating && agreements.length === 0 ? (
        <Typography.Text type="secondary">{t.onlyWhileMediating}</Typography.Text>
      ) : null}
      {agreements.length === 0 && mediating ? (
        <Typography.Text type="secondary">{t.empty}</Typography.Text>
      ) : null}
      {agreements.map((a) => (
        <div
          key={a.id}
          data-testid={`agreement-row-${a.id}`}
          style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space wrap>
            <Tag>{a.kind === 'WRITTEN' ? t.written : t.oralKind}</Tag>
            {a.kind === 'WRITTEN' ? (
              <Link to={`/agreements/${a.id}`}>{a.number}</Link>
            ) : (
              <Button
                type="link"
                size="small"
                onClick={() =>
                  setDocument({
                    kind: 'ORAL_AGREEMENT_REGISTER',
                    recordId: a.id,
                    title: d.ORAL_AGREEMENT_REGISTER(a.number),
                  })
                }
              >
                {a.number}
              </Button>
            )}
            <AgreementStatusTag status={a.status} />
            {a.effectiveDate ? (
              <Typography.Text type="secondary">{t.effective(a.effectiveDate)}</Typography.Text>
            ) : null}
            {a.supersedesId !== null ? (
              <Typography.Text type="secondary">
                {t.supersedes(byId.get(a.supersedesId)?.number ?? `#${a.supersedesId}`)}
              </Typography.Text>
            ) : null}
            {a.supersededById !== null ? (
              <Typography.Text type="secondary">
                {t.supersededBy(byId.get(a.supersededById)?.number ?? `#${a.supersededById}`)}
              </Typography.Text>
            ) : null}
          </Space>
        </div>
      ))}
      {oral ? (
        <OralRegisterModal
          detail={detail}
          mediators={mediators}
          onClose={() => setOral(false)}
          onDone={() => {
            setOral(false);
            message.success(uiText.agreement.oral.saved);
            void reload();
            onCaseChanged();
          }}
        />
      ) : null}
      {asking ? (
        <ClosingPaperDetailsModal
          detail={detail}
          kind={asking}
          onClose={() => setAsking(null)}
          onDone={(details) => {
            setAsking(null);
            setDocument({
              kind: asking,
              recordId: null,
              title: d[asking].replace('…', ''),
              details,
            });
          }}
        />
      ) : null}
      {document ? (
        <DocumentPreviewModal
          caseId={detail.id}
          request={document}
          onClose={() => {
            setDocument(null);
            onDocumentsChanged?.();
          }}
        />
      ) : null}
    </Card>
  );
}
