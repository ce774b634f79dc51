import { useCallback } from 'react';
import { api } from '../../api/client';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { FrozenPdfModal } from '../agreement/FrozenPdfModal';

const t = uiText.subsidyEditor;

/**
 * The 以案定补申报表 of one mediator and period, previewed before it goes to paper. Opening it
 * freezes it in the period print register: an unchanged pack opens the stored original.
 */
export function ClaimSheetModal({
  mediatorId,
  period,
  title,
  onClose,
}: {
  mediatorId: number;
  period: string;
  title: string;
  onClose: () => void;
}) {
  const load = useCallback(
    (allowMissingGlyphs: boolean) =>
      api('subsidy.printClaimSheet', { mediatorId, period, allowMissingGlyphs }),
    [mediatorId, period],
  );
  return (
    <FrozenPdfModal
      title={title}
      load={load}
      note={(sheet) => ({
        text: t.claimSheetFrozen(
          sheet.printVersion,
          formatDateTime(chinaDateTime(sheet.printedAt)),
          sheet.reprint,
        ),
      })}
      testIds={{ note: 'claim-sheet-frozen', download: 'claim-sheet-download' }}
      onClose={onClose}
    />
  );
}
