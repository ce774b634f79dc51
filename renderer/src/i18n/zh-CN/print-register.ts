/** The print register on the case page (打印存档) and printing from the document preview. */
export const printRegisterText = {
  title: (n: number) => `打印存档（${n}）`,
  empty:
    '本案还没有打印过文书。每份文书第一次打开打印时即存档，之后重印内容不变的文书会得到同一份文件',
  columns: {
    document: '文书',
    version: '版本',
    createdAt: '存档时间',
    sha256: 'SHA-256（前 16 位）',
    prints: '打印记录',
    actions: '操作',
  },
  version: (n: number) => `第 ${n} 版`,
  current: '现行',
  superseded: '已有新版本',
  noPrints: '未登记打印',
  prints: (times: number, copies: number) => `${times} 次，共 ${copies} 份`,
  printLine: (at: string, copies: number, printer: string | null) =>
    `${at} 打印 ${copies} 份${printer ? `（${printer}）` : ''}`,
  open: '查看',
  storedTitle: (label: string, version: number) => `打印存档：${label}（第 ${version} 版）`,
  frozenNote: (version: number, at: string, hash: string) =>
    `这是存档的第 ${version} 版（${at} 存档，SHA-256 ${hash}…）。内容不变时重印得到的是同一份文件；案件记录修改后再打印，会存为新的版本，旧版本仍可在案件页“打印存档”中查看。`,
  supersededNote: '本版本之后案件记录已修改并打印了新版本。此处显示的是当时打印的原样文件。',
  copies: '份数',
  print: '打印',
  printed: (copies: number) => `已发送到打印机：${copies} 份`,
  recordManual: '已用其他方式打印，登记份数',
  recorded: (copies: number) => `已登记打印 ${copies} 份`,
} as const;
