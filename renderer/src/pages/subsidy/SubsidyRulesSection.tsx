import { Alert, App, Button, Card, Dropdown, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { SubsidyRules } from '../../../../domain/subsidy/subsidy-rules';
import type {
  SubsidyRulesList,
  SubsidyRulesSummary,
} from '../../../../domain/subsidy/subsidy-views';
import { api } from '../../api/client';
import { chinaDateTime } from '../../forms/date-field';
import { ErrorPanel, errorMessage } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { bytesToBase64, downloadBytes } from '../agreement/pdf-bytes';
import { RulesDetailModal, tierAmountText } from './RulesDetailModal';
import { RulesEditorModal } from './RulesEditorModal';
import { blankRules, rulesValues } from './rules-editor-values';

const t = uiText.subsidy.rules;
const e = uiText.subsidyEditor;
/** The main process refuses more; checking here saves reading a wrong, huge file. */
const MAX_BYTES = 256 * 1024;

/**
 * 设置 → 以案定补规则: import the county's rule file (or a shipped example), see what it says,
 * choose the one in force, and hand a copy on (export). Rules are stored whole and never
 * edited in place, so every claim pack names the exact rule it used.
 */
export function SubsidyRulesSection() {
  const { message } = App.useApp();
  const load = useCallback(() => api('subsidy.listRules', {}), []);
  const { value: list, error, reload } = useApiValue<SubsidyRulesList>(load);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [viewing, setViewing] = useState<SubsidyRules | null>(null);
  const [editing, setEditing] = useState<{
    title: string;
    values: Record<string, unknown>;
  } | null>(null);

  async function run(work: () => Promise<void>) {
    setProblem(null);
    setBusy(true);
    try {
      await work();
      await reload();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const importFile = (file: File | undefined) =>
    run(async () => {
      if (!file) return;
      if (file.size > MAX_BYTES) throw new Error(t.tooBig);
      const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const r = await api('subsidy.importRules', {
        source: 'FILE',
        fileName: file.name.slice(-255),
        dataBase64,
      });
      message.success(r.added ? t.imported(r.summary.title) : t.alreadyStored(r.summary.title));
    });

  const importExample = (fileName: string) =>
    run(async () => {
      const r = await api('subsidy.importRules', {
        source: 'EXAMPLE',
        fileName: fileName as 'subsidy-example-difficulty.v1.json',
      });
      message.success(r.added ? t.imported(r.summary.title) : t.alreadyStored(r.summary.title));
    });

  const activate = (rowId: number | null) =>
    run(async () => {
      await api('subsidy.activateRules', { rowId, expectedVersion: list?.version ?? 0 });
      message.success(rowId === null ? t.deactivated : t.activated);
    });

  const view = (rowId: number) =>
    run(async () => setViewing((await api('subsidy.getRules', { rowId })).rules));

  const edit = (row: SubsidyRulesSummary) =>
    run(async () => {
      const { rules } = await api('subsidy.getRules', { rowId: row.rowId });
      setEditing({ title: e.titleEdit(rules.title), values: rulesValues(rules) });
    });

  const exportRules = (row: SubsidyRulesSummary) =>
    run(async () => {
      const { rules } = await api('subsidy.getRules', { rowId: row.rowId });
      const text = `${JSON.stringify(rules, null, 2)}\n`;
      downloadBytes(
        bytesToBase64(new TextEncoder().encode(text)),
        `${rules.id}.json`,
        'application/json',
      );
    });

  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  return (
    <Card
      title={t.title}
      data-testid="subsidy-rules-section"
      extra={
        <Space>
          <Dropdown
            trigger={['click']}
            menu={{
              items: (list?.examples ?? []).map((e) => ({ key: e.fileName, label: e.title })),
              onClick: ({ key }) => void importExample(key),
            }}
          >
            <Button loading={busy}>{t.importExample}</Button>
          </Dropdown>
          <Button
            loading={busy}
            data-testid="subsidy-rules-new"
            onClick={() =>
              setEditing({ title: e.titleNew, values: blankRules(chinaDateTime().slice(0, 10)) })
            }
          >
            {e.newRules}
          </Button>
          <Button type="primary" loading={busy} onClick={() => input.current?.click()}>
            {t.importFile}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t.help}</Typography.Paragraph>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,application/json"
        data-testid="subsidy-rules-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          void importFile(file);
        }}
      />
      {problem ? (
        <Alert type="error" showIcon title={problem} data-testid="subsidy-rules-error" />
      ) : null}
      <Table<SubsidyRulesSummary>
        rowKey="rowId"
        size="small"
        pagination={false}
        loading={list === undefined}
        dataSource={[...(list?.rules ?? [])]}
        locale={{ emptyText: t.empty }}
        columns={[
          {
            title: t.columns.title,
            key: 'title',
            render: (_, r) => (
              <Space wrap>
                {r.title}
                {r.isExample ? <Tag color="orange">{t.exampleTag}</Tag> : null}
                {r.active ? <Tag color="green">{t.active}</Tag> : null}
                {r.superseded ? <Tag>{t.superseded}</Tag> : null}
              </Space>
            ),
          },
          { title: t.columns.issuer, dataIndex: 'issuer', key: 'issuer' },
          {
            title: t.columns.validity,
            key: 'validity',
            render: (_, r) => t.validity(r.validFrom, r.validTo),
          },
          {
            title: t.columns.tiers,
            key: 'tiers',
            render: (_, r) =>
              r.tiers
                .map(
                  (tier) =>
                    `${tier.label} ${tierAmountText(tier.amountFen, tier.paidElsewhereNote)}`,
                )
                .join('；'),
          },
          {
            key: 'actions',
            render: (_, r) => (
              <Space>
                <Button size="small" type="link" onClick={() => void view(r.rowId)}>
                  {t.view}
                </Button>
                <Button
                  size="small"
                  type="link"
                  data-testid={`subsidy-edit-${r.rowId}`}
                  onClick={() => void edit(r)}
                >
                  {e.edit}
                </Button>
                <Button size="small" type="link" onClick={() => void exportRules(r)}>
                  {t.exportFile}
                </Button>
                {r.active ? (
                  <Button size="small" onClick={() => void activate(null)}>
                    {t.deactivate}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`subsidy-activate-${r.rowId}`}
                    onClick={() => void activate(r.rowId)}
                  >
                    {t.activate}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {viewing ? <RulesDetailModal rules={viewing} onClose={() => setViewing(null)} /> : null}
      {editing ? (
        <RulesEditorModal
          title={editing.title}
          initialValues={editing.values}
          onClose={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            message.success(
              saved.added ? e.saved(saved.summary.title) : e.savedSame(saved.summary.title),
            );
            void reload();
          }}
        />
      ) : null}
    </Card>
  );
}
