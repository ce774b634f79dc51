import { Timeline, Typography } from 'antd';
import { actionLabelOf, stateLabelOf, type CaseAction } from '../../../../domain/case-lifecycle';
import type { CaseDetail, StatusHistoryEntry } from '../../../../domain/cases/case-views';
import type { ChangeSetView } from '../../../../domain/cases/change-history';
import { SESSION_RESULT_LABELS } from '../../../../domain/cases/record-inputs';
import * as advisedRoutes from '../../../../domain/taxonomy/advised-routes';
import * as referralTargets from '../../../../domain/taxonomy/referral-targets';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.case;

interface Item {
  /** Local `YYYY-MM-DDTHH:mm`, so entries of every kind sort on one clock. */
  readonly sortKey: string;
  readonly when: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly colour: string;
}

type DataKey = keyof typeof t.eventData;
const isDataKey = (k: string): k is DataKey => Object.hasOwn(t.eventData, k);

function dataValue(key: DataKey, value: unknown, detail: CaseDetail): string {
  if (key === 'advisedRoute' && typeof value === 'string') {
    return advisedRoutes.labelOf(value as advisedRoutes.Code);
  }
  if (key === 'advisedRoutes' && Array.isArray(value)) {
    return value.map((v) => advisedRoutes.labelOf(v as advisedRoutes.Code)).join('、');
  }
  if (key === 'target' && typeof value === 'string') {
    return referralTargets.labelOf(value as referralTargets.Code);
  }
  if (key === 'refusedBy') {
    if (value === 'ALL') return t.refusedByAll;
    return detail.parties.find((p) => p.id === value)?.name ?? String(value);
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** History entries that are not lifecycle transitions, with their own titles. */
const OWN_EVENTS = [
  'CREATE',
  'VOID_NUMBER',
  'FOLLOW_UP_VISIT',
  'EXTEND_DUE',
  'JUDICIAL_CONFIRMATION',
] as const;

function historyItem(entry: StatusHistoryEntry, detail: CaseDetail): Item {
  const local = chinaDateTime(entry.at);
  const own = OWN_EVENTS.find((e) => e === entry.action);
  const title = own !== undefined ? t.event[own] : actionLabelOf(entry.action as CaseAction);
  const lines = Object.entries(entry.data)
    .filter(([k]) => isDataKey(k))
    .map(([k, v]) => `${t.eventData[k as DataKey]}：${dataValue(k as DataKey, v, detail)}`);
  const states =
    entry.fromState && entry.fromState !== entry.toState
      ? t.eventStates(stateLabelOf(entry.fromState), stateLabelOf(entry.toState))
      : stateLabelOf(entry.toState);
  return {
    sortKey: local,
    when: formatDateTime(local),
    title: `${title}（${states}）`,
    lines,
    colour: 'blue',
  };
}

/** A correction: who changed which fields, why, old → new (ID numbers arrive masked). */
function changeItem(change: ChangeSetView): Item {
  const local = chinaDateTime(change.at);
  return {
    sortKey: local,
    when: formatDateTime(local),
    title: t.edit.historyTitle(change.subject, change.actionLabel),
    lines: [
      ...change.fields.map((f) => t.edit.historyLine(f.label, f.oldText, f.newText)),
      ...(change.reason ? [t.edit.historyReason(change.reason)] : []),
      ...change.confirmations.map((c) => t.edit.historyConfirmed(c)),
      change.actor,
    ],
    colour: 'orange',
  };
}

export function timelineItems(detail: CaseDetail, changes: readonly ChangeSetView[] = []): Item[] {
  // Corrections last: the sort is stable, so a correction made in the same minute as the
  // event it corrects is listed after it.
  const items: Item[] = [
    ...detail.timeline.map((e) => historyItem(e, detail)),
    ...detail.sessions.map((s) => ({
      sortKey: s.startAt,
      when: formatDateTime(s.startAt),
      title: `${t.event.session(s.sessionNo)}（${SESSION_RESULT_LABELS[s.result]}）`,
      lines: [s.place],
      colour: 'green',
    })),
    ...detail.investigations.map((i) => ({
      sortKey: i.at,
      when: formatDateTime(i.at),
      title: t.event.investigation,
      lines: [i.place, i.investigatedPersons.map((p) => p.name).join('、')],
      colour: 'cyan',
    })),
    ...detail.referrals.map((r) => ({
      sortKey: `${r.referredDate}T23:59`,
      when: r.referredDate,
      title: `${t.event.referral}：${referralTargets.labelOf(r.target)}`,
      lines: [r.reason, ...(r.feedback ? [t.referralFeedback(r.feedback)] : [])],
      colour: 'purple',
    })),
    // The history arrives newest first; the timeline reads oldest first, so within one minute
    // a corrected name comes before the generated title that followed it.
    ...[...changes].reverse().map(changeItem),
  ];
  return items.sort((a, b) => a.sortKey.localeCompare(b.sortKey));
}

export function CaseTimeline({
  detail,
  changes = [],
}: {
  detail: CaseDetail;
  changes?: readonly ChangeSetView[];
}) {
  const items = timelineItems(detail, changes);
  if (items.length === 0)
    return <Typography.Text type="secondary">{t.timelineEmpty}</Typography.Text>;
  return (
    <Timeline
      data-testid="case-timeline"
      items={items.map((item, i) => ({
        key: i,
        color: item.colour,
        content: (
          <>
            <Typography.Text strong>{item.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {item.when}
            </Typography.Text>
            {item.lines
              .filter((l) => l !== '')
              .map((line, n) => (
                <div key={`${n}:${line}`}>{line}</div>
              ))}
          </>
        ),
      }))}
    />
  );
}
