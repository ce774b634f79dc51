import { App, Button, Card, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { BackupSummary } from '../../../../domain/api/system-contract';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.backups;

/** The ledger's copies, and a button to make one now (before moving to another computer). */
export function BackupsSection() {
  const { message } = App.useApp();
  const load = useCallback(() => api('system.listBackups', {}), []);
  const { value: backups, reload } = useApiValue(load);
  const [busy, setBusy] = useState(false);

  async function backupNow() {
    setBusy(true);
    try {
      const made = await api('system.backupNow', {});
      message.success(t.done(made.fileName));
      await reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
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
      <Table<BackupSummary>
        rowKey="fileName"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t.empty }}
        dataSource={backups ? [...backups] : []}
        columns={[
          { title: t.columns.fileName, dataIndex: 'fileName' },
          {
            title: t.columns.createdAt,
            dataIndex: 'createdAt',
            render: (v: string) =>
              new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
          },
          {
            title: t.columns.size,
            dataIndex: 'bytes',
            render: (v: number) => `${(v / 1024).toFixed(0)} KB`,
          },
        ]}
      />
    </Card>
  );
}
