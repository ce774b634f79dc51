import { Button } from 'antd';
import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';
import { deskTheme } from '../../app/desk-theme';
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

// antd's List with its own class names: the static stylesheet draws it the same, without List's
// machinery (a Spin, the grid's breakpoints, the pager: its chunk and Select's loaded with the
// entry) on the 工作台's first frame (issue 13).
const themeClass = deskTheme.cssVar.key;

/** One row of a `CappedList`, drawn as antd's `List.Item` is. */
export function CappedListItem({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <li className="ant-list-item" data-testid={testId}>
      {children}
    </li>
  );
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
  /** Each item as a `CappedListItem`. */
  renderItem: (item: T) => ReactNode;
  testId: string;
  size?: 'small';
  style?: CSSProperties;
}) {
  const { shown, all, hidden, toggle } = useCappedItems(items);
  return (
    <>
      <div
        className={`ant-list${size === 'small' ? ' ant-list-sm' : ''} ant-list-split ${themeClass}`}
        style={style}
      >
        <div className={`ant-spin ${themeClass}`}>
          <div className="ant-spin-container">
            {shown.length > 0 ? (
              <ul className={`ant-list-items ant-list-container ${themeClass}`}>
                {shown.map((item, i) => (
                  // keyed by place, as antd's List keys its rows without a rowKey
                  <Fragment key={i}>{renderItem(item)}</Fragment>
                ))}
              </ul>
            ) : (
              <div className="ant-list-empty-text">{emptyText}</div>
            )}
          </div>
        </div>
      </div>
      {hidden > 0 ? (
        <Button type="link" data-testid={`${testId}-show-all`} onClick={toggle}>
          {all ? t.showFewer : t.showAll(items.length)}
        </Button>
      ) : null}
    </>
  );
}
