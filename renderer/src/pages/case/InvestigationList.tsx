import { Button, Card, Empty, Typography } from 'antd';
import type {
  CaseDetail,
  InvestigationRecord,
  Mediator,
} from '../../../../domain/cases/case-views';
import { investigatedPersonDetail } from '../../../../domain/cases/record-inputs';
import { formatDateTime } from '../../forms/date-field';
import { mediatorNames } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.investigation;

/** The case's 调查记录, oldest first; each can be corrected while the case is open. */
export function InvestigationList({
  detail,
  mediators,
  onEdit,
}: {
  detail: CaseDetail;
  mediators: readonly Mediator[];
  onEdit?: ((record: InvestigationRecord) => void) | undefined;
}) {
  if (detail.investigations.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />;
  }
  return (
    <>
      {detail.investigations.map((r, i) => (
        <Card
          key={r.id}
          size="small"
          style={{ marginBottom: 8 }}
          data-testid={`investigation-${i + 1}`}
          title={t.heading(formatDateTime(r.at), r.place)}
          extra={
            onEdit ? (
              <Button size="small" type="link" onClick={() => onEdit(r)}>
                {t.edit}
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t.persons}：
            {r.investigatedPersons
              .map((p) => {
                const detailText = investigatedPersonDetail(p);
                return detailText ? `${p.name}（${detailText}）` : p.name;
              })
              .join('；')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 4 }} type="secondary">
            {t.meta(mediatorNames(mediators, r.investigatorIds), r.recorder)}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {r.content}
          </Typography.Paragraph>
        </Card>
      ))}
    </>
  );
}
