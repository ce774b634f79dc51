import { Alert, Button, Card, Space, Spin, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { amendRefusal } from '../../../../domain/agreements/amend-rules';
import type { Agreement } from '../../../../domain/agreements/agreement-views';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { StatusTag } from '../../components/StatusTag';
import { useApiValue } from '../../hooks/use-api-value';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { AgreementEditor } from './AgreementEditor';
import { AgreementStatusTag } from './AgreementStatusTag';
import { GeneratedView } from './GeneratedView';

const t = uiText.agreement;

/** /agreements/:id — the draft editor, or the frozen agreement once it is generated. */
export function AgreementPage() {
  const { id } = useParams();
  const agreementId = Number(id);
  const navigate = useNavigate();
  const { mediators } = useMediators(true);
  const load = useCallback(() => api('agreements.get', { agreementId }), [agreementId]);
  const loaded = useApiValue(load);
  const [updated, setUpdated] = useState<Agreement | null>(null);
  // Remounting the editor after a reload resets its fields to what is stored.
  const [editorKey, setEditorKey] = useState(0);
  const agreement =
    updated && updated.id === agreementId && updated.version >= (loaded.value?.version ?? 0)
      ? updated
      : loaded.value;
  const caseId = agreement?.caseId;
  const loadCase = useCallback(
    () => (caseId === undefined ? Promise.resolve(undefined) : api('cases.get', { caseId })),
    // The case status changes when the agreement is signed: reload with the agreement.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [caseId, agreement?.status],
  );
  const caseDetail = useApiValue(loadCase).value;

  const reload = useCallback(async () => {
    setUpdated(null);
    await loaded.reload();
    setEditorKey((k) => k + 1);
  }, [loaded]);

  if (loaded.error && !agreement)
    return <ErrorPanel error={loaded.error} onRetry={() => void reload()} />;
  if (!agreement || !caseDetail) return <Spin />;
  // Typed by address on another's case (the read-only case page links nowhere here): every
  // button of the editor would fail at the door, so none is offered.
  if (caseDetail.readOnly) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t.editor.readOnlyTitle}
        description={t.editor.readOnlyHelp}
        data-testid="agreement-read-only"
        action={
          <Button onClick={() => void navigate(`/cases/${caseDetail.id}`)}>
            {t.editor.backToCase}
          </Button>
        }
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{t.editor.title}</span>
            <span data-testid="agreement-number">{agreement.number}</span>
            <AgreementStatusTag status={agreement.status} />
            {agreement.supersedesId !== null ? <Tag>{t.editor.amend}</Tag> : null}
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => void reload()}>{t.editor.reload}</Button>
            <Button onClick={() => void navigate(`/cases/${agreement.caseId}`)}>
              {t.editor.backToCase}
            </Button>
          </Space>
        }
      >
        <Space wrap>
          <Link to={`/cases/${caseDetail.id}`} data-testid="agreement-case-link">
            {caseDetail.caseNumber ?? uiText.case.unnumbered}
          </Link>
          <span>{caseDetail.title}</span>
          <StatusTag status={caseDetail.status} />
        </Space>
      </Card>
      {agreement.status === 'DRAFT' ? (
        <AgreementEditor
          key={editorKey}
          agreement={agreement}
          detail={caseDetail}
          mediators={mediators}
          onChanged={setUpdated}
          onReload={() => void reload()}
        />
      ) : (
        <GeneratedView
          agreement={agreement}
          amendRefusal={amendRefusal(caseDetail.status)}
          onChanged={setUpdated}
          onAmended={(draft) => void navigate(`/agreements/${draft.id}`)}
        />
      )}
    </Space>
  );
}
