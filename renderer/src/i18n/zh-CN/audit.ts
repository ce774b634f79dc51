/** Texts of 设置 → 审计日志 (the audit chain, §7.5). */
export const auditText = {
  title: '审计日志',
  lead: '程序对台账的每一次写入（登记、更正、协议、回访、打印、导出、设置……）都自动记入审计日志。每条记录都带有前一条的校验值，并用只保存在本机数据文件夹里的审计密钥计算，不能修改或删除；在本程序之外改动台账，核验时会被发现并指明是哪一行。',
  head: (seq: number, mac: string) =>
    `当前链头：第 ${seq} 条，校验值 ${mac.slice(0, 16)}…（打印在县级上报数据包和每份协议书的存档记录里）`,
  noEntries: '审计日志里还没有记录',
  filter: {
    caseNumber: '案件编号',
    caseNumberPlaceholder: '编号中的任意部分',
    actor: '操作人',
    action: '操作',
    anyAction: '全部操作',
    period: '时间',
    search: '查询',
    reset: '清除条件',
    more: '更早的记录',
  },
  columns: {
    seq: '序号',
    at: '时间',
    actor: '操作人',
    action: '操作',
    what: '对象',
    caseNumber: '案件',
  },
  verify: {
    button: '核验审计日志',
    running: '正在核验……（台账大时需要一些时间，期间可以照常使用）',
    okTitle: '核验通过',
    brokenTitle: '核验未通过：台账在本程序之外被改动',
    keyMissingTitle: '密钥缺失，部分记录无法核验',
    finished: (at: string, ms: number) => `核验完成于 ${at}，用时 ${(ms / 1000).toFixed(1)} 秒`,
    whatToDo:
      '怎么办：不要再修改所列案件；请调委会主任查看所列的表和行，与纸质卷宗和最近的备份核对；需要时在“数据备份”中恢复改动之前的备份（恢复前会先把当前台账另存为备份）。',
  },
  alertBrokenTitle: '审计核验发现台账在本程序之外被改动',
  alertKeyTitle: '审计密钥缺失',
  alertDetail: (summary: string, at: string) =>
    `${summary}（核验时间：${at}）。详见“设置 → 审计日志”。`,
} as const;
