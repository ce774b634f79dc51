import { Alert, App, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../domain/accounts/roles';
import { RESTORE_CONFIRMATION } from '../../../../domain/api/system-contract';
import type { RestorePreview, SystemStatus } from '../../../../domain/api/system-contract';
import { ApiCallError, api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaTimeText } from '../../forms/date-field';
import { CurrentPasswordField, LoginNameField } from '../../desk/AccountFields';
import { uiText } from '../../i18n/zh-CN';
import { BackupUnlockForm } from './BackupUnlockForm';
import { RestoreLossView } from './RestoreLossView';

const t = uiText.storage;

/**
 * The one way to restore: the backup is checked first, what would be lost is listed, and over
 * a healthy ledger (or an intact one the app did not open) the mediator must type the
 * confirmation sentence and a second person of the other room role (a director with a technical
 * administrator, §7.4) signs with their own password. Where nobody can sign in (no desk) the
 * restore is one person's. A backup under another key is unlocked here with its recovery code.
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
  const [refusal, setRefusal] = useState<unknown>(null);
  const [witnessForm] = Form.useForm<{ loginName?: string; password?: string }>();
  const witnessName = Form.useWatch('loginName', witnessForm) ?? '';
  const witnessPassword = Form.useWatch('password', witnessForm) ?? '';
  // the core says whose second person it needs (null: one person restores, e.g. a file the app
  // did not open that holds nobody of the other role, who could not be made there), and what
  // to say of them before anything is typed (a one-person room learns at once what to do first)
  const otherRole = preview?.witnessRole ?? null;
  const notice = preview?.witnessNotice ?? null;

  useEffect(() => {
    setPreview(null);
    setError(null);
    setPhrase('');
    setRefusal(null);
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
  const witnessRole = otherRole ? ROLE_LABELS[otherRole] : null;
  const needsWitness = needsPhrase && witnessRole !== null;
  // nobody of the other role yet: nothing typed here could restore, so nothing may be typed
  const noWitness = needsWitness && notice === 'NO_ACCOUNT';
  const canRestore =
    preview !== null &&
    !noWitness &&
    (!needsPhrase || phrase === RESTORE_CONFIRMATION) &&
    (!needsWitness || (witnessName !== '' && witnessPassword !== ''));

  async function restore() {
    if (!preview) return;
    setBusy(true);
    setRefusal(null);
    try {
      const status = await api('system.restoreBackup', {
        fileName: preview.backup.fileName,
        ...(needsPhrase ? { confirmation: RESTORE_CONFIRMATION } : {}),
        ...(needsWitness ? { witness: { loginName: witnessName, password: witnessPassword } } : {}),
      });
      message.success(t.restored);
      onRestored(status);
    } catch (e) {
      // the second person's refusal (or the missing account) stays in the dialog beside the fields
      const witnessCode =
        e instanceof ApiCallError &&
        (e.code === 'RESTORE_WITNESS_REFUSED' || e.code === 'RESTORE_WITNESS_NONE');
      if (witnessCode) setRefusal(e);
      else message.error(errorMessage(e));
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
                disabled={noWitness}
                value={phrase}
                onChange={(e) => setPhrase(e.target.value)}
                placeholder={RESTORE_CONFIRMATION}
              />
            </div>
          ) : null}
          {needsWitness && witnessRole ? (
            <div data-testid="restore-witness">
              <Typography.Paragraph>{t.witnessLead(witnessRole)}</Typography.Paragraph>
              {notice === 'NO_ACCOUNT' ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="restore-witness-none"
                  title={otherRole === 'ADMIN' ? t.witnessNoneAdmin : t.witnessNoneDirector}
                />
              ) : notice === 'UNOPENED_FILE' ? (
                <Alert
                  type="info"
                  showIcon
                  data-testid="restore-witness-on-confirm"
                  title={t.witnessCheckedOnConfirm(witnessRole)}
                />
              ) : null}
              <Form
                form={witnessForm}
                layout="vertical"
                autoComplete="off"
                disabled={noWitness}
                onValuesChange={() => setRefusal(null)}
              >
                <LoginNameField label={t.witnessLoginName(witnessRole)} />
                <CurrentPasswordField
                  name="password"
                  label={t.witnessPassword(witnessRole)}
                  autoFocus={false}
                />
              </Form>
            </div>
          ) : null}
          {refusal ? (
            <Alert
              type="error"
              showIcon
              data-testid="restore-witness-refusal"
              title={errorMessage(refusal)}
            />
          ) : null}
        </Space>
      ) : null}
    </Modal>
  );
}
