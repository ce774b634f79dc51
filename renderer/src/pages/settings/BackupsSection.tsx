import { App, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { BackupSummary } from '../../../../domain/api/system-contract';
import { api } from '../../api/client';
import { BackupHealthAlert } from '../../components/BackupHealthAlert';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaTimeText } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { backupEncryptionColumn } from '../recovery/backup-encryption-column';
import { RestoreConfirmModal } from '../recovery/RestoreConfirmModal';
import { LedgerEncryptionNote } from './LedgerEncryptionNote';

const t = uiText.backups;
const st = uiText.storage;

/** Where the second copy of every backup goes (a USB stick, another disk). */
function SecondFolderForm({ onSaved }: { onSaved: () => void }) {
  const { message } = App.useApp();
  const load = useCallback(() => api('system.status', {}), []);
  const { value: status, reload } = useApiValue(load);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const current = status?.backup.secondFolder ?? null;

  async function save(next: string | null) {
    setBusy(true);
    try {
      await api('system.setBackupFolder', { folder: next });
      message.success(next === null ? st.secondFolder.cleared : st.secondFolder.saved);
      setFolder('');
      await reload();
      onSaved();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ marginTop: 16 }} data-testid="second-folder">
      <Typography.Title level={5}>{st.secondFolder.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{st.secondFolder.help}</Typography.Paragraph>
      <Typography.Paragraph>
        {current ? st.secondFolder.current(current) : st.secondFolder.none}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={folder}
          placeholder={st.secondFolder.placeholder}
          onChange={(e) => setFolder(e.target.value)}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={folder.trim() === ''}
          onClick={() => void save(folder)}
        >
          {st.secondFolder.save}
        </Button>
        {current ? (
          <Button loading={busy} onClick={() => void save(null)}>
            {st.secondFolder.clear}
          </Button>
        ) : null}
      </Space.Compact>
    </div>
  );
}

/** The ledger's copies, a button to make one now, restore with its safeguards, a USB copy. */
export function BackupsSection() {
  const { message } = App.useApp();
  const load = useCallback(() => api('system.listBackups', {}), []);
  const { value: backups, reload } = useApiValue(load);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  // Remounted after each backup so the health line reloads.
  const [healthKey, setHealthKey] = useState(0);

  async function backupNow() {
    setBusy(true);
    try {
      const made = await api('system.backupNow', {});
      message.success(t.done(made.fileName));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      await reload();
      setHealthKey((k) => k + 1);
      setBusy(false);
    }
  }

  return (
    <Card
      title={t.title}
      extra={
        <Button type="primary" loading={busy} onClick={() => void backupNow()}>
          {t.backupNow}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <LedgerEncryptionNote />
      <div style={{ marginBottom: 12 }}>
        <BackupHealthAlert key={healthKey} showSuccess />
      </div>
      <Table<BackupSummary>
        rowKey="fileName"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t.empty }}
        dataSource={backups ? [...backups] : []}
        columns={[
          { title: t.columns.fileName, dataIndex: 'fileName' },
          {
            title: st.kindColumn,
            dataIndex: 'kind',
            render: (v: BackupSummary['kind']) => st.kinds[v],
          },
          backupEncryptionColumn,
          {
            title: t.columns.createdAt,
            dataIndex: 'createdAt',
            render: (v: string) => chinaTimeText(v),
          },
          {
            title: t.columns.size,
            dataIndex: 'bytes',
            render: (v: number) => `${(v / 1024).toFixed(0)} KB`,
          },
          {
            title: '',
            render: (_: unknown, row) => (
              <Button size="small" onClick={() => setRestoring(row.fileName)}>
                {st.restoreFromThis}
              </Button>
            ),
          },
        ]}
      />
      <SecondFolderForm onSaved={() => setHealthKey((k) => k + 1)} />
      <RestoreConfirmModal
        fileName={restoring}
        onClose={() => setRestoring(null)}
        onRestored={() => {
          // Every screen holds data of the replaced ledger: start the window afresh.
          window.location.reload();
        }}
      />
    </Card>
  );
}
