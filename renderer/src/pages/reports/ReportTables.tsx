import { Table } from 'antd';
import type { ReportRow, StatisticsReport } from '../../../../domain/statistics/compute-report';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.reports;

function fmt(v: number | null, unit: string): string {
  if (v === null) return '—';
  return unit === '万元' || unit === '%' ? v.toFixed(2) : String(v);
}

type Row = ReportRow & { key: string };

/** The 41-column table and the category table, as the xlsx has them. */
export function ReportTables({ report }: { report: StatisticsReport }) {
  const orgRows: Row[] = [...report.organisationRows, report.organisationTotal].map((r, i) => ({
    ...r,
    key: `o${i}`,
  }));
  const catRows: Row[] = [...report.categoryRows, report.categoryTotal].map((r, i) => ({
    ...r,
    key: `c${i}`,
  }));
  return (
    <>
      <h4>{t.organisationTable}</h4>
      <div data-testid="organisation-table">
        <Table<Row>
          size="small"
          bordered
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={orgRows}
          columns={[
            { title: '调解组织', dataIndex: 'label', fixed: 'left', width: 150 },
            ...report.columns.map((c, i) => ({
              title: `${c.no} ${c.label}`,
              key: String(c.no),
              width: 64,
              align: 'right' as const,
              render: (_: unknown, r: Row) => fmt(r.values[i] ?? null, c.unit),
            })),
          ]}
        />
      </div>
      <h4 style={{ marginTop: 16 }}>{t.categoryTable}</h4>
      <div data-testid="category-table">
        <Table<Row>
          size="small"
          bordered
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={catRows}
          columns={[
            {
              title: '纠纷类型',
              dataIndex: 'label',
              width: 200,
              render: (label: string, r: Row) =>
                r.sub ? <span style={{ paddingLeft: 16 }}>{label}</span> : label,
            },
            ...report.categoryMeasures.map((m, i) => ({
              title: `${m.label}（${m.unit}）`,
              key: m.label,
              align: 'right' as const,
              render: (_: unknown, r: Row) => fmt(r.values[i] ?? null, m.unit),
            })),
          ]}
        />
      </div>
      <h4 style={{ marginTop: 16 }}>{t.indicators}</h4>
      <div data-testid="indicator-table">
        <Table<StatisticsReport['indicators'][number]>
          size="small"
          bordered
          pagination={false}
          rowKey="id"
          dataSource={report.indicators.map((ind) => ({ ...ind }))}
          columns={[
            {
              title: t.indicator,
              key: 'label',
              render: (_: unknown, ind) => `${ind.label}（${ind.unit}）`,
            },
            {
              title: t.value,
              key: 'value',
              align: 'right',
              render: (_: unknown, ind) => fmt(ind.value, ind.unit),
            },
          ]}
        />
      </div>
    </>
  );
}
