/**
 * Every sentence the UI shows, in Simplified Chinese. A Tibetan or Mongolian catalogue follows
 * the same shape; components never hold literal UI text.
 */
export const uiText = {
  appName: '调解工作台',
  common: {
    save: '保存',
    saving: '正在保存…',
    saved: '已保存',
    cancel: '取消',
    reload: '刷新',
    loading: '正在加载…',
    optional: '（选填）',
    bridgeMissing: '界面未连接到调解工作台主程序，请重新启动程序',
    unexpected: '操作没有完成，请重试',
    notBuiltTitle: '此功能尚在开发中',
    notBuiltBody: (name: string) =>
      `“${name}”功能尚未完成，将在后续版本中提供。目前可以使用“设置”。`,
  },
  nav: {
    dashboard: '工作台',
    intake: '受理登记',
    ledger: '案件台账',
    agreements: '协议书',
    followUps: '回访',
    reports: '统计上报',
    settings: '设置',
  },
  firstRun: {
    title: '欢迎使用调解工作台',
    intro:
      '第一次使用前，请填写本调解组织的基本信息。这些信息会出现在案件编号和打印的文书上，以后可以在“设置”中修改。',
    submit: '保存并开始使用',
  },
  settings: {
    title: '调解组织设置',
    committeeName: '调解委员会名称',
    committeeNamePlaceholder: '例如：金峰路街道人民调解委员会',
    roomName: '调解室名称',
    roomNamePlaceholder: '例如：“熬茶”接访工作室',
    organisationType: '调解组织类型',
    organisationTypeHelp:
      '用于统计报表“不同主体调解情况”。驻派出所、驻法院的调解室按所属调委会类型选择。',
    divisionCode: '统计用区划代码',
    divisionCodeHelp: '12 位数字，可在国家统计局区划代码表中查到；不知道可以先不填。',
    numberAbbreviation: '编号简称',
    numberAbbreviationPlaceholder: '例如：金峰',
    caseNumberPattern: '案件编号格式',
    caseNumberPatternHelp: '可用：{yyyy} 年份，{yy} 两位年份，{abbr} 编号简称，{seq:03} 三位序号',
    caseNumberPreview: '编号示例',
    documentDateStyle: '文书日期样式',
    countyOfficeName: '上报单位',
    countyOfficeNamePlaceholder: '例如：格尔木市司法局',
    savedMessage: '设置已保存',
    conflict: '设置已在另一个窗口中被修改。请点击“刷新”载入最新设置后再修改，以免覆盖他人的修改。',
  },
  recovery: {
    missingTitle: '找不到案件台账',
    tooNewTitle: '台账版本过新',
    migrationFailedTitle: '台账升级未完成',
    notALedgerTitle: '台账文件无法打开',
    backupsTitle: '可用的备份',
    noBackups: '没有找到备份文件。请联系技术人员，从其他电脑或 U 盘中找回台账文件。',
    restore: '从此备份恢复',
    restoreConfirm: '恢复后，当前位置的文件会被改名保留，不会删除。确定从这个备份恢复吗？',
    restored: '已从备份恢复',
    startEmptyTitle: '原台账确实无法找回？',
    startEmptyBody: (phrase: string) =>
      `只有在确认原台账已无法找回时才新建空白台账。请在下面输入“${phrase}”后点击新建。`,
    startEmpty: '新建空白台账',
    backupColumns: { fileName: '文件', createdAt: '时间', size: '大小' },
  },
} as const;
