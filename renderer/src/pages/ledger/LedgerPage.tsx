import { Alert, Button, Card, Checkbox, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CASE_STATES, stateLabelOf, type CaseState } from '../../../../domain/case-lifecycle';
import type { LedgerPage as LedgerPageView, LedgerRow } from '../../../../domain/cases/case-views';
import {
  COURT_CASE_FILTERS,
  LEDGER_PAGE_SIZE,
  type CourtCaseFilter,
  type LedgerQueryInput,
  type LedgerSort,
} from '../../../../domain/cases/ledger-inputs';
import * as caseSources from '../../../../domain/taxonomy/case-sources';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import { api } from '../../api/client';
import { latestOnly } from '../../api/latest-only';
import { errorMessage } from '../../components/ErrorPanel';
import { RiskTag } from '../../components/RiskTag';
import { StatusTag } from '../../components/StatusTag';
import { DATE_FORMAT } from '../../forms/date-field';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import dayjs from 'dayjs';

const t = uiText.ledger;

// Keystrokes typed within one short burst make one request; every request's answer is shown
// only if it is still the newest (latestOnly), so the wait can be this short. Enter searches
// at once, and nothing is searched while an input method is still composing a character.
const DEBOUNCE_MS = 60;

type Filters = Omit<LedgerQueryInput, 'text' | 'page'>;

const SORT_BY_COLUMN: Readonly<Record<string, LedgerSort>> = {
  caseNumber: 'CASE_NUMBER',
  intakeDate: 'INTAKE_DATE',
  acceptedDate: 'ACCEPTED_DATE',
  dueDate: 'DUE_DATE',
};

export function LedgerPage() {
  const navigate = useNavigate();
  // The search text lives in the URL, so coming back from a case shows the same list.
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [query, setQuery] = useState(text);
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    if (composing) return;
    const timer = setTimeout(() => setQuery(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, composing]);
  // `#/cases?status=MEDIATING` (from the 协议书 page) opens the ledger with that status filter.
  const [filters, setFilters] = useState<Filters>(() => {
    const status = params.get('status');
    return status && (CASE_STATES as readonly string[]).includes(status)
      ? { statuses: [status as CaseState] }
      : {};
  });
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<LedgerPageView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const { mediators } = useMediators(true);

  const search = useRef(latestOnly(setLoading)).current;
  // The first answer counts up to 1,000 matches (fast); the exact total follows, so the pager
  // shows the real number and reaches every page.
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const counting = useRef(latestOnly()).current;
  const countKey = JSON.stringify([filters, query.trim()]);
  const exactTotal = counted?.key === countKey ? counted.total : null;
  useEffect(() => {
    const input = { ...filters, text: query.trim() || null, page };
    search.run(
      () => api('cases.search', input),
      (found) => {
        setResult(found);
        setError(null);
        if (found.totalIsExact) {
          counting.cancel();
          setCounted({ key: countKey, total: found.total });
        } else if (counted?.key !== countKey) {
          // Paging within the same search keeps the count it already has.
          counting.run(
            () => api('cases.search', { ...input, exactTotal: true }),
            (all) => setCounted({ key: countKey, total: all.total }),
            () => undefined,
          );
        }
      },
      setError,
    );
    // `counted` is read, not watched: a new count must not search again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, filters, page, search, counting, countKey]);
  useEffect(
    () => () => {
      search.cancel();
      counting.cancel();
    },
    [search, counting],
  );

  useEffect(() => {
    setParams(query ? { q: query } : {}, { replace: true });
  }, [query, setParams]);

  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableProps<LedgerRow>['columns'] = [
    {
      title: t.columns.caseNumber,
      dataIndex: 'caseNumber',
      key: 'caseNumber',
      sorter: true,
      width: 210,
      render: (n: string | null) => n ?? <Tag>{t.unnumbered}</Tag>,
    },
    { title: t.columns.title, dataIndex: 'title', key: 'title' },
    {
      title: t.columns.parties,
      dataIndex: 'partyNames',
      key: 'parties',
      render: (names: readonly string[]) =>
        names.length > 4
          ? `${names.slice(0, 4).join('、')} 等 ${names.length} 人`
          : names.join('、'),
    },
    {
      title: t.columns.category,
      key: 'category',
      render: (_: unknown, row) =>
        row.subtype
          ? disputeCategories.subtypeLabelOf(row.subtype)
          : disputeCategories.labelOf(row.category),
    },
    {
      title: t.columns.status,
      dataIndex: 'status',
      key: 'status',
      render: (s: CaseState) => <StatusTag status={s} />,
    },
    {
      title: t.columns.risk,
      dataIndex: 'riskLevel',
      key: 'risk',
      render: (r: riskLevels.Code) => <RiskTag level={r} />,
    },
    { title: t.columns.intakeDate, dataIndex: 'intakeDate', key: 'intakeDate', sorter: true },
    {
      title: t.columns.acceptedDate,
      dataIndex: 'acceptedDate',
      key: 'acceptedDate',
      sorter: true,
      defaultSortOrder: 'descend',
    },
    {
      title: t.columns.dueDate,
      dataIndex: 'dueDate',
      key: 'dueDate',
      sorter: true,
      render: (d: string | null, row) => (
        <Space size={4}>
          {d}
          {row.overdue ? <Tag color="red">{t.overdue}</Tag> : null}
        </Space>
      ),
    },
  ];

  const onTableChange: TableProps<LedgerRow>['onChange'] = (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = one?.order ? SORT_BY_COLUMN[String(one.columnKey)] : undefined;
    setFilters((f) => ({
      ...f,
      sort: sort ?? 'ACCEPTED_DATE',
      direction: one?.order === 'ascend' ? 'ASC' : 'DESC',
    }));
    setPage(pagination.current ?? 1);
  };

  return (
    <Card
      title={t.title}
      extra={
        <Button type="primary" onClick={() => void navigate('/intake')}>
          {t.newCase}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Input.Search
          allowClear
          size="large"
          autoFocus
          placeholder={t.searchPlaceholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
          onSearch={(value) => {
            setText(value);
            setQuery(value);
            setPage(1);
          }}
          onCompositionStart={() => setComposing(true)}
          onCompositionEnd={() => setComposing(false)}
          aria-label={t.searchPlaceholder}
          data-testid="ledger-search"
        />
        <Space wrap>
          <Select
            mode="multiple"
            allowClear
            placeholder={t.status}
            style={{ minWidth: 180 }}
            value={filters.statuses ?? []}
            onChange={(statuses: CaseState[]) => filter({ statuses })}
            options={CASE_STATES.map((s) => ({ value: s, label: stateLabelOf(s) }))}
          />
          <Select
            allowClear
            placeholder={t.category}
            style={{ width: 170 }}
            value={filters.category ?? undefined}
            onChange={(category?: disputeCategories.Code) => filter({ category: category ?? null })}
            options={disputeCategories.rows.map((r) => ({ value: r.code, label: r.label }))}
          />
          <Select
            allowClear
            placeholder={t.source}
            style={{ width: 170 }}
            value={filters.source ?? undefined}
            onChange={(source?: caseSources.Code) => filter({ source: source ?? null })}
            options={caseSources.rows.map((r) => ({ value: r.code, label: r.label }))}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t.risk}
            style={{ minWidth: 150 }}
            value={filters.riskLevels ?? []}
            onChange={(levels: riskLevels.Code[]) => filter({ riskLevels: levels })}
            options={riskLevels.rows.map((r) => ({
              value: r.code,
              label: <RiskTag level={r.code} />,
            }))}
          />
          <Select
            allowClear
            placeholder={t.mediator}
            style={{ width: 130 }}
            value={filters.mediatorId ?? undefined}
            onChange={(mediatorId?: number) => filter({ mediatorId: mediatorId ?? null })}
            options={mediators.map((m) => ({ value: m.id, label: m.name }))}
          />
          <Select
            allowClear
            placeholder={t.courtCases}
            style={{ width: 200 }}
            value={filters.courtCases ?? undefined}
            onChange={(courtCases?: CourtCaseFilter) => filter({ courtCases: courtCases ?? null })}
            options={COURT_CASE_FILTERS.map((v) => ({ value: v, label: t.courtCaseOptions[v] }))}
            data-testid="ledger-court-filter"
          />
          <DatePicker.RangePicker
            placeholder={[t.acceptedRange, t.acceptedRange]}
            value={
              filters.acceptedFrom && filters.acceptedTo
                ? [dayjs(filters.acceptedFrom), dayjs(filters.acceptedTo)]
                : null
            }
            onChange={(range) =>
              filter({
                acceptedFrom: range?.[0]?.format(DATE_FORMAT) ?? null,
                acceptedTo: range?.[1]?.format(DATE_FORMAT) ?? null,
              })
            }
          />
          <Checkbox
            checked={filters.overdueOnly ?? false}
            onChange={(e) => filter({ overdueOnly: e.target.checked })}
          >
            {t.overdueOnly}
          </Checkbox>
          <Button
            onClick={() => {
              setFilters({});
              setText('');
              setPage(1);
            }}
          >
            {t.clearFilters}
          </Button>
        </Space>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        <Table<LedgerRow>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={result?.rows ?? []}
          locale={{ emptyText: t.empty }}
          onChange={onTableChange}
          rowClassName={(row) => (row.overdue ? 'ledger-row ledger-row-overdue' : 'ledger-row')}
          onRow={(row) => ({
            onClick: () => void navigate(`/cases/${row.id}`),
            'data-testid': `ledger-row-${row.id}`,
          })}
          pagination={{
            current: page,
            pageSize: result?.pageSize ?? LEDGER_PAGE_SIZE,
            total: exactTotal ?? result?.total ?? 0,
            showSizeChanger: false,
            showQuickJumper: true,
            showTotal: () =>
              exactTotal !== null
                ? t.total(exactTotal, true)
                : result
                  ? t.total(result.total, result.totalIsExact)
                  : '',
          }}
        />
      </Space>
    </Card>
  );
}
