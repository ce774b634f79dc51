import { DatePicker, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { uiText } from '../../i18n/zh-CN';

export type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR';
const t = uiText.reports;

export function periodKey(kind: PeriodKind, d: Dayjs): string {
  if (kind === 'YEAR') return d.format('YYYY');
  if (kind === 'QUARTER') return `${d.format('YYYY')}-Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYY-MM');
}

/** 月报 / 季报 / 年报 and the period itself; periods that have not started cannot be picked. */
export function PeriodPicker(props: {
  kind: PeriodKind;
  date: Dayjs;
  onChange: (kind: PeriodKind, date: Dayjs) => void;
}) {
  const picker = props.kind === 'YEAR' ? 'year' : props.kind === 'QUARTER' ? 'quarter' : 'month';
  return (
    <Space>
      <Segmented
        data-testid="period-kind"
        value={props.kind}
        options={(['MONTH', 'QUARTER', 'YEAR'] as const).map((k) => ({
          value: k,
          label: t.periodKind[k],
        }))}
        onChange={(k) => props.onChange(k, props.date)}
      />
      <DatePicker
        data-testid="period-picker"
        aria-label={t.period}
        picker={picker}
        value={props.date}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(d) => {
          if (d) props.onChange(props.kind, d);
        }}
      />
    </Space>
  );
}
