const ENCRYPTION_PHASES = {
  WAITING: '等待启动检查完成',
  BACKUP: '第 1 步，共 4 步：备份未加密的台账',
  ENCRYPT: '第 2 步，共 4 步：加密台账的副本',
  VERIFY: '第 3 步，共 4 步：检查加密后的副本',
  SWAP: '第 4 步，共 4 步：换用加密后的台账',
} as const;

/** Texts about the ledger's health, restoring and backup destinations. */
export const storageText = {
  damagedTitle: '台账文件已损坏',
  damagedLead:
    '程序已停止一切修改，以免损坏扩大。已保存的内容仍可从备份找回。请按下面的建议从最近的完好备份恢复，然后请技术人员检查这台电脑的硬盘。',
  findingsTitle: '技术信息（供技术人员查看）',
  recommendTitle: '建议：从最近的完好备份恢复',
  recommendChecking: '正在检查备份，请稍候……',
  recommendNone: '没有找到能通过检查的备份。请不要关闭电脑，立即联系技术人员。',
  recommendBackup: (name: string, at: string) => `最近的完好备份：${name}（${at}）`,
  chosenBackup: (name: string, at: string) => `所选备份（已通过完整性检查）：${name}（${at}）`,
  loss: {
    title: '恢复后将丢失',
    lostCases: (n: number) =>
      n === 0 ? '备份之后没有新登记的案件。' : `备份之后新登记的 ${n} 件案件（需要重新登记）：`,
    changedCases: (n: number) =>
      n === 0 ? '' : `另有 ${n} 件案件在备份之后有修改，这些修改会丢失（请对照纸质材料补录）。`,
    unknown:
      '当前台账无法读取，无法统计会丢失哪些案件。备份之后登记或修改的内容需要对照纸质材料补录。',
    more: (n: number) => `……等，共 ${n} 件`,
    unnumbered: '（未编号）',
  },
  restoreTitle: '从备份恢复台账',
  restoreHealthyWarning:
    '当前台账是完好的。恢复会用备份替换它，备份之后的登记和修改都会丢失。当前台账会先保存为一份“恢复前”备份，需要时可以再恢复回来。',
  restoreDamagedNote: '当前台账会被改名保留在原文件夹，不会删除。',
  restoreUnopenedWarning:
    '当前台账没有被本程序打开，但其中的数据可能仍然完好。恢复会用备份替换它：当前台账会被改名保留在原文件夹，30 天后自动清理，不会列入备份。',
  typeToConfirm: (phrase: string) => `请输入“${phrase}”以确认：`,
  // §7.4: a restore over a ledger that still holds everything takes two people
  witnessLead: (roleLabel: string) =>
    `恢复备份需要两个人确认：请一名${roleLabel}在下面输入自己的登录名和密码。`,
  witnessLoginName: (roleLabel: string) => `${roleLabel}的登录名`,
  witnessPassword: (roleLabel: string) => `${roleLabel}的密码`,
  witnessNoneAdmin:
    '本室还没有在用的技术管理员账号。请主任先在 设置 → 账号 新建技术管理员账号，再来恢复。',
  witnessNoneDirector: '本室没有其他在用的调委会主任账号，恢复备份需要一名主任一同确认。',
  witnessCheckedOnConfirm: (roleLabel: string) =>
    `当前台账未能打开，现在无法核对${roleLabel}的账号：点“恢复”时才按台账文件核对登录名和密码。`,
  restoreOk: '恢复',
  restoreCancel: '取消',
  restored: '已从备份恢复，正在重新载入……',
  restoreFromThis: '从此备份恢复',
  unlock: {
    intro:
      '先把第二备份位置 mediation-desk-backups 文件夹里的 ledger-key-….recovery.json 和备份一起复制到本机数据文件夹的 backups 文件夹，再输入建立这份备份的那个调解室的恢复码。解开的密钥只在打得开这份备份时才会保存，本机现在的密钥不会被替换。',
    submit: '用恢复码解锁',
  },
  kinds: {
    hourly: '每小时',
    daily: '每日',
    weekly: '每周',
    manual: '手动',
    'pre-migration': '升级前',
    'before-restore': '恢复前',
    other: '其他',
  },
  kindColumn: '类型',
  encryptionColumn: '加密',
  encryption: {
    ENCRYPTED: '已加密',
    PLAIN: '未加密',
    UNKNOWN: '无法读取',
  },
  encryptionHint: {
    ENCRYPTED: '没有本机密钥或恢复码打不开这份备份',
    PLAIN:
      '任何人拿到这个文件都能读出当事人信息。台账加密后，本机的未加密备份会在之后的定时备份中逐份转为加密；U 盘上的同名副本在下一次备份时替换。',
    UNKNOWN: '暂时读不到这个文件（可能正被其他程序占用），稍后刷新再看',
  },
  health: {
    failed: (message: string, at: string) => `${message}（${at}）`,
    failedTitle: '备份失败',
    secondFailedTitle: '第二备份位置未收到备份',
    lastSuccess: (at: string) => `最近一次成功备份：${at}`,
    never: '还没有成功的备份',
    checking: '正在检查台账文件……',
    running: '正在备份台账……备份期间可以照常查询和登记。',
    auditBaseline: (done: number, total: number) =>
      `升级后首次启动，正在为已有记录建立审计基线（${done} / ${total} 条）：可以照常查看和查询，完成前暂不能保存修改。`,
    encryptionRunning: (phase: 'WAITING' | 'BACKUP' | 'ENCRYPT' | 'VERIFY' | 'SWAP') =>
      `正在把台账转为加密保存（升级后只做一次，约需几分钟）：${ENCRYPTION_PHASES[phase]}。可以照常查看和查询，完成前暂不能保存修改。`,
    encryptionFailedTitle: '台账加密没有完成，台账仍未加密',
    encryptionWaitsTitle: '台账尚未加密：请先打印新的恢复码',
    restartedTitle: '程序后台曾意外停止，已自动重新启动',
    restarted: (at: string) =>
      `时间：${at}。已保存的数据不受影响；当时正在保存的一步可能没有完成，请核对最近的操作。`,
  },
  secondFolder: {
    title: '第二备份位置（U 盘或另一块磁盘）',
    help: '每次备份后，程序会把备份再复制一份到这里（放在其中的 mediation-desk-backups 文件夹）。请填写文件夹的完整路径。U 盘没有插上时，会在这里和工作台提示。',
    placeholder: '例如：E:\\调解备份 或 /media/usb/调解备份',
    save: '保存位置',
    clear: '不使用第二备份位置',
    saved: '第二备份位置已保存',
    cleared: '已不再复制到第二备份位置',
    current: (folder: string) => `当前：${folder}`,
    none: '当前：未设置',
  },
} as const;
