import { Alert } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.case.edit;

/**
 * What a correction means for the case's documents, said before saving: drafts follow the
 * ledger; generated and signed agreements are originals and do not (amend or void them).
 */
export function CorrectionDocumentsNotice(props: { readonly caseId: number }) {
  const { caseId } = props;
  const loadAgreements = useCallback(() => api('agreements.listForCase', { caseId }), [caseId]);
  const agreements = useApiValue(loadAgreements).value ?? [];
  const fixed = agreements.filter((a) => a.status === 'GENERATED' || a.status === 'SIGNED');
  return (
    <Alert
      type={fixed.length > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      title={t.documentsTitle}
      description={fixed.length > 0 ? t.documentsFixed(fixed.length) : t.documentsDrafts}
      data-testid="correction-documents"
    />
  );
}
