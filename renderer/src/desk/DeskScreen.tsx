import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SubmitRefusal } from '../forms/use-schema-submit';

/** The frame of every gate screen: one card in an otherwise empty window. */
export function DeskScreen({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="desk-screen" data-testid={testId}>
      <Card style={{ width: 520 }}>
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
