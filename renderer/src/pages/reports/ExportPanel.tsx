import {
  Alert,
  App,
  Button,
  Checkbox,
  Input,
  Modal,
  Progress,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ExportRunView } from '../../../../domain/api/reports-contract';
import { IDENTIFIED_EXPORT_CONFIRMATION } from '../../../../domain/statistics/export-inputs';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaTimeText } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.reports;

/**
 * Exports of one period. "All" runs the three exports one after another so the bar shows
 * real progress (one step per finished file set), not a timer.
 */
export function ExportPanel(props: {
  period: string;
  directory: string | null;
  onExported: () => void;
}) {
  const { message } = App.useApp();
  const [delta, setDelta] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [identifiedOpen, setIdentifiedOpen] = useState(false);
  const [sentence, setSentence] = useState('');

  const steps: Record<string, () => Promise<ExportRunView>> = {
    statistics: () => api('exports.statistics', { period: props.period, directory: null }),
    ledger: () =>
      api('exports.ledger', {
        period: props.period,
        directory: null,
        identifiedConfirmation: null,
      }),
    package: () => api('exports.package', { period: props.period, directory: null, delta }),
  };

  async function run(names: readonly string[]) {
    setError(null);
    setProgress({ done: 0, total: names.length });
    let files = 0;
    try {
      for (const [i, name] of names.entries()) {
        const step = steps[name];
        if (step) files += (await step()).files.length;
        setProgress({ done: i + 1, total: names.length });
      }
      void message.success(t.exported(files));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      props.onExported();
      setTimeout(() => setProgress(null), 1500);
    }
  }

  async function exportIdentified() {
    try {
      const r = await api('exports.ledger', {
        period: props.period,
        directory: null,
        identifiedConfirmation: sentence,
      });
      setIdentifiedOpen(false);
      setSentence('');
      void message.success(t.exported(r.files.length));
      props.onExported();
    } catch (e) {
      setError(errorMessage(e));
      setIdentifiedOpen(false);
    }
  }

  async function openFolder() {
    try {
      const r = await api('exports.openFolder', { exportId: null });
      if (!r.opened && r.message) void message.info(`${r.message}：${r.directory}`, 8);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const busy = progress !== null && progress.done < progress.total;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="export-panel">
      <Space wrap>
        <Button
          type="primary"
          disabled={busy}
          data-testid="export-all"
          onClick={() => void run(['statistics', 'ledger', 'package'])}
        >
          {t.exportAll}
        </Button>
        <Button disabled={busy} onClick={() => void run(['statistics'])}>
          {t.exportStatistics}
        </Button>
        <Button disabled={busy} onClick={() => void run(['ledger'])}>
          {t.exportLedger}
        </Button>
        <Button disabled={busy} onClick={() => void run(['package'])}>
          {t.exportPackage}
        </Button>
        <Checkbox checked={delta} onChange={(e) => setDelta(e.target.checked)}>
          {t.deltaOnly}
        </Checkbox>
        <Button danger disabled={busy} onClick={() => setIdentifiedOpen(true)}>
          {t.exportIdentified}
        </Button>
        <Button onClick={() => void openFolder()} data-testid="open-folder">
          {t.openFolder}
        </Button>
      </Space>
      {props.directory ? (
        <Typography.Text type="secondary">{t.outputFolder(props.directory)}</Typography.Text>
      ) : null}
      {progress ? (
        <div data-testid="export-progress">
          <Progress
            percent={Math.round((progress.done / progress.total) * 100)}
            status={busy ? 'active' : 'success'}
          />
        </div>
      ) : null}
      {error ? <Alert type="error" title={error} showIcon data-testid="export-error" /> : null}
      <Modal
        open={identifiedOpen}
        title={t.identifiedTitle}
        okText={t.identifiedOk}
        cancelText={t.cancel}
        okButtonProps={{
          danger: true,
          disabled: sentence.trim() !== IDENTIFIED_EXPORT_CONFIRMATION,
        }}
        onOk={() => void exportIdentified()}
        onCancel={() => setIdentifiedOpen(false)}
      >
        <Alert type="warning" title={t.identifiedWarning} showIcon style={{ marginBottom: 12 }} />
        <Typography.Paragraph>
          {t.identifiedPrompt(IDENTIFIED_EXPORT_CONFIRMATION)}
        </Typography.Paragraph>
        <Input
          aria-label={t.identifiedTitle}
          value={sentence}
          onChange={(e) => setSentence(e.target.value)}
        />
      </Modal>
    </Space>
  );
}

export function ExportHistory({ runs }: { runs: readonly ExportRunView[] }) {
  return (
    <div data-testid="export-history">
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t.historyEmpty }}
        dataSource={[...runs]}
        columns={[
          {
            title: t.historyColumns.createdAt,
            dataIndex: 'createdAt',
            render: (v: string) => chinaTimeText(v),
          },
          {
            title: t.historyColumns.kind,
            dataIndex: 'kind',
            render: (k: ExportRunView['kind']) => t.kinds[k],
          },
          { title: t.historyColumns.period, dataIndex: 'period' },
          {
            title: t.historyColumns.files,
            key: 'files',
            render: (_: unknown, r: ExportRunView) => (
              <Space orientation="vertical" size={0}>
                {r.files.map((f) => (
                  <Typography.Text key={f.name} style={{ fontSize: 12 }}>
                    {f.name} <Typography.Text code>{f.sha256.slice(0, 12)}</Typography.Text>
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: t.historyColumns.actor, dataIndex: 'actor' },
        ]}
      />
    </div>
  );
}
