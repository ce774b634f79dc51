/**
 * Error and status sentences the main process sends to the renderer. Kept in one catalogue so a
 * Tibetan or Mongolian catalogue can follow with the same keys.
 */
export const apiMessagesZhCN = {
  badInput: '填写的内容有误，请按提示修改后再保存',
  unknownMethod: '程序内部调用了不存在的功能，请重新启动调解工作台',
  internal: '操作没有完成：程序内部出错。已记录错误，数据未被修改。请重试，若仍失败请联系技术人员',
  forbiddenSender: '拒绝了来自未知页面的请求',
  ledgerMissing:
    '找不到原有的案件台账文件。为防止误用空白台账，程序已暂停。请从备份恢复，或确认原台账已无法找回后新建',
  ledgerTooNew: (found: number, supported: number) =>
    `这个台账由更新版本的调解工作台创建（数据版本 ${found}，本程序最多支持 ${supported}）。为保护数据，本程序不会打开它，请安装最新版本`,
  ledgerMigrationFailed: (stoppedAt: number) =>
    `台账升级没有完成，已停在数据版本 ${stoppedAt}，原有数据未丢失。升级前的备份已保存，请联系技术人员`,
  ledgerNotALedger: '台账文件已损坏或不是调解工作台的台账，程序不会覆盖它。请从备份恢复',
  ledgerNotMissing: '台账文件存在，无需新建',
  ledgerKeyMissing:
    '台账已加密，但这台电脑上找不到它的密钥（数据文件夹中的 keys 文件夹缺失或不完整），台账没有被改动，不要新建空台账。请把原来的 keys 文件夹放回数据文件夹后重新启动调解工作台；keys 文件夹找不回时，可以从第二备份位置（U 盘）上的备份恢复：把 mediation-desk-backups 文件夹里的备份和 ledger-key-….recovery.json 复制到数据文件夹的 backups 文件夹，恢复时输入本室的恢复码。仍不行请联系技术人员',
  ledgerKeyMismatch:
    '台账已加密，但这台电脑上的密钥打不开它（keys 文件夹里的密钥不是这个台账的），台账没有被改动。请把与这个台账一起的那个 keys 文件夹放回数据文件夹后重新启动调解工作台，不要新建空台账；也可以从第二备份位置（U 盘）上的备份恢复，恢复时输入本室的恢复码。仍不行请联系技术人员',
  startupFailed:
    '程序启动时出错，台账没有被改动。请检查磁盘空间和数据文件夹的读写权限后重新启动；仍不行请联系技术人员',
  ledgerUnavailable:
    '暂时无法打开台账文件：它可能正被另一个调解工作台窗口或其他程序（如杀毒、同步软件）占用，或没有读写权限。台账没有被改动。请关闭其他程序后重新启动调解工作台；仍不行请联系技术人员',
  backupInvalid: (reason: string) => `无法使用该备份：${reason}`,
  settingsConflict: '设置已在另一个窗口中被修改。请刷新后再修改，以免覆盖他人的修改',
  settingsRequired: '请先完成调解组织设置',
  coreRestarted:
    '程序后台刚才意外停止，已自动重新启动。这一步可能没有保存：请打开相关案件核对，没有的话再操作一次。已保存的数据不受影响',
  coreStopped:
    '程序后台多次意外停止，已暂停处理请求以保护台账。已保存的数据不受影响。请关闭并重新启动调解工作台；仍不行请联系技术人员',
  coreClosing: '调解工作台正在关闭，这一步没有执行。请重新启动后再操作',
  exportThreadStopped:
    '导出没有完成：生成文件的后台线程意外停止。没有保存任何导出文件，也没有记入导出记录。请再导出一次',
  exportClosed:
    '导出没有完成：程序正在关闭。没有保存任何导出文件，也没有记入导出记录。请重新打开后再导出一次',
  volumeThreadStopped:
    '卷宗 PDF 没有生成：生成文件的后台线程意外停止。没有存入打印存档。请再生成一次',
  printThreadStopped: '文件没有生成：生成文件的后台线程意外停止。没有存入打印存档。请再生成一次',
} as const;

/** Sentences of showing a whole ID number (`parties.revealIdNumber`). */
export const idRevealMessages = {
  noSuchParty: '找不到该当事人，请刷新后重试',
  noNumber: '该当事人没有登记证件号码',
  notOwnCase: '只能查看本人承办案件的完整证件号码',
  notLinked:
    '您的账号还没有对应到调解员名单中的调解员，不能查看完整证件号码。请调委会主任在“设置 → 账号”中为您的账号选择对应的调解员',
} as const;

/**
 * A paper that prints parties' whole ID numbers (司法确认申请书, an agreement printed with
 * 身份证号码, the 卷宗) follows the same own-case rule as the reveal.
 */
export const idPaperMessages = {
  notOwnCase:
    '只能打印或查看本人承办案件中印有完整证件号码的文书（司法确认申请书、打印身份证号码的调解协议书、卷宗）',
  notLinked:
    '您的账号还没有对应到调解员名单中的调解员，不能打印印有完整证件号码的文书。请调委会主任在“设置 → 账号”中为您的账号选择对应的调解员',
} as const;

/** Sentences of a correction that keeps the stored (masked) ID number. */
export const idNumberKeepMessages = {
  nothingToKeep: '该当事人没有已登记的证件号码可以保留，请填写完整的证件号码',
  representativeNotKept: '代理人的证件号码不能保留原值，请填写完整的证件号码或不填写',
  representativeNothingToKeep: '该代理人没有已登记的证件号码可以保留，请填写完整的证件号码或不填写',
} as const;

/** What a 调解员 reading another's case (the committee's read-only setting) sees of an address. */
export const anothersCaseMessages = {
  addressCut: '……（详细地址已隐去）',
  addressHidden: '（地址已隐去）',
  investigatedPersonsHidden: '（被调查人详情已隐去）',
} as const;
