import { Alert, App, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { RESTORE_CONFIRMATION } from '../../../../domain/api/system-contract';
import type { RestorePreview, SystemStatus } from '../../../../domain/api/system-contract';
import { ApiCallError, api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaTimeText } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { BackupUnlockForm } from './BackupUnlockForm';
import { RestoreLossView } from './RestoreLossView';

const t = uiText.storage;

/**
 * The one way to restore: the backup is checked first, what would be lost is listed, and over
 * a healthy ledger (or an intact one the app did not open) the mediator must type the
 * confirmation sentence. A backup under another key is unlocked here with its recovery code.
 */
export function RestoreConfirmModal({
  fileName,
  ledgerOpened = true,
  onClose,
  onRestored,
}: {
  /** Null = closed. */
  fileName: string | null;
  /**
   * False on the recovery screen: an intact ledger there (too new, half-migrated, read-only)
   * is set aside in its folder, not saved as a listed backup, so the warning says that.
   */
  ledgerOpened?: boolean;
  onClose: () => void;
  onRestored: (status: SystemStatus) => void;
}) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [phrase, setPhrase] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPreview(null);
    setError(null);
    setPhrase('');
    if (fileName === null) return;
    let live = true;
    api('system.restorePreview', { fileName }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [fileName]);

  const otherKey = error instanceof ApiCallError && error.code === 'BACKUP_OTHER_KEY';
  const needsPhrase = preview?.requiresConfirmation ?? true;
  const canRestore = preview !== null && (!needsPhrase || phrase === RESTORE_CONFIRMATION);

  async function restore() {
    if (!preview) return;
    setBusy(true);
    try {
      const status = await api('system.restoreBackup', {
        fileName: preview.backup.fileName,
        ...(needsPhrase ? { confirmation: RESTORE_CONFIRMATION } : {}),
      });
      message.success(t.restored);
      onRestored(status);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={fileName !== null}
      title={t.restoreTitle}
      okText={t.restoreOk}
      cancelText={t.restoreCancel}
      okButtonProps={{ danger: true, disabled: !canRestore }}
      confirmLoading={busy}
      onOk={() => void restore()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {error && otherKey && fileName !== null ? (
        <BackupUnlockForm
          fileName={fileName}
          reason={errorMessage(error)}
          onUnlocked={(unlocked) => {
            setError(null);
            setPreview(unlocked);
          }}
        />
      ) : error ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
      ) : null}
      {!error && !preview ? <Spin /> : null}
      {preview ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>
            {t.chosenBackup(preview.backup.fileName, chinaTimeText(preview.backup.createdAt))}
          </Typography.Text>
          <Alert
            type={preview.requiresConfirmation ? 'warning' : 'info'}
            showIcon
            title={
              !preview.requiresConfirmation
                ? t.restoreDamagedNote
                : ledgerOpened
                  ? t.restoreHealthyWarning
                  : t.restoreUnopenedWarning
            }
          />
          <RestoreLossView preview={preview} />
          {preview.requiresConfirmation ? (
            <div>
              <Typography.Text>{t.typeToConfirm(RESTORE_CONFIRMATION)}</Typography.Text>
              <Input
                data-testid="restore-phrase"
                value={phrase}
                onChange={(e) => setPhrase(e.target.value)}
                placeholder={RESTORE_CONFIRMATION}
              />
            </div>
          ) : null}
        </Space>
      ) : null}
    </Modal>
  );
}
