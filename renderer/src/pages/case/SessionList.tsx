import { Button, Card, Empty, Typography } from 'antd';
import type { CaseDetail, Mediator, SessionRecord } from '../../../../domain/cases/case-views';
import { RECORD_MODE_LABELS, SESSION_RESULT_LABELS } from '../../../../domain/cases/record-inputs';
import * as languages from '../../../../domain/taxonomy/languages';
import * as participantRoles from '../../../../domain/taxonomy/participant-roles';
import { formatDateTime } from '../../forms/date-field';
import { mediatorNames } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.case;

export function SessionList({
  detail,
  mediators,
  onEdit,
}: {
  detail: CaseDetail;
  mediators: readonly Mediator[];
  /** Offered while the mediation is open: a saved record is corrected, with history. */
  onEdit?: ((session: SessionRecord) => void) | undefined;
}) {
  if (detail.sessions.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.sessionsEmpty} />;
  }
  return (
    <>
      {detail.sessions.map((s) => (
        <Card
          key={s.id}
          size="small"
          style={{ marginBottom: 8 }}
          data-testid={`session-${s.sessionNo}`}
          title={t.sessionHeading(s.sessionNo, formatDateTime(s.startAt), s.place)}
          extra={
            <>
              {`${SESSION_RESULT_LABELS[s.result]} · ${RECORD_MODE_LABELS[s.recordMode]}`}
              {onEdit ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => onEdit(s)}
                  data-testid={`edit-session-${s.sessionNo}`}
                >
                  {uiText.session.edit}
                </Button>
              ) : null}
            </>
          }
        >
          <Typography.Paragraph style={{ marginBottom: 4 }} type="secondary">
            {t.sessionMeta(mediatorNames(mediators, s.mediatorIds), s.recorder)}
            {s.interpreter
              ? `；${t.sessionInterpreter(s.interpreter.name, languages.labelOf(s.interpreter.language))}`
              : ''}
            {s.participants.length > 0
              ? `；${t.sessionParticipants(
                  s.participants
                    .map((p) => `${p.name}（${participantRoles.labelOf(p.role)}）`)
                    .join('、'),
                )}`
              : ''}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {s.content}
          </Typography.Paragraph>
        </Card>
      ))}
    </>
  );
}
