import { Alert, List, Typography } from 'antd';
import type { RestorePreview } from '../../../../domain/api/system-contract';
import { chinaTimeText } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.storage.loss;

/** What a restore would throw away, case by case, so nobody restores blind. */
export function RestoreLossView({ preview }: { preview: RestorePreview }) {
  const lost = preview.lostCases;
  if (lost === null) {
    return <Alert type="warning" showIcon title={t.unknown} data-testid="restore-loss" />;
  }
  const changed = preview.changedCases ?? 0;
  return (
    <div data-testid="restore-loss">
      <Typography.Text strong>{t.title}</Typography.Text>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t.lostCases(lost.count)}
      </Typography.Paragraph>
      {lost.count > 0 ? (
        <List
          size="small"
          bordered
          dataSource={[...lost.sample]}
          renderItem={(c) => (
            <List.Item>
              {c.caseNumber ?? t.unnumbered} {c.title}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {chinaTimeText(c.createdAt)}
              </Typography.Text>
            </List.Item>
          )}
          footer={lost.count > lost.sample.length ? t.more(lost.count) : undefined}
        />
      ) : null}
      {changed > 0 ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t.changedCases(changed)}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
