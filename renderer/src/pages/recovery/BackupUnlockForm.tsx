import { Alert, Button, Form, Typography } from 'antd';
import type { RestorePreview } from '../../../../domain/api/system-contract';
import { systemContract } from '../../../../domain/api/system-contract';
import { api } from '../../api/client';
import { RecoveryCodeField } from '../../desk/AccountFields';
import { DeskRefusal } from '../../desk/DeskScreen';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.storage.unlock;
const unlockInput = systemContract['system.unlockBackup'].input;

interface Values {
  recoveryCode?: string;
}

/**
 * A backup under another key (BACKUP_OTHER_KEY): said as such, not as damage, with the recovery
 * code of the room it came from; the answer is the restore preview the dialog goes on with.
 */
export function BackupUnlockForm({
  fileName,
  reason,
  onUnlocked,
}: {
  fileName: string;
  /** The server's sentence (备份使用了另一把密钥……). */
  reason: string;
  onUnlocked: (preview: RestorePreview) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();

  async function unlock(v: Values) {
    const done = await run({
      form,
      schema: unlockInput,
      input: { fileName, recoveryCode: v.recoveryCode ?? '' },
      submit: (input) => api('system.unlockBackup', input),
    });
    if (done.ok) onUnlocked(done.value);
  }

  return (
    <div data-testid="backup-unlock">
      <Alert type="warning" showIcon title={reason} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="backup-unlock"
        onFinish={(v) => void unlock(v)}
      >
        <RecoveryCodeField secret />
        <DeskRefusal refusal={refusal} />
        <Button htmlType="submit" loading={saving}>
          {t.submit}
        </Button>
      </Form>
    </div>
  );
}
