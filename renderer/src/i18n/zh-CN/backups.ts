export const backupsText = {
  title: '数据备份',
  intro:
    '程序会自动备份台账：使用期间每小时一份（保留 24 份）、每天一份（保留 7 天）、每周一份（保留 4 周），升级前和恢复前也会各备份一份。每份备份都经过完整性检查。换电脑或重装系统前，请先点“立即备份”，再把备份文件夹复制到 U 盘。',
  backupNow: '立即备份',
  done: (fileName: string) => `已备份：${fileName}`,
  empty: '还没有备份',
  columns: { fileName: '文件', createdAt: '时间', size: '大小' },
  encryption: {
    encrypted:
      '台账加密：已加密。台账和每一份备份都加密保存，密钥在本机数据文件夹的 keys 文件夹中。',
    notEncrypted:
      '台账加密：未加密。这个台账由旧版本建立（或从旧版本的备份恢复），文件中的内容可以被直接读出。程序会在启动检查后自动把它转为加密保存，进度和结果见下面的提示。',
    keyTravelsWrapped:
      '第二备份位置里的备份带着用恢复码加密的密钥文件（ledger-key-….recovery.json）：在另一台电脑上恢复时，需要输入本室的恢复码。',
    needsNewRecoveryCode:
      '现在的恢复码是在本版本之前打印的，第二备份位置里的备份没有随带密钥，换到另一台电脑后将无法打开。请调委会主任在“设置 → 账号”中点“打印新的恢复码”，之后的备份就会带上用恢复码加密的密钥。',
  },
} as const;
