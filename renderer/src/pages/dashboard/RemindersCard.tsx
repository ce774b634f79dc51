import { Card, Flex, Tag } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router';
import type { ReminderStage } from '../../../../domain/followups/followup-views';
import { REMINDER_STAGE_LABELS } from '../../../../domain/followups/reminder-stage';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { CappedList, CappedListItem } from './CappedList';
import { PlainText } from '../../components/PlainTypography';

const t = uiText.followUps;

const STAGE_COLOURS: Readonly<Record<ReminderStage, string>> = {
  OVERDUE: 'red',
  TODAY: 'volcano',
  D1: 'orange',
  D3: 'gold',
  D7: 'blue',
};

/**
 * Overdue first, then what falls due in 1, 3 and 7 days (§4.3): visits, case due dates, 司法确认
 * and the court's deadline of a delegated case. Up to 300 come back; the first few are drawn and
 * the rest after 查看全部 (drawing all of them was the 工作台 reload's longest task).
 */
export function RemindersCard() {
  const load = useCallback(() => api('reminders.get', {}), []);
  const { value, error, reload } = useApiValue(load);
  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  const items = value?.items ?? [];
  return (
    <Card
      title={t.reminders.title}
      size="small"
      data-testid="dashboard-reminders"
      loading={!value}
      extra={
        value && value.total > items.length
          ? t.reminders.more(items.length, value.total)
          : undefined
      }
    >
      <CappedList
        items={items}
        testId="reminders"
        size="small"
        emptyText={t.reminders.none}
        style={{ maxHeight: 320, overflowY: 'auto' }}
        renderItem={(r) => (
          <CappedListItem testId={`reminder-${r.kind}-${r.caseId}`}>
            <Flex gap={8} wrap align="center">
              <Tag color={STAGE_COLOURS[r.stage]}>{REMINDER_STAGE_LABELS[r.stage]}</Tag>
              <PlainText>{r.date}</PlainText>
              <Link to={r.kind === 'VISIT' ? '/follow-ups' : `/cases/${r.caseId}`}>
                {r.caseNumber ?? uiText.dashboard.unnumbered} {r.title}
              </Link>
              <PlainText type="secondary">{r.label}</PlainText>
            </Flex>
          </CappedListItem>
        )}
      />
    </Card>
  );
}
