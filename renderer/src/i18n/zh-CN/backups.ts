export const backupsText = {
  title: '数据备份',
  intro:
    '程序每天第一次启动时会自动备份台账（保留最近 7 天），升级前也会自动备份。换电脑或重装系统前，请先点“立即备份”，再把备份文件夹复制到 U 盘。',
  backupNow: '立即备份',
  done: (fileName: string) => `已备份：${fileName}`,
  empty: '还没有备份',
  columns: { fileName: '文件', createdAt: '时间', size: '大小' },
} as const;
