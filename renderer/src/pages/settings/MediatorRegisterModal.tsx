import { Button, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { Mediator } from '../../../../domain/cases/case-views';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { FrozenPdfModal } from '../agreement/FrozenPdfModal';
import { PrintedVersionsTable } from '../agreement/PrintedVersionsTable';

const t = uiText.mediators.register;

/**
 * The mediator's 人民调解员登记表, previewed in-app. Opening it freezes it in the mediator print
 * register: the same profile opens the stored bytes again; a changed one is the next version.
 * Below: every stored version with the copies printed, as the case's 打印存档 lists them.
 */
export function MediatorRegisterModal(props: {
  readonly mediator: Mediator;
  readonly onClose: () => void;
}) {
  const mediatorId = props.mediator.id;
  // null: the form as the profile is now; a number: that stored version, exactly as printed.
  const [storedId, setStoredId] = useState<number | null>(null);
  const load = useCallback(
    (allowMissingGlyphs: boolean) =>
      storedId === null
        ? api('mediators.registerForm', { mediatorId, allowMissingGlyphs })
        : api('mediators.printed', { mediatorPrintedId: storedId }),
    [mediatorId, storedId],
  );
  return (
    <FrozenPdfModal
      title={t.title(props.mediator.name)}
      load={load}
      note={(paper) => ({
        text: t.frozen(
          paper.printVersion,
          formatDateTime(chinaDateTime(paper.printedAt)),
          paper.sha256.slice(0, 16),
        ),
        superseded: paper.printed.superseded ? t.superseded : undefined,
      })}
      printTarget={(paper) => ({ mediatorPrintedId: paper.printed.id })}
      testIds={{ body: 'mediator-register' }}
      onClose={props.onClose}
    >
      {(paper, printedRound) => (
        <>
          <Typography.Text strong>{t.versions}</Typography.Text>
          <RegisterVersions
            mediatorId={mediatorId}
            refreshKey={`${paper.printed.id}:${printedRound}`}
            onOpen={setStoredId}
          />
          {storedId !== null ? (
            <Button size="small" onClick={() => setStoredId(null)}>
              {t.backToCurrent}
            </Button>
          ) : null}
        </>
      )}
    </FrozenPdfModal>
  );
}

function RegisterVersions({
  mediatorId,
  refreshKey,
  onOpen,
}: {
  mediatorId: number;
  refreshKey: string;
  onOpen: (id: number) => void;
}) {
  const load = useCallback(
    () => api('mediators.listPrinted', { mediatorId }),
    // refreshKey: a version just stored or a print just recorded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mediatorId, refreshKey],
  );
  const { value, error, reload } = useApiValue(load);
  if (error) return <ErrorPanel error={error} onRetry={() => void reload()} />;
  return (
    <PrintedVersionsTable
      rows={value ?? []}
      onOpen={(row) => onOpen(row.id)}
      testId="mediator-register-versions"
    />
  );
}
