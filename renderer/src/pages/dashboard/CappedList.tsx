import { Button, List } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.dashboard;
/** What fits the card without scrolling; the rest waits for 查看全部. */
export const DASHBOARD_LIST_CAP = 8;

/**
 * The first `cap` items until the person asks for all: rendering hundreds of rows nobody sees
 * without scrolling was most of the 工作台's render time. Shared by the lists and the calendar days.
 */
export function useCappedItems<T>(items: readonly T[], cap: number = DASHBOARD_LIST_CAP) {
  const [all, setAll] = useState(false);
  return {
    shown: all ? items : items.slice(0, cap),
    all,
    hidden: items.length - cap,
    toggle: () => setAll((v) => !v),
  };
}

/**
 * A 工作台 list that renders its first few items and the rest on request: with a long overdue
 * list the whole board took half a second to render, for items nobody saw without scrolling.
 */
export function CappedList<T>({
  items,
  emptyText,
  renderItem,
  testId,
  size,
  style,
}: {
  items: readonly T[];
  emptyText: string;
  renderItem: (item: T) => ReactNode;
  testId: string;
  size?: 'small';
  style?: CSSProperties;
}) {
  const { shown, all, hidden, toggle } = useCappedItems(items);
  return (
    <>
      <List
        size={size}
        style={style}
        dataSource={[...shown]}
        locale={{ emptyText }}
        renderItem={renderItem}
      />
      {hidden > 0 ? (
        <Button type="link" data-testid={`${testId}-show-all`} onClick={toggle}>
          {all ? t.showFewer : t.showAll(items.length)}
        </Button>
      ) : null}
    </>
  );
}
