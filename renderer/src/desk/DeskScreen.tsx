import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SubmitRefusal } from '../forms/use-schema-submit';

/**
 * The frame of every gate screen: one card in an otherwise empty window, headed by the room's
 * name when the screen may show it (sign-in, lock: whose desk this is, nothing of any case).
 */
export function DeskScreen({
  title,
  testId,
  roomName = null,
  children,
}: {
  title: string;
  testId: string;
  roomName?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="desk-screen" data-testid={testId}>
      <Card style={{ width: 520 }}>
        {roomName ? (
          <Typography.Text type="secondary" data-testid="desk-room-name">
            {roomName}
          </Typography.Text>
        ) : null}
        <Typography.Title level={3}>{title}</Typography.Title>
        {children}
      </Card>
    </div>
  );
}

/** What the server refused that no field shows (wrong password, back-off seconds, a state). */
export function DeskRefusal({ refusal }: { refusal: SubmitRefusal | null }) {
  return refusal ? (
    <Alert
      type="error"
      showIcon
      data-testid="desk-refusal"
      title={refusal.message}
      style={{ marginBottom: 16 }}
    />
  ) : null;
}
