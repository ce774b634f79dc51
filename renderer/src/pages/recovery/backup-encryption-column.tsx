import { Tag, Tooltip, type TableColumnType } from 'antd';
import type { BackupSummary } from '../../../../domain/api/system-contract';
import { uiText } from '../../i18n/zh-CN';

const st = uiText.storage;
const COLORS = { ENCRYPTED: 'green', PLAIN: 'orange', UNKNOWN: undefined } as const;

/** 已加密 / 未加密 of each backup, in 设置's list and on the recovery screen alike. */
export const backupEncryptionColumn: TableColumnType<BackupSummary> = {
  title: st.encryptionColumn,
  dataIndex: 'encryption',
  render: (v: BackupSummary['encryption']) => (
    <Tooltip title={st.encryptionHint[v]}>
      <Tag color={COLORS[v]} data-testid={`backup-encryption-${v}`}>
        {st.encryption[v]}
      </Tag>
    </Tooltip>
  ),
};
