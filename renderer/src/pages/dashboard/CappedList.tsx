import { Button, List } from 'antd';
import { useState, type ReactNode } from 'react';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.dashboard;
/** What fits the card without scrolling; the rest waits for 查看全部. */
export const DASHBOARD_LIST_CAP = 8;

/**
 * A 工作台 list that renders its first few items and the rest on request: with a long overdue
 * list the whole board took half a second to render, for items nobody saw without scrolling.
 */
export function CappedList<T>({
  items,
  emptyText,
  renderItem,
  testId,
}: {
  items: readonly T[];
  emptyText: string;
  renderItem: (item: T) => ReactNode;
  testId: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, DASHBOARD_LIST_CAP);
  return (
    <>
      <List dataSource={[...shown]} locale={{ emptyText }} renderItem={renderItem} />
      {items.length > DASHBOARD_LIST_CAP ? (
        <Button type="link" data-testid={`${testId}-show-all`} onClick={() => setAll((v) => !v)}>
          {all ? t.showFewer : t.showAll(items.length)}
        </Button>
      ) : null}
    </>
  );
}
