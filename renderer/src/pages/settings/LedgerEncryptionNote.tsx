import { Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.backups.encryption;

/**
 * 已加密 / 未加密 on 设置: a ledger from before the upgrade is still plain, and must say so. And
 * whether the second backup place gets the key wrapped by the recovery code, or (a code printed
 * before key slots existed) no key at all, so its copies would not open on another computer;
 * and whether the stick holds the current code's slot yet.
 */
export function LedgerEncryptionNote() {
  const load = useCallback(() => api('system.status', {}), []);
  const { value: status } = useApiValue(load);
  if (status?.ledger.state !== 'READY') return null;
  const encrypted = status.ledger.encrypted;
  const slot = status.backup.recoveryKeySlot;
  // Whether the stick has the current code's slot: until then the old printout still matters.
  const onStick = status.backup.recoveryKeySlotOnSecondCopy;
  return (
    <>
      <Typography.Paragraph
        data-testid="ledger-encryption"
        type={encrypted ? 'secondary' : 'warning'}
      >
        {encrypted ? t.encrypted : t.notEncrypted}
      </Typography.Paragraph>
      {slot === 'NOT_ENCRYPTED' ? null : (
        <Typography.Paragraph
          data-testid="ledger-key-slot"
          type={slot === 'PRESENT' ? 'secondary' : 'warning'}
        >
          {slot === 'PRESENT' ? t.keyTravelsWrapped : t.needsNewRecoveryCode}
        </Typography.Paragraph>
      )}
      {onStick === null ? null : (
        <Typography.Paragraph
          data-testid="ledger-key-slot-second-copy"
          type={onStick === 'UPDATED' ? 'secondary' : 'warning'}
        >
          {onStick === 'UPDATED' ? t.secondCopyUpdated : t.secondCopyNotUpdated}
        </Typography.Paragraph>
      )}
    </>
  );
}
