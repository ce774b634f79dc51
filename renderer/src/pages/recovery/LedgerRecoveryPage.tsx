import { Alert, App, Button, Card, Collapse, Input, Space, Table, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { START_EMPTY_CONFIRMATION } from '../../../../domain/api/system-contract';
import type {
  BackupSummary,
  LedgerStatus,
  RestorePreview,
  SystemStatus,
} from '../../../../domain/api/system-contract';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaTimeText } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { backupEncryptionColumn } from './backup-encryption-column';
import { RestoreConfirmModal } from './RestoreConfirmModal';
import { RestoreLossView } from './RestoreLossView';

const t = uiText.recovery;
const st = uiText.storage;

type NotReady = Exclude<LedgerStatus, { state: 'READY' }>;

function titleOf(status: NotReady): string {
  switch (status.state) {
    case 'MISSING':
      return t.missingTitle;
    case 'TOO_NEW':
      return t.tooNewTitle;
    case 'MIGRATION_FAILED':
      return t.migrationFailedTitle;
    case 'NOT_A_LEDGER':
      return t.notALedgerTitle;
    case 'UNAVAILABLE':
      return t.unavailableTitle;
    case 'DAMAGED':
      return st.damagedTitle;
    default: {
      const unreachable: never = status;
      return String(unreachable);
    }
  }
}

function backupsOf(status: NotReady): readonly BackupSummary[] {
  if (status.state === 'MISSING' || status.state === 'NOT_A_LEDGER' || status.state === 'DAMAGED')
    return status.backups;
  if (status.state === 'MIGRATION_FAILED' && status.backup) return [status.backup];
  return [];
}

/**
 * The newest backup that passes its check, and what restoring it would lose: the first thing a
 * mediator facing a damaged or lost ledger needs to see.
 */
function RecommendedBackup({ onRestore }: { onRestore: (fileName: string) => void }) {
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api('system.restorePreview', {}).then(
      (p) => live && setPreview(p),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <Card
      size="small"
      title={st.recommendTitle}
      style={{ marginBottom: 16 }}
      data-testid="recommended-backup"
    >
      {failed ? (
        <Alert type="error" showIcon title={st.recommendNone} />
      ) : !preview ? (
        <Typography.Text type="secondary">{st.recommendChecking}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text strong>
            {st.recommendBackup(preview.backup.fileName, chinaTimeText(preview.backup.createdAt))}
          </Typography.Text>
          <RestoreLossView preview={preview} />
          <Button type="primary" onClick={() => onRestore(preview.backup.fileName)}>
            {st.restoreFromThis}
          </Button>
        </Space>
      )}
    </Card>
  );
}

/**
 * Shown instead of the app when the ledger cannot be used as it is. It never starts an empty
 * ledger on its own: the mediator restores a backup or types a confirmation.
 */
export function LedgerRecoveryPage({
  status,
  onStatus,
}: {
  status: NotReady;
  onStatus: (status: SystemStatus) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [phrase, setPhrase] = useState('');
  const [restoring, setRestoring] = useState<string | null>(null);
  const backups = backupsOf(status);
  const offersEmpty =
    status.state === 'MISSING' || status.state === 'NOT_A_LEDGER' || status.state === 'DAMAGED';

  async function run(action: () => Promise<SystemStatus>, done?: string) {
    setBusy(true);
    try {
      const next = await action();
      if (done) message.success(done);
      onStatus(next);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '40px 16px' }}>
      <Card style={{ width: 820 }} title={titleOf(status)}>
        <Alert type="error" showIcon title={status.message} style={{ marginBottom: 16 }} />
        {status.state === 'DAMAGED' ? (
          <Collapse
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'findings',
                label: st.findingsTitle,
                children: (
                  <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {status.findings.join('\n')}
                  </pre>
                ),
              },
            ]}
          />
        ) : null}
        {backups.length > 0 ? <RecommendedBackup onRestore={setRestoring} /> : null}
        <Typography.Title level={5}>{t.backupsTitle}</Typography.Title>
        {backups.length === 0 ? (
          <Typography.Paragraph>{t.noBackups}</Typography.Paragraph>
        ) : (
          <Table<BackupSummary>
            rowKey="fileName"
            size="small"
            pagination={false}
            dataSource={[...backups]}
            // Fixed widths, one line each, in a card about 770 px wide (fits 1024×768): the long
            // file name is cut with its whole name in a tooltip; the time says which backup it is.
            tableLayout="fixed"
            columns={[
              {
                title: t.backupColumns.fileName,
                dataIndex: 'fileName',
                ellipsis: { showTitle: false },
                render: (v: string) => <Tooltip title={v}>{v}</Tooltip>,
              },
              {
                title: st.kindColumn,
                dataIndex: 'kind',
                width: 72,
                render: (v: BackupSummary['kind']) => st.kinds[v],
              },
              { ...backupEncryptionColumn, width: 90 },
              {
                title: t.backupColumns.createdAt,
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => chinaTimeText(v),
              },
              {
                title: t.backupColumns.size,
                dataIndex: 'bytes',
                width: 88,
                align: 'right',
                render: (v: number) => `${(v / 1024).toFixed(0)} KB`,
              },
              {
                title: '',
                width: 136,
                render: (_: unknown, row) => (
                  <Button loading={busy} onClick={() => setRestoring(row.fileName)}>
                    {t.restore}
                  </Button>
                ),
              },
            ]}
          />
        )}
        {offersEmpty ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t.startEmptyTitle}
            </Typography.Title>
            <Typography.Paragraph>
              {t.startEmptyBody(START_EMPTY_CONFIRMATION)}
            </Typography.Paragraph>
            <Space.Compact style={{ width: '100%' }}>
              <Input value={phrase} onChange={(e) => setPhrase(e.target.value)} />
              <Button
                danger
                disabled={phrase !== START_EMPTY_CONFIRMATION}
                loading={busy}
                onClick={() =>
                  void run(() =>
                    api('system.startEmptyLedger', { confirmation: START_EMPTY_CONFIRMATION }),
                  )
                }
              >
                {t.startEmpty}
              </Button>
            </Space.Compact>
          </>
        ) : null}
      </Card>
      <RestoreConfirmModal
        fileName={restoring}
        ledgerOpened={false}
        onClose={() => setRestoring(null)}
        onRestored={(next) => {
          setRestoring(null);
          onStatus(next);
        }}
      />
    </div>
  );
}
