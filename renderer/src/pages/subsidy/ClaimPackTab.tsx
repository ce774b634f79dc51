import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ClaimLine } from '../../../../domain/subsidy/claim-pack';
import type { SubsidyClaimPack } from '../../../../domain/subsidy/subsidy-views';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { downloadBytes } from '../agreement/pdf-bytes';
import { ClaimSheetModal } from './ClaimSheetModal';

const t = uiText.subsidy.claims;
const yuan = uiText.subsidy.rules.yuan;

/**
 * 统计上报 → 补贴申报: one mediator's claim pack for the chosen period — every case with an
 * outcome in it, its tier, the estimated amount, and why a case cannot be claimed, so the
 * volume can be completed before the 司法所 sees it.
 */
export function ClaimPackTab({ period }: { period: string }) {
  const { mediators } = useMediators(true);
  const [mediatorId, setMediatorId] = useState<number | null>(null);
  const [pack, setPack] = useState<SubsidyClaimPack | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);
  const { message } = App.useApp();

  async function exportXlsx() {
    if (mediatorId === null) return;
    setError(null);
    try {
      const file = await api('subsidy.claimXlsx', { mediatorId, period });
      downloadBytes(
        file.dataBase64,
        file.fileName,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      message.success(uiText.subsidyEditor.exported(file.fileName));
    } catch (e) {
      setError(e);
    }
  }

  async function build() {
    if (mediatorId === null) return;
    setBusy(true);
    setError(null);
    try {
      setPack(await api('subsidy.claimPack', { mediatorId, period }));
    } catch (e) {
      setError(e);
      setPack(null);
    } finally {
      setBusy(false);
    }
  }

  const stale = pack !== null && (pack.periodKey !== period || pack.mediator.id !== mediatorId);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Select
          data-testid="claim-mediator"
          aria-label={t.mediator}
          placeholder={t.mediator}
          style={{ minWidth: 180 }}
          value={mediatorId ?? undefined}
          options={mediators.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(id: number) => setMediatorId(id)}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={mediatorId === null}
          onClick={() => void build()}
          data-testid="claim-build"
        >
          {t.build}
        </Button>
        {mediatorId === null ? (
          <Typography.Text type="secondary">{t.choose}</Typography.Text>
        ) : null}
      </Space>
      {error ? <ErrorPanel error={error} /> : null}
      {pack && !stale ? (
        <Card
          size="small"
          data-testid="claim-pack"
          title={`${pack.committeeName} · ${pack.mediator.name} · ${pack.periodLabel} · ${pack.rulesTitle}`}
          extra={
            <Space>
              <Button
                size="small"
                data-testid="claim-print"
                disabled={pack.lines.length === 0}
                onClick={() => setPrinting(true)}
              >
                {uiText.subsidyEditor.printClaimSheet}
              </Button>
              <Button size="small" data-testid="claim-xlsx" onClick={() => void exportXlsx()}>
                {uiText.subsidyEditor.exportXlsx}
              </Button>
            </Space>
          }
        >
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {pack.rulesIsExample ? <Alert type="warning" showIcon title={t.exampleRules} /> : null}
            <Typography.Text strong data-testid="claim-totals">
              {t.totals(pack.totals.cases, pack.totals.claimable, yuan(pack.totals.amountFen))}
            </Typography.Text>
            <Space wrap>
              {pack.totals.byTier.map((b) => (
                <Tag key={b.tierCode}>{t.byTier(b.tierLabel, b.cases, yuan(b.amountFen))}</Tag>
              ))}
            </Space>
            <Table<ClaimLine>
              rowKey="caseId"
              size="small"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={[...pack.lines]}
              locale={{ emptyText: t.empty }}
              columns={[
                {
                  title: t.columns.caseNumber,
                  key: 'caseNumber',
                  render: (_, l) => (
                    <Link to={`/cases/${l.caseId}`}>{l.caseNumber ?? `#${l.caseId}`}</Link>
                  ),
                },
                { title: t.columns.title, dataIndex: 'title', key: 'title' },
                { title: t.columns.outcomeDate, dataIndex: 'outcomeDate', key: 'outcomeDate' },
                {
                  title: t.columns.tier,
                  key: 'tier',
                  render: (_, l) => (
                    <Space size={4}>
                      <Tag>{l.tierLabel}</Tag>
                      {l.isOral ? <Tag>{t.oral}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t.columns.source,
                  key: 'source',
                  render: (_, l) => t.tierSource[l.tierSource],
                },
                {
                  title: t.columns.amount,
                  key: 'amount',
                  render: (_, l) =>
                    l.claimable
                      ? `${yuan(l.amountFen)}${l.share ? `（${t.share(l.share)}）` : ''}`
                      : '—',
                },
                {
                  title: t.columns.claimable,
                  key: 'claimable',
                  render: (_, l) =>
                    l.claimable ? (
                      <Tag color="green">{t.yes}</Tag>
                    ) : (
                      <Tag color="orange">{t.no}</Tag>
                    ),
                },
                {
                  title: t.columns.reasons,
                  key: 'reasons',
                  render: (_, l) =>
                    l.claimable ? l.tierReasons.join('；') : l.notClaimableReasons.join('；'),
                },
              ]}
            />
            <Typography.Text type="secondary">{pack.disclaimer}</Typography.Text>
          </Space>
          {printing ? (
            <ClaimSheetModal
              mediatorId={pack.mediator.id}
              period={pack.periodKey}
              title={uiText.subsidyEditor.claimSheetTitle(pack.mediator.name, pack.periodLabel)}
              onClose={() => setPrinting(false)}
            />
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
