import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { START_EMPTY_CONFIRMATION } from '../../../../domain/api/system-contract';
import type {
  BackupSummary,
  LedgerStatus,
  SystemStatus,
} from '../../../../domain/api/system-contract';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.recovery;

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
    default: {
      const unreachable: never = status;
      return String(unreachable);
    }
  }
}

function backupsOf(status: NotReady): readonly BackupSummary[] {
  if (status.state === 'MISSING' || status.state === 'NOT_A_LEDGER') return status.backups;
  if (status.state === 'MIGRATION_FAILED' && status.backup) return [status.backup];
  return [];
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
  const backups = backupsOf(status);

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
        <Typography.Title level={5}>{t.backupsTitle}</Typography.Title>
        {backups.length === 0 ? (
          <Typography.Paragraph>{t.noBackups}</Typography.Paragraph>
        ) : (
          <Table<BackupSummary>
            rowKey="fileName"
            size="small"
            pagination={false}
            dataSource={[...backups]}
            columns={[
              { title: t.backupColumns.fileName, dataIndex: 'fileName' },
              {
                title: t.backupColumns.createdAt,
                dataIndex: 'createdAt',
                render: (v: string) => new Date(v).toLocaleString('zh-CN'),
              },
              {
                title: t.backupColumns.size,
                dataIndex: 'bytes',
                render: (v: number) => `${(v / 1024).toFixed(0)} KB`,
              },
              {
                title: '',
                render: (_: unknown, row) => (
                  <Popconfirm
                    title={t.restoreConfirm}
                    onConfirm={() =>
                      void run(
                        () => api('system.restoreBackup', { fileName: row.fileName }),
                        t.restored,
                      )
                    }
                  >
                    <Button type="primary" loading={busy}>
                      {t.restore}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
        {status.state === 'MISSING' || status.state === 'NOT_A_LEDGER' ? (
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
    </div>
  );
}
