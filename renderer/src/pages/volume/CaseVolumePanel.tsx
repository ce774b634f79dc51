import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { CaseDetail } from '../../../../domain/cases/case-views';
import type { VolumeChecklistItem } from '../../../../domain/volume/volume-checklist';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  type AttachmentKind,
} from '../../../../domain/volume/volume-input';
import { api } from '../../api/client';
import { ErrorPanel, errorMessage } from '../../components/ErrorPanel';
import { readScanFile, SCAN_ACCEPT } from '../../forms/scan-file';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { DocumentPreviewModal } from '../agreement/DocumentPreviewModal';
import { downloadBytes } from '../agreement/pdf-bytes';
import { ArchiveModal } from './ArchiveModal';
import { VolumeNoteModal } from './VolumeNoteModal';

const t = uiText.volume;
/** Stable: the preview reloads whenever its request changes. */
const VOLUME_REQUEST = { volume: true, title: t.title } as const;
const STATUS_COLOURS = { PRESENT: 'green', MISSING: 'red', NOT_NEEDED: undefined } as const;

/** The case page's volume panel: the 13-item checklist, scans of paper, notes, archiving. */
export function CaseVolumePanel({
  detail,
  refreshKey,
  onCaseChanged,
}: {
  detail: CaseDetail;
  /** Changes when the case or its print register changes (the checklist reads both). */
  refreshKey: string;
  onCaseChanged: () => void;
}) {
  const { message } = App.useApp();
  const load = useCallback(
    () => api('volume.get', { caseId: detail.id }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refreshKey asks for a reload
    [detail.id, refreshKey],
  );
  const { value, error, reload } = useApiValue(load);
  const [kind, setKind] = useState<AttachmentKind>('IDENTITY_PROOF');
  const [partyId, setPartyId] = useState<number | null>(detail.parties[0]?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [archiving, setArchiving] = useState(false);
  const [noting, setNoting] = useState(false);
  const [showPdf, setShowPdf] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  if (!value) return <Card title={t.title} size="small" loading />;
  const archived = value.archive !== null;
  const needsParty = kind === 'IDENTITY_PROOF' || kind === 'POWER_OF_ATTORNEY';

  async function upload(file: File | undefined) {
    setUploadError(null);
    if (!file) return;
    setBusy(true);
    try {
      const read = await readScanFile(file);
      if (!read.ok) {
        setUploadError(read.message);
        return;
      }
      await api('volume.attach', {
        caseId: detail.id,
        kind,
        partyId: needsParty ? partyId : null,
        file: read.scan,
      });
      message.success(t.attached);
      await reload();
    } catch (e) {
      setUploadError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function download(attachmentId: number) {
    const f = await api('volume.attachment', { attachmentId });
    downloadBytes(f.dataBase64, f.fileName, f.mediaType);
  }

  return (
    <Card
      title={t.title}
      size="small"
      data-testid="volume-panel"
      extra={
        archived ? (
          <Button
            size="small"
            onClick={() => setShowPdf(true)}
            data-testid="volume-pdf"
            title={t.pdfHelp}
          >
            {t.pdf}
          </Button>
        ) : detail.status === 'CLOSED' ? (
          <Button
            type="primary"
            size="small"
            disabled={!value.checklist.complete}
            onClick={() => setArchiving(true)}
            data-testid="volume-archive"
          >
            {t.archive}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {archived && value.archive ? (
          <>
            <Alert type="info" showIcon title={t.readOnly} />
            <Descriptions size="small" column={3} data-testid="volume-archive-record">
              <Descriptions.Item label={t.volumeNo}>{value.archive.volumeNo}</Descriptions.Item>
              <Descriptions.Item label={t.retention}>
                {value.archive.retentionLabel}
              </Descriptions.Item>
              <Descriptions.Item label={t.filedBy}>{value.archive.filedBy}</Descriptions.Item>
              <Descriptions.Item label={t.filedDate}>{value.archive.filedDate}</Descriptions.Item>
              {value.archive.remarks ? (
                <Descriptions.Item label={t.remarks}>{value.archive.remarks}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </>
        ) : (
          <Alert
            type={value.checklist.complete ? 'success' : 'warning'}
            showIcon
            data-testid="volume-completeness"
            title={
              value.checklist.complete ? t.complete : t.incomplete(value.checklist.missing.length)
            }
          />
        )}
        <Table<VolumeChecklistItem>
          size="small"
          rowKey="item"
          pagination={false}
          dataSource={[...value.checklist.items]}
          data-testid="volume-checklist"
          columns={[
            { title: t.col.no, dataIndex: 'no', width: 56 },
            { title: t.col.item, dataIndex: 'label' },
            { title: t.col.standard, dataIndex: 'standard', width: 64 },
            {
              title: t.col.status,
              dataIndex: 'status',
              width: 84,
              render: (s: VolumeChecklistItem['status']) => (
                <Tag color={STATUS_COLOURS[s]}>{t.status[s]}</Tag>
              ),
            },
            { title: t.col.count, dataIndex: 'count', width: 56 },
            { title: t.col.reason, dataIndex: 'reason', render: (r: string | null) => r ?? '' },
          ]}
        />

        <Typography.Text strong>{t.attachments}</Typography.Text>
        <List
          size="small"
          dataSource={[...value.attachments]}
          locale={{ emptyText: t.noAttachments }}
          renderItem={(a) => (
            <List.Item>
              <Space wrap>
                <Tag>{a.label}</Tag>
                {a.partyName ? <Typography.Text>{a.partyName}</Typography.Text> : null}
                <Button size="small" type="link" onClick={() => void download(a.id)}>
                  {a.fileName}
                </Button>
              </Space>
            </List.Item>
          )}
        />
        {archived ? null : (
          <Space wrap>
            <Select<AttachmentKind>
              aria-label={t.attachKind}
              style={{ width: 180 }}
              value={kind}
              onChange={setKind}
              options={ATTACHMENT_KINDS.map((k) => ({
                value: k,
                label: ATTACHMENT_KIND_LABELS[k],
              }))}
              data-testid="volume-attach-kind"
            />
            {needsParty ? (
              <Select<number>
                aria-label={t.attachParty}
                style={{ width: 160 }}
                value={partyId ?? undefined}
                onChange={setPartyId}
                options={detail.parties.map((p) => ({ value: p.id, label: p.name }))}
                data-testid="volume-attach-party"
              />
            ) : null}
            <Button size="small" loading={busy} onClick={() => input.current?.click()}>
              {t.attach}
            </Button>
            <input
              ref={input}
              type="file"
              hidden
              accept={SCAN_ACCEPT}
              data-testid="volume-attach-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                void upload(file);
              }}
            />
          </Space>
        )}
        {archived ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.attachHelp}
          </Typography.Text>
        )}
        {uploadError ? (
          <Alert type="error" showIcon title={uploadError} data-testid="volume-attach-error" />
        ) : null}

        <Space>
          <Typography.Text strong>{t.notes}</Typography.Text>
          <Button size="small" onClick={() => setNoting(true)} data-testid="volume-add-note">
            {t.addNote}
          </Button>
        </Space>
        <List
          size="small"
          dataSource={[...value.notes]}
          locale={{ emptyText: t.noNotes }}
          renderItem={(n) => (
            <List.Item>
              <Space wrap>
                <Typography.Text>{n.noteDate}</Typography.Text>
                {n.afterArchiving ? <Tag color="orange">{t.afterArchiving}</Tag> : null}
                <Typography.Text>{n.text}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Space>
      {archiving ? (
        <ArchiveModal
          caseId={detail.id}
          caseVersion={value.caseVersion}
          onClose={() => setArchiving(false)}
          onDone={(saved) => {
            setArchiving(false);
            message.success(t.archived(saved.archive?.volumeNo ?? ''));
            onCaseChanged();
          }}
        />
      ) : null}
      {showPdf ? (
        <DocumentPreviewModal
          caseId={detail.id}
          request={VOLUME_REQUEST}
          onClose={() => setShowPdf(false)}
        />
      ) : null}
      {noting ? (
        <VolumeNoteModal
          caseId={detail.id}
          onClose={() => setNoting(false)}
          onDone={() => {
            setNoting(false);
            message.success(t.noteAdded);
            void reload();
          }}
        />
      ) : null}
    </Card>
  );
}
