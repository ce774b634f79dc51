import { Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.backups.encryption;

/** 已加密 / 未加密 on 设置: a ledger from before the upgrade is still plain, and must say so. */
export function LedgerEncryptionNote() {
  const load = useCallback(() => api('system.status', {}), []);
  const { value: status } = useApiValue(load);
  if (status?.ledger.state !== 'READY') return null;
  const encrypted = status.ledger.encrypted;
  return (
    <Typography.Paragraph
      data-testid="ledger-encryption"
      type={encrypted ? 'secondary' : 'warning'}
    >
      {encrypted ? t.encrypted : t.notEncrypted}
    </Typography.Paragraph>
  );
}
