import type { CSSProperties, ReactNode } from 'react';
import { deskTheme } from '../app/desk-theme';

// antd's Typography.Title and Typography.Text markup (its own class names, as antd renders them
// for the desk's theme), for the shell and the 工作台, which the window draws first: Typography
// imports its editable mode (Input, TextArea, the form context) and those chunks were loaded and
// evaluated with the entry on every reload (issue 13). The static stylesheet draws these the same.
// No ellipsis, copy or edit here: a place that needs them uses antd's Typography.
const themeClass = deskTheme.cssVar.key;

/** `Typography.Title` as antd draws it. */
export function PlainTitle({
  level,
  style,
  children,
}: {
  level: 1 | 2 | 3 | 4 | 5;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const Heading = `h${level}` as const;
  return (
    <Heading className={`ant-typography ${themeClass}`} style={style}>
      {children}
    </Heading>
  );
}

/** `Typography.Text` (plain, `type="secondary"` or `strong`) as antd draws it. */
export function PlainText({
  type,
  strong,
  style,
  children,
}: {
  type?: 'secondary';
  strong?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <span
      className={`ant-typography${type ? ` ant-typography-${type}` : ''} ${themeClass}`}
      style={style}
    >
      {strong ? <strong>{children}</strong> : children}
    </span>
  );
}
