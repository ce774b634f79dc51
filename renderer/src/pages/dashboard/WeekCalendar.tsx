import { Button, Card, Col, Flex, Row, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { CalendarItem, CalendarItemKind } from '../../../../domain/followups/followup-views';
import { addDaysIso } from '../../../../domain/followups/followup-schedule';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { useCappedItems } from './CappedList';
import { PlainText } from '../../components/PlainTypography';

const t = uiText.followUps.calendar;

const KIND_COLOURS: Readonly<Record<CalendarItemKind, string>> = {
  SESSION: 'blue',
  VISIT: 'green',
  CASE_DUE: 'orange',
  CONFIRMATION_DEADLINE: 'purple',
  COURT_DEADLINE: 'red',
};

/** A busy day shows this many and 另有 N 件 for the rest: a week could draw 500 links at once. */
export const CALENDAR_DAY_CAP = 6;

/** One day's column: the first few items, the rest behind the same toggle as the 工作台 lists. */
function DayItems({ items, date }: { items: readonly CalendarItem[]; date: string }) {
  const { shown, all, hidden, toggle } = useCappedItems(items, CALENDAR_DAY_CAP);
  return (
    <Flex vertical gap={4} style={{ marginTop: 4 }}>
      {items.length === 0 ? <PlainText type="secondary">{t.nothing}</PlainText> : null}
      {shown.map((it, k) => (
        <Link
          key={`${it.kind}-${it.caseId}-${k}`}
          to={`/cases/${it.caseId}`}
          title={it.label}
          style={{ display: 'block', fontSize: 12, lineHeight: 1.4 }}
        >
          <Tag color={KIND_COLOURS[it.kind]} style={{ marginRight: 4 }}>
            {it.time ?? t.kinds[it.kind]}
          </Tag>
          {it.caseNumber ?? it.title}
        </Link>
      ))}
      {hidden > 0 ? (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', fontSize: 12 }}
          data-testid={`calendar-day-${date}-show-all`}
          onClick={toggle}
        >
          {all ? uiText.dashboard.showFewer : t.more(hidden)}
        </Button>
      ) : null}
    </Flex>
  );
}

/** Sessions, planned visits and deadlines of one week, Monday to Sunday. */
export function WeekCalendar() {
  const today = chinaToday();
  const [day, setDay] = useState(today);
  const load = useCallback(() => api('calendar.week', { day }), [day]);
  const { value, error, reload } = useApiValue(load);
  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  return (
    <Card
      title={t.title}
      size="small"
      data-testid="dashboard-calendar"
      loading={!value}
      extra={
        <Space>
          <Button size="small" onClick={() => setDay(addDaysIso(day, -7))}>
            {t.prev}
          </Button>
          <Button size="small" onClick={() => setDay(today)}>
            {t.thisWeek}
          </Button>
          <Button size="small" onClick={() => setDay(addDaysIso(day, 7))}>
            {t.next}
          </Button>
        </Space>
      }
    >
      <Row gutter={8} wrap={false}>
        {(value?.days ?? []).map((d, i) => (
          <Col
            key={d.date}
            flex="1 1 0"
            style={{
              minWidth: 0,
              borderRadius: 4,
              padding: 6,
              background: d.date === today ? '#e6f4ff' : '#fafafa',
            }}
            data-testid={`calendar-day-${d.date}`}
          >
            <PlainText strong>
              {t.weekdays[i]} {d.date.slice(5)}
            </PlainText>
            <DayItems items={d.items} date={d.date} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
