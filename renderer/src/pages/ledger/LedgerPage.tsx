import { Alert, Button, Card, Pagination, Space, Spin, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CASE_STATES, type CaseState } from '../../../../domain/case-lifecycle';
import type { LedgerPage as LedgerPageView, LedgerRow } from '../../../../domain/cases/case-views';
import { LEDGER_PAGE_SIZE, type LedgerSort } from '../../../../domain/cases/ledger-inputs';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import type * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import { api } from '../../api/client';
import { latestOnly } from '../../api/latest-only';
import { errorMessage } from '../../components/ErrorPanel';
import { useEarlyRequest } from '../../hooks/use-early-request';
import { RiskTag } from '../../components/RiskTag';
import { StatusTag } from '../../components/StatusTag';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { LedgerFilterBar, type LedgerFilters } from './LedgerFilterBar';
import { countAfterPause } from './count-after-pause';
import { LedgerSearchBox } from './LedgerSearchBox';
import { writeSearchQuietly } from './quiet-search-url';
import { LEDGER_TABLE_PARTS } from './LedgerTableParts';
import { keepSameRows } from './same-rows';
import type { LedgerRowProps } from './table-redraw';

const t = uiText.ledger;

const SPINNER_DELAY_MS = 150;

/** A page of rows with the search it answers. */
interface Shown {
  readonly page: LedgerPageView;
  readonly key: string;
  readonly text: string;
}

const SORT_BY_COLUMN: Readonly<Record<string, LedgerSort>> = {
  caseNumber: 'CASE_NUMBER',
  intakeDate: 'INTAKE_DATE',
  acceptedDate: 'ACCEPTED_DATE',
  dueDate: 'DUE_DATE',
};

// Pure renderers of the row alone: one array for every render, so a new page of rows does not
// hand the table new columns (which redraws every cell). A cell is drawn again only when its
// row is a new object (keepSameRows keeps an unchanged row's object): antd's Table otherwise
// redraws every cell whenever it renders.
const sameRowObject = (row: LedgerRow, before: LedgerRow) => row !== before;
const COLUMN_LIST: NonNullable<TableProps<LedgerRow>['columns']> = [
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
      names.length > 4 ? `${names.slice(0, 4).join('、')} 等 ${names.length} 人` : names.join('、'),
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
const COLUMNS = COLUMN_LIST.map((column) => ({ ...column, shouldCellUpdate: sameRowObject }));
const EMPTY_LOCALE = { emptyText: t.empty };
const PAGER_STYLE = { margin: '16px 0' };
const rowClassName = (row: LedgerRow) =>
  row.overdue ? 'ledger-row ledger-row-overdue' : 'ledger-row';

const searchInput = (filters: LedgerFilters, query: string, page: number) => ({
  ...filters,
  text: query.trim() || null,
  page,
});
const sendSearch = (input: ReturnType<typeof searchInput>) => api('cases.search', input);

export function LedgerPage() {
  const navigate = useNavigate();
  // The search text lives in the URL, so coming back from a case shows the same list.
  const [params] = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  // 清除条件 empties the box by drawing a new one.
  const [boxKey, setBoxKey] = useState(0);
  // `#/cases?status=MEDIATING` (from the 协议书 page) opens the ledger with that status filter.
  const [filters, setFilters] = useState<LedgerFilters>(() => {
    const status = params.get('status');
    return status && (CASE_STATES as readonly string[]).includes(status)
      ? { statuses: [status as CaseState] }
      : {};
  });
  const [page, setPage] = useState(1);
  // The first page's query leaves with the first render, while the table and filter bar mount.
  const searchCases = useEarlyRequest(() => searchInput(filters, query, page), sendSearch);
  // The exact total of a search, asked once typing pauses (count-after-pause.ts).
  // Made once (lazy state), not a throwaway pair on every render.
  const [counting] = useState(latestOnly);
  const [pause] = useState(() => countAfterPause());
  // The search being shown or asked for, for a query typed next to leave before the render.
  const asked = useRef({ filters, query, page });
  asked.current = { filters, query, page };
  // A typed query leaves in the box's own task (the effect below takes the request on its way):
  // through state, render and effect it left a frame or more later.
  const onQuery = useCallback(
    (text: string) => {
      const now = asked.current;
      // A key drops the count still waiting or running: its answer would be the old query's.
      pause.typed();
      counting.cancel();
      if (text === now.query && now.page === 1) return;
      searchCases.ahead(searchInput(now.filters, text, 1));
      // asked already: the clear button reports '' twice (its change and its search) before
      // the page renders again
      asked.current = { ...now, query: text, page: 1 };
      setQuery(text);
      setPage(1);
    },
    [searchCases, pause, counting],
  );
  // The page of rows on screen, with the search it answers (its count key and text).
  const [shown, setShown] = useState<Shown | null>(null);
  const rows = shown?.page.rows;
  const pageSize = shown?.page.pageSize ?? LEDGER_PAGE_SIZE;
  const firstTotal = shown?.page.total ?? 0;
  const firstTotalIsExact = shown?.page.totalIsExact ?? true;
  const [error, setError] = useState<unknown>(null);
  const { mediators } = useMediators(true);

  // The spinner shows only for a search slower than SPINNER_DELAY_MS: a quick answer then redraws
  // the table once (its new rows), not three times (spinner on, rows, spinner off).
  const [slow, setSlow] = useState(false);
  const spinnerTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = useRef(
    latestOnly((pending) => {
      clearTimeout(spinnerTimer.current);
      if (pending) spinnerTimer.current = setTimeout(() => setSlow(true), SPINNER_DELAY_MS);
      else setSlow(false);
    }),
  ).current;
  // The first answer counts up to 1,000 matches (fast); the exact total follows, so the pager
  // shows the real number and reaches every page.
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const countKey = JSON.stringify([filters, query.trim()]);
  useEffect(() => {
    const input = searchInput(filters, query, page);
    pause.cancel();
    search.run(
      () => searchCases(input),
      (found) => {
        setShown((before) => ({
          page: before ? { ...found, rows: keepSameRows(before.page.rows, found.rows) } : found,
          key: countKey,
          text: query.trim(),
        }));
        setError(null);
        if (found.totalIsExact) {
          counting.cancel();
          setCounted({ key: countKey, total: found.total });
        } else if (counted?.key !== countKey) {
          // Paging within the same search keeps the count it already has.
          pause.whenQuiet(() =>
            counting.run(
              () => api('cases.search', { ...input, exactTotal: true }),
              (all) => setCounted({ key: countKey, total: all.total }),
              () => undefined,
            ),
          );
        }
      },
      setError,
    );
    // `counted` is read, not watched: a new count must not search again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, filters, page, search, counting, pause, countKey, searchCases]);
  useEffect(
    () => () => {
      search.cancel();
      counting.cancel();
      pause.cancel();
      clearTimeout(spinnerTimer.current);
    },
    [search, counting, pause],
  );

  useEffect(() => writeSearchQuietly(query), [query]);

  const filter = useCallback((patch: LedgerFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  }, []);

  // Sorting only: the pager is drawn apart from the table (below).
  const onTableChange = useCallback<NonNullable<TableProps<LedgerRow>['onChange']>>(
    (_pagination, _filters, sorter) => {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const sort = one?.order ? SORT_BY_COLUMN[String(one.columnKey)] : undefined;
      setFilters((f) => ({
        ...f,
        sort: sort ?? 'ACCEPTED_DATE',
        direction: one?.order === 'ascend' ? 'ASC' : 'DESC',
      }));
    },
    [],
  );

  // The row element gets its case, so an unchanged case's row is not drawn again (LedgerTableParts).
  const onRow = useCallback(
    (row: LedgerRow) => {
      const props: LedgerRowProps = {
        onClick: () => void navigate(`/cases/${row.id}`),
        ledgerRow: row,
      };
      return { ...props, 'data-testid': `ledger-row-${row.id}` };
    },
    [navigate],
  );

  // Built only when what they show changes: a keystroke re-renders the search box alone.
  const filterBar = useMemo(
    () => (
      <LedgerFilterBar
        filters={filters}
        mediators={mediators}
        filter={filter}
        onClear={() => {
          setFilters({});
          setQuery('');
          setBoxKey((k) => k + 1);
          setPage(1);
        }}
      />
    ),
    [filters, mediators, filter],
  );
  const exactTotal = shown !== null && counted?.key === shown.key ? counted.total : null;
  // Built from the rows it shows, not from the answer: an answer with the same rows (kept by
  // keepSameRows) does not render the table at all. The pager is not the table's own: antd's
  // Table redraws every row for a new total, which the exact count brings after the first page.
  const table = useMemo(
    () => (
      <Table<LedgerRow>
        rowKey="id"
        size="middle"
        columns={COLUMNS}
        dataSource={rows ?? []}
        locale={EMPTY_LOCALE}
        onChange={onTableChange}
        components={LEDGER_TABLE_PARTS}
        rowHoverable={false}
        rowClassName={rowClassName}
        onRow={onRow}
        pagination={false}
      />
    ),
    [rows, onTableChange, onRow],
  );
  const total = exactTotal ?? firstTotal;
  // Built when what it shows changes (page, total, wording): an answer that changes only the rows
  // does not draw the pager again. Not `responsive`: antd's responsive pager subscribes to the
  // window's breakpoints when it mounts and draws itself again at once (a second commit of the
  // results for the answer that brought the first rows); a desktop window never needs its
  // phone-sized variant.
  const totalText =
    exactTotal !== null ? t.total(exactTotal, true) : t.total(firstTotal, firstTotalIsExact);
  const pager = useMemo(
    () =>
      total > 0 ? (
        <Pagination
          align="end"
          style={PAGER_STYLE}
          current={page}
          pageSize={pageSize}
          total={total}
          showSizeChanger={false}
          showQuickJumper
          responsive={false}
          showTotal={() => totalText}
          onChange={setPage}
        />
      ) : null,
    [page, pageSize, total, totalText],
  );
  // The page renders for a keystroke, the mediators' answer or the spinner too: the results are
  // drawn only when their rows, pager or query change, so one answer is one drawing of them.
  const shownText = shown?.text ?? '';
  const results = useMemo(
    () => (
      <div data-testid="ledger-results" data-shown-query={shownText}>
        {table}
        {pager}
      </div>
    ),
    [shownText, table, pager],
  );
  const searchBox = useMemo(
    () => <LedgerSearchBox key={boxKey} initial={query} onQuery={onQuery} />,
    // `query` is the box's starting text only: the box itself reports later changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [boxKey, onQuery],
  );
  const newCase = useMemo(
    () => (
      <Button type="primary" onClick={() => void navigate('/intake')}>
        {t.newCase}
      </Button>
    ),
    [navigate],
  );

  return (
    <Card title={t.title} extra={newCase}>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        {searchBox}
        {filterBar}
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        {/* Around the table, not the Table's own `loading`: turning it on and off for a slow
            search then redraws the spinner alone, not every row. */}
        <Spin spinning={slow}>{results}</Spin>
      </Space>
    </Card>
  );
}

// Named in production builds too, where the React DevTools hook (and the e2e's render count) sees it.
LedgerPage.displayName = 'LedgerPage';
