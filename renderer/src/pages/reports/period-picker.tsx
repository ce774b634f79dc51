import { DatePicker, Segmented, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaNow } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import type { PeriodKind } from './period-key';

const t = uiText.reports;

/**
 * 月报 / 季报 / 半年报 / 年报 and the period itself; periods that have not started cannot be
 * picked. A half-year is a year plus 上半年/下半年 (antd has no half-year picker).
 */
export function PeriodPicker(props: {
  kind: PeriodKind;
  date: Dayjs;
  onChange: (kind: PeriodKind, date: Dayjs) => void;
}) {
  const picker =
    props.kind === 'YEAR' || props.kind === 'HALF_YEAR'
      ? 'year'
      : props.kind === 'QUARTER'
        ? 'quarter'
        : 'month';
  const half = props.date.month() < 6 ? 1 : 2;
  return (
    <Space>
      <Segmented
        data-testid="period-kind"
        value={props.kind}
        options={(['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'] as const).map((k) => ({
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
        disabledDate={(d) => d.isAfter(chinaNow(), 'day')}
        onChange={(d) => {
          if (d)
            props.onChange(
              props.kind,
              props.kind === 'HALF_YEAR' ? d.month(half === 1 ? 0 : 6) : d,
            );
        }}
      />
      {props.kind === 'HALF_YEAR' ? (
        <Select
          data-testid="period-half"
          aria-label={t.periodKind.HALF_YEAR}
          value={half}
          options={([1, 2] as const).map((h) => ({
            value: h,
            label: t.halves[h],
            disabled: props.date
              .month(h === 1 ? 0 : 6)
              .startOf('month')
              .isAfter(chinaNow()),
          }))}
          onChange={(h) => props.onChange(props.kind, props.date.month(h === 1 ? 0 : 6))}
        />
      ) : null}
    </Space>
  );
}
