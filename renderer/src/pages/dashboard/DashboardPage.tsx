import { Card, Col, Flex, Row, Spin, Statistic, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ApiInput } from '../../../../domain/api/contract';
import type { LedgerRow } from '../../../../domain/cases/case-views';
import { api } from '../../api/client';
import { bootRequests } from '../../app/boot-requests';
import { prefetchLedgerPage } from '../../app/lazy-pages';
import { useDesk } from '../../desk/desk-context';
import { prefetchWhenIdle } from '../../app/prefetch-when-idle';
import { useMayCall } from '../../desk/use-may-call';
import { BackupHealthAlert } from '../../components/BackupHealthAlert';
import { ErrorPanel } from '../../components/ErrorPanel';
import { RiskTag } from '../../components/RiskTag';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { useEarlyRequest } from '../../hooks/use-early-request';
import { uiText } from '../../i18n/zh-CN';
import { CappedList, CappedListItem } from './CappedList';
import { RemindersCard } from './RemindersCard';
import { WeekCalendar } from './WeekCalendar';
import { PlainTitle, PlainText } from '../../components/PlainTypography';

const t = uiText.dashboard;

const sendDashboard = (input: ApiInput<'dashboard.get'>) => api('dashboard.get', input);

// The rows and the board are laid out with Flex, not Space: Space wraps every child in a div of
// its own, about half of a row's elements (issue 13, the 工作台 reload's elements drawn).
function CaseLine({ row, testId }: { row: LedgerRow; testId: string }) {
  return (
    <CappedListItem testId={testId}>
      <Flex vertical gap={2} style={{ width: '100%' }}>
        <Link to={`/cases/${row.id}`}>
          {row.caseNumber ?? t.unnumbered} {row.title}
        </Link>
        <Flex gap={4} wrap>
          <RiskTag level={row.riskLevel} />
          <StatusTag status={row.status} />
          {row.dueDate ? (
            <Tag color={row.overdue ? 'red' : 'orange'}>{t.dueOn(row.dueDate)}</Tag>
          ) : null}
        </Flex>
      </Flex>
    </CappedListItem>
  );
}

export function DashboardPage() {
  const may = useMayCall();
  const { session } = useDesk();
  // The window's first 工作台 takes the board the entry module asked for this very session
  // (app/boot-requests.ts), drawn at once if it has come. Otherwise it is sent with the first
  // render, ahead of the cards' requests (their effects run before this page's): the core
  // answers one at a time, and the board is what the desk waits for.
  const [boot] = useState(() => bootRequests()?.takeBoard(session) ?? null);
  const sendBoard = useEarlyRequest(() => ({}), sendDashboard, boot?.answer);
  const load = useCallback(() => sendBoard({}), [sendBoard]);
  const { value: board, error, reload } = useApiValue(load, boot?.value);
  // Once the board is on screen, the ledger's chunk loads while the person reads it: the first
  // click on 案件台账 then waits for its rows only, not for its scripts.
  const shown = board !== undefined;
  const mayOpenLedger = may('cases.search');
  useEffect(() => {
    return shown && mayOpenLedger ? prefetchWhenIdle(prefetchLedgerPage) : undefined;
  }, [shown, mayOpenLedger]);
  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  // The reminders and the week are drawn (and asked for) at once, beside the board's own
  // request: drawn only under the board, their requests waited for the board's answer.
  const cards = (
    <>
      <BackupHealthAlert />
      {may('reminders.get') ? <RemindersCard /> : null}
      {may('calendar.week') ? <WeekCalendar /> : null}
    </>
  );
  if (!board)
    return (
      <Flex vertical gap={16}>
        <PlainTitle level={3} style={{ margin: 0 }}>
          {t.title}
        </PlainTitle>
        {cards}
        <Spin />
      </Flex>
    );
  const month = board.month;

  return (
    <Flex vertical gap={16}>
      <PlainTitle level={3} style={{ margin: 0 }}>
        {t.title}
        <PlainText type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
          {t.today(board.today)}
        </PlainText>
      </PlainTitle>
      {cards}
      <Card title={t.month(month.month)} size="small" data-testid="dashboard-month">
        <Row gutter={16}>
          <Col span={4}>
            <Statistic title={t.intake} value={month.intake} suffix={t.unit} />
          </Col>
          <Col span={4}>
            <Statistic title={t.accepted} value={month.accepted} suffix={t.unit} />
          </Col>
          <Col span={4}>
            <Statistic title={t.settled} value={month.settled} suffix={t.unit} />
          </Col>
          <Col span={4}>
            <Statistic
              title={t.overdue}
              value={board.overdueCount}
              suffix={t.unit}
              styles={{ content: board.overdueCount > 0 ? { color: '#cf1322' } : {} }}
            />
          </Col>
          <Col span={8}>
            <PlainText type="secondary">{t.byCategory}</PlainText>
            <div>
              {month.byCategory.map((c) => (
                <Tag key={c.category} style={{ marginTop: 4 }}>
                  {c.label} {c.count}
                </Tag>
              ))}
            </div>
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col span={8}>
          <Card
            title={t.overdue}
            size="small"
            data-testid="dashboard-overdue"
            extra={
              board.overdueCount > board.overdue.length
                ? t.overdueMore(board.overdue.length, board.overdueCount)
                : undefined
            }
          >
            <CappedList
              items={board.overdue}
              emptyText={t.noOverdue}
              testId="dashboard-overdue"
              renderItem={(row) => <CaseLine row={row} testId={`overdue-${row.id}`} />}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card title={t.todaySessions} size="small" data-testid="dashboard-today">
            <CappedList
              items={board.todaySessions}
              emptyText={t.noSessions}
              testId="dashboard-today"
              renderItem={(s) => (
                <CappedListItem>
                  <Flex vertical gap={2}>
                    <Link to={`/cases/${s.caseId}`}>
                      {s.caseNumber ?? t.unnumbered} {s.title}
                    </Link>
                    <PlainText type="secondary">
                      {t.sessionLine(s.sessionNo, formatDateTime(s.startAt).slice(11), s.place)}
                    </PlainText>
                  </Flex>
                </CappedListItem>
              )}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card title={t.dueSoon} size="small" data-testid="dashboard-due-soon">
            <CappedList
              items={board.dueSoon}
              emptyText={t.noDueSoon}
              testId="dashboard-due-soon"
              renderItem={(row) => <CaseLine row={row} testId={`due-soon-${row.id}`} />}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
