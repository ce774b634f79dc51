import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { canAddSession, transitionsFrom, type CaseAction } from '../../../../domain/case-lifecycle';
import type { PartyWarning } from '../../../../domain/cases/party-rules';
import type {
  CaseDetail,
  InvestigationRecord,
  Party,
  SessionRecord,
} from '../../../../domain/cases/case-views';
import * as caseSources from '../../../../domain/taxonomy/case-sources';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import { DEFAULT_EXTENSIONS } from '../../../../domain/taxonomy/ethnic-groups';
import * as preventionFlags from '../../../../domain/taxonomy/prevention-flags';
import * as riskFactors from '../../../../domain/taxonomy/risk-factors';
import { api } from '../../api/client';
import { LookingOnlyContext, useMayCall } from '../../desk/use-may-call';
import { ErrorPanel } from '../../components/ErrorPanel';
import { RiskTag } from '../../components/RiskTag';
import { StatusTag } from '../../components/StatusTag';
import { useApiValue } from '../../hooks/use-api-value';
import { useEqualValue } from '../../hooks/use-equal-value';
import { mediatorNames, useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { CaseAgreements } from '../agreement/CaseAgreements';
import { CaseFollowUpPanel } from '../followups/CaseFollowUpPanel';
import { CaseSubsidyPanel } from '../subsidy/CaseSubsidyPanel';
import { ActionModal } from './ActionModal';
import { CaseEditModal } from './CaseEditModal';
import { CaseFactsPanel } from './CaseFactsPanel';
import { CaseTimeline } from './CaseTimeline';
import { PartiesTable } from './PartiesTable';
import { PartyEditModal } from './PartyEditModal';
import { PartyRemoveModal } from './PartyRemoveModal';
import { PrintRegisterPanel } from './PrintRegisterPanel';
import { CaseVolumePanel } from '../volume/CaseVolumePanel';
import { InvestigationList } from './InvestigationList';
import { InvestigationModal } from './InvestigationModal';
import { SessionList } from './SessionList';
import { SessionModal, sessionDraftKey } from './SessionModal';

const t = uiText.case;

function categoryText(detail: CaseDetail): string {
  const category = disputeCategories.labelOf(detail.category);
  return detail.subtype
    ? `${category} · ${disputeCategories.subtypeLabelOf(detail.subtype)}`
    : category;
}

function warningsFrom(state: unknown): readonly PartyWarning[] {
  if (typeof state !== 'object' || state === null || !('warnings' in state)) return [];
  const w = (state as { warnings: unknown }).warnings;
  return Array.isArray(w) ? (w as PartyWarning[]) : [];
}

function savedFrom(state: unknown, caseId: number): CaseDetail | null {
  if (typeof state !== 'object' || state === null || !('saved' in state)) return null;
  const saved = (state as { saved: CaseDetail | null }).saved;
  return saved?.id === caseId ? saved : null;
}

export function CasePage() {
  const { id } = useParams();
  const caseId = Number(id);
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { mediators } = useMediators(true);
  const load = useCallback(() => api('cases.get', { caseId }), [caseId]);
  const loaded = useApiValue(load);
  // Another mediator's case, open to look at only (the server's answer, by the door's rule).
  const readOnly = loaded.value?.id === caseId && loaded.value.readOnly;
  const may = useMayCall(readOnly);
  const loadSettings = useCallback(() => api('caseSettings.get', {}), []);
  const extensions = useEqualValue(
    useApiValue(loadSettings).value?.ethnicExtensions ?? DEFAULT_EXTENSIONS,
  );
  // Right after intake: the case the save returned, shown until cases.get answers. Only until
  // then, and taken out of the history entry at once: a reload must never show it again (later
  // records may not bump the case's version).
  const [fromIntake] = useState(() => savedFrom(location.state, caseId));
  useEffect(() => {
    if (savedFrom(location.state, caseId) === null) return;
    void navigate(location.pathname, {
      replace: true,
      state: { warnings: warningsFrom(location.state) },
    });
  }, [location.state, location.pathname, caseId, navigate]);
  // A fresher copy from an action replaces the loaded one without another round trip.
  const [updated, setUpdated] = useState<CaseDetail | null>(null);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [addingSession, setAddingSession] = useState(false);
  const [editingSession, setEditingSession] = useState<SessionRecord | null>(null);
  // null: closed; 'new': adding one; a record: correcting it
  const [investigation, setInvestigation] = useState<InvestigationRecord | 'new' | null>(null);
  // null: adding a party; a party: correcting it; undefined: no dialog.
  const [editingParty, setEditingParty] = useState<Party | null | undefined>(undefined);
  const [removingParty, setRemovingParty] = useState<Party | null>(null);
  const [editingCase, setEditingCase] = useState(false);
  const [printsKey, setPrintsKey] = useState(0);
  const warnings = warningsFrom(location.state);

  // One object while the case's data is the same: the ledger's copy of the case the save returned
  // leaves what the page drew from it (15 parties' rows, the panels) as it is.
  const detail = useEqualValue(
    updated && updated.id === caseId && updated.version >= (loaded.value?.version ?? 0)
      ? updated
      : (loaded.value ?? (fromIntake?.id === caseId ? fromIntake : undefined)),
  );
  // Stable, so the memoised parties table is not drawn again by the page's other loads.
  const correctParty = useCallback((p: Party) => setEditingParty(p), []);

  // The change history follows every save: of the case (its version) or of a party, session or
  // investigation record (their own).
  const rowVersions = (rows: readonly { id: number; version: number }[] | undefined) =>
    rows?.map((r) => `${r.id}.${r.version}`).join(',') ?? '';
  const version = [
    detail?.version ?? 0,
    rowVersions(detail?.parties),
    rowVersions(detail?.sessions),
    rowVersions(detail?.investigations),
  ].join(':');
  const loadHistory = useCallback(
    () => api('cases.history', { caseId }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the case was saved
    [caseId, version],
  );
  const changes = useApiValue(loadHistory).value ?? [];
  // A session record typed but never saved (a reload, a crash) waits to be continued.
  const loadSessionDraft = useCallback(
    () => api('formDrafts.get', { key: sessionDraftKey(caseId) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- look again when the dialog closes
    [caseId, addingSession],
  );
  const sessionDraft = useApiValue(loadSessionDraft).value ?? null;

  const reload = useCallback(async () => {
    setUpdated(null);
    setAction(null);
    await loaded.reload();
  }, [loaded]);

  if (loaded.error && !detail)
    return <ErrorPanel error={loaded.error} onRetry={() => void reload()} />;
  if (!detail) return <Spin />;

  // A settlement is recorded through its agreement (signed written agreement or oral register),
  // which moves the case itself; a bare "settled" button would leave the case without one.
  const transitions = transitionsFrom(detail.status).filter(
    (tr) =>
      detail.allowedActions.includes(tr.action) &&
      tr.action !== 'SETTLE_WRITTEN' &&
      tr.action !== 'SETTLE_ORAL' &&
      // Archiving checks the volume and takes the cover's data: it lives in the volume panel.
      tr.action !== 'ARCHIVE' &&
      may('cases.transition'),
  );
  // A receptionist registers and looks (§7.3): correcting, recording and the case's papers are
  // case work, so what the door would refuse is not offered and its panels are not shown.
  // The papers' panels offer printing, files and their own records throughout, and the door
  // refuses those on a case one may only look at: the panels stay away rather than offer them.
  const working = !readOnly;
  const sessionsAllowed = canAddSession(detail.status) && may('sessions.add');
  const editable = detail.status !== 'ARCHIVED' && may('cases.update');
  // §2.7: investigations belong to an accepted case that is not yet archived
  const investigationsAllowed =
    editable &&
    detail.status !== 'INTAKE' &&
    detail.status !== 'REJECTED' &&
    may('investigations.add');

  const page = (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {readOnly ? (
        <Alert
          type="warning"
          showIcon
          title={t.readOnlyBanner}
          description={t.readOnlyHelp}
          data-testid="case-read-only"
        />
      ) : null}
      <Card
        title={
          <Space wrap>
            <span data-testid="case-number">{detail.caseNumber ?? t.unnumbered}</span>
            <StatusTag status={detail.status} />
            <RiskTag level={detail.riskLevel} />
            {detail.overdue ? <Tag color="red">{t.overdue}</Tag> : null}
          </Space>
        }
        extra={
          <Space>
            {editable ? (
              <Button onClick={() => setEditingCase(true)} data-testid="edit-case">
                {t.edit.editCase}
              </Button>
            ) : null}
            <Button onClick={() => void reload()}>{t.reload}</Button>
            <Button onClick={() => void navigate('/cases')}>{t.backToLedger}</Button>
          </Space>
        }
      >
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="case-title">
          {detail.title}
        </Typography.Title>
        {warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t.warningsTitle}
            data-testid="intake-warnings"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {warnings.map((w) => (
                  <li key={`${w.partyIndex}:${w.field}:${w.message}`}>
                    {t.warningLine(
                      w.partyIndex + 1,
                      detail.parties[w.partyIndex]?.name ?? '',
                      w.message,
                    )}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t.category}>{categoryText(detail)}</Descriptions.Item>
          <Descriptions.Item label={t.source}>
            {caseSources.labelOf(detail.source)}
          </Descriptions.Item>
          <Descriptions.Item label={t.mediators}>
            {mediatorNames(mediators, detail.mediatorIds) || uiText.common.dash}
          </Descriptions.Item>
          <Descriptions.Item label={t.intakeDate}>{detail.intakeDate}</Descriptions.Item>
          <Descriptions.Item label={t.registrar}>
            <span data-testid="case-registrar">{detail.registrarName ?? t.registrarUnknown}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.acceptedDate}>
            {detail.acceptedDate ?? uiText.common.dash}
          </Descriptions.Item>
          <Descriptions.Item label={t.dueDate}>
            <span
              data-testid="case-due-date"
              style={detail.overdue ? { color: '#cf1322' } : undefined}
            >
              {detail.dueDate ?? uiText.common.dash}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t.riskFactors} span={3}>
            {detail.riskFactors.length > 0
              ? detail.riskFactors.map((f) => <Tag key={f}>{riskFactors.labelOf(f)}</Tag>)
              : uiText.common.none}
            {detail.isDifficult ? <Tag color="magenta">{t.difficult}</Tag> : null}
          </Descriptions.Item>
          {detail.preventionFlags.length > 0 ? (
            <Descriptions.Item label={t.preventionFlags} span={3}>
              {detail.preventionFlags
                .map((f) => `${preventionFlags.labelOf(f.code)} ${f.persons}人（${f.note}）`)
                .join('；')}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t.summary} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{detail.summary}</span>
          </Descriptions.Item>
          {detail.requests.length > 0 ? (
            <Descriptions.Item label={t.requests} span={3}>
              {detail.requests.map((r, i) => `${i + 1}、${r}`).join('；')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <CaseFactsPanel detail={detail} onCaseChanged={setUpdated} />
        {sessionDraft && sessionsAllowed && !addingSession ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={uiText.session.unsavedOnCase}
            data-testid="unsaved-session"
            action={
              <Button size="small" type="primary" onClick={() => setAddingSession(true)}>
                {uiText.session.continueUnsaved}
              </Button>
            }
          />
        ) : null}
        <div style={{ marginTop: 16 }} data-testid="case-actions">
          <Typography.Text strong style={{ marginRight: 12 }}>
            {t.actions}
          </Typography.Text>
          {transitions.length === 0 && !sessionsAllowed ? (
            <Typography.Text type="secondary" data-testid="case-no-actions">
              {readOnly
                ? t.noActionsReadOnly
                : may('cases.transition')
                  ? t.noActions
                  : t.noActionsByRole}
            </Typography.Text>
          ) : null}
          <Space wrap>
            {sessionsAllowed ? (
              <Button type="primary" onClick={() => setAddingSession(true)}>
                {t.addSession}
              </Button>
            ) : null}
            {investigationsAllowed ? (
              <Button onClick={() => setInvestigation('new')} data-testid="add-investigation">
                {uiText.investigation.add}
              </Button>
            ) : null}
            {transitions.map((tr) => (
              <Button
                key={tr.action}
                danger={tr.action === 'REJECT' || tr.action.startsWith('TERMINATE')}
                type={tr.action === 'ACCEPT' ? 'primary' : 'default'}
                onClick={() => setAction(tr.action)}
              >
                {tr.label}
              </Button>
            ))}
          </Space>
        </div>
      </Card>

      <Card
        title={`${t.parties}（${detail.parties.length}）`}
        size="small"
        extra={
          editable ? (
            <Button size="small" onClick={() => setEditingParty(null)} data-testid="add-party">
              {t.edit.addParty}
            </Button>
          ) : null
        }
      >
        <PartiesTable
          parties={detail.parties}
          extensions={extensions}
          onCorrect={editable ? correctParty : undefined}
          onRemove={editable ? setRemovingParty : undefined}
        />
      </Card>

      {working && may('agreements.listForCase') ? (
        <CaseAgreements
          detail={detail}
          mediators={mediators}
          onCaseChanged={() => void reload()}
          onDocumentsChanged={() => setPrintsKey((k) => k + 1)}
        />
      ) : null}

      {working && may('documents.listPrinted') ? (
        <PrintRegisterPanel caseId={detail.id} refreshKey={`${version}:${printsKey}`} />
      ) : null}

      {working && may('followups.ofCase') ? (
        <CaseFollowUpPanel
          detail={detail}
          onCaseChanged={(next) => (next ? setUpdated(next) : void reload())}
        />
      ) : null}

      {working && may('volume.get') ? (
        <CaseVolumePanel
          detail={detail}
          refreshKey={`${version}:${printsKey}`}
          onCaseChanged={() => void reload()}
        />
      ) : null}
      {working && may('subsidy.ofCase') ? (
        <CaseSubsidyPanel caseId={detail.id} refreshKey={`${version}:${printsKey}`} />
      ) : null}

      <Row gutter={16}>
        <Col span={14}>
          <Card title={`${t.sessions}（${detail.sessions.length}）`} size="small">
            <SessionList
              detail={detail}
              mediators={mediators}
              onEdit={sessionsAllowed ? setEditingSession : undefined}
            />
          </Card>
          <Card
            title={`${uiText.investigation.list}（${detail.investigations.length}）`}
            size="small"
            style={{ marginTop: 16 }}
          >
            <InvestigationList
              detail={detail}
              mediators={mediators}
              onEdit={investigationsAllowed ? setInvestigation : undefined}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={t.timeline} size="small">
            <CaseTimeline detail={detail} changes={changes} />
          </Card>
        </Col>
      </Row>

      {action ? (
        <ActionModal
          detail={detail}
          action={action}
          onClose={() => setAction(null)}
          onReload={() => void reload()}
          onDone={(next) => {
            setUpdated(next);
            setAction(null);
            message.success(
              action === 'ACCEPT' && next.caseNumber
                ? t.acceptedNumber(next.caseNumber)
                : t.actionDone(transitions.find((tr) => tr.action === action)?.label ?? ''),
            );
          }}
        />
      ) : null}
      {editingParty !== undefined ? (
        <PartyEditModal
          detail={detail}
          party={editingParty}
          extensions={extensions}
          onClose={() => setEditingParty(undefined)}
          onDone={(next) => {
            setUpdated(next);
            setEditingParty(undefined);
          }}
        />
      ) : null}
      {editingCase ? (
        <CaseEditModal
          detail={detail}
          onClose={() => setEditingCase(false)}
          onDone={(next) => {
            setUpdated(next);
            setEditingCase(false);
          }}
        />
      ) : null}
      {removingParty ? (
        <PartyRemoveModal
          detail={detail}
          party={removingParty}
          onClose={() => setRemovingParty(null)}
          onDone={(next) => {
            setUpdated(next);
            setRemovingParty(null);
          }}
        />
      ) : null}
      {editingSession ? (
        <SessionModal
          detail={detail}
          mediators={mediators}
          editing={editingSession}
          onClose={() => setEditingSession(null)}
          onDone={(next) => {
            setUpdated(next);
            setEditingSession(null);
            message.success(uiText.session.editedSaved);
          }}
        />
      ) : null}
      {investigation ? (
        <InvestigationModal
          detail={detail}
          mediators={mediators}
          editing={investigation === 'new' ? undefined : investigation}
          onClose={() => setInvestigation(null)}
          onDone={(next, edited) => {
            setUpdated(next);
            setInvestigation(null);
            message.success(edited ? uiText.investigation.editedSaved : uiText.investigation.saved);
          }}
        />
      ) : null}
      {addingSession ? (
        <SessionModal
          detail={detail}
          mediators={mediators}
          onClose={() => setAddingSession(false)}
          onDone={(next) => {
            setUpdated(next);
            setAddingSession(false);
            message.success(uiText.session.saved);
          }}
        />
      ) : null}
    </Space>
  );
  // What the page's parts offer (the 查看 of an ID number, the court's extension) follows too.
  return <LookingOnlyContext value={readOnly}>{page}</LookingOnlyContext>;
}
