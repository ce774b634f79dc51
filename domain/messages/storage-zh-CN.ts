/**
 * Sentences about the ledger file, the disk and backups. Each names what happened, that nothing
 * saved was lost (where true), and what the mediator or technician should do next.
 */
export const storageMessagesZhCN = {
  ledgerDamaged:
    '检查发现台账文件已损坏。为防止损坏扩大，程序已停止一切修改，仍可查看已有内容。请从最近的完好备份恢复，并请技术人员检查这台电脑的硬盘。',
  auditBaselineRunning: (done: number, total: number) =>
    `升级后首次启动，正在为已有记录建立审计基线（已完成 ${done} / ${total} 条），完成前暂不能保存修改，本次操作没有保存。查看和查询不受影响，请稍候再试`,
  encryptionRunning:
    '正在把台账转为加密保存（升级后只做一次），完成前暂不能保存修改，本次操作没有保存。查看和查询不受影响，请稍候再试',
  encryptionWaitsForRecoveryCode:
    '这个台账还没有加密。加密后，第二备份位置（U 盘）里的备份要用恢复码才能在别的电脑上打开，而现在的恢复码是旧版本打印的，不能用于加密的备份。请调委会主任在“设置 → 账号”中点“打印新的恢复码”并妥善保管，打印后台账会自动转为加密保存',
  encryptionFailed:
    '台账加密没有完成，台账仍以不加密的方式正常使用，数据没有丢失。下次启动调解工作台时会再试一次；如果反复出现，请检查磁盘空间后联系技术人员',
  encryptionNeedsRestart:
    '台账加密的最后一步没有完成：加密好的台账已经准备好，但这台电脑上的其他程序（例如杀毒软件）暂时占用了文件，程序无法把它换上。数据没有丢失。请关闭调解工作台后重新启动，启动时会自动完成这一步；如果重启后仍然出现，请联系技术人员',
  auditVerifyWhileEncrypting:
    '正在把台账转为加密保存（升级后只做一次），完成前暂不能核验审计记录。请稍候再试',
  encryptionWaitsForSpace: (neededMb: number, freeMb: number) =>
    `台账暂未转为加密保存：磁盘可用空间不足（转换需要约 ${neededMb} MB，现在只有 ${freeMb} MB）。台账仍以不加密的方式正常使用，数据没有丢失。请清理磁盘空间（删除不需要的文件、清空回收站）后重新启动调解工作台，届时会自动转换`,
  writeRefusedDamaged:
    '台账文件已损坏，为防止损坏扩大已停止修改，本次操作没有保存。请在恢复页面从最近的完好备份恢复',
  ledgerReadOnly:
    '台账文件或它所在的文件夹是只读的（文件属性、权限设置或磁盘写保护），程序无法保存任何修改。台账没有被改动。请让技术人员恢复读写权限后重新启动调解工作台',
  ledgerDiskFull:
    '磁盘空间已满，无法打开台账。台账没有被改动。请清理磁盘空间（删除不需要的文件、清空回收站）后重新启动调解工作台',
  writeDiskFull:
    '磁盘空间已满，本次操作没有保存；之前保存的内容没有丢失。请清理磁盘空间（删除不需要的文件、清空回收站）后再保存',
  writeReadOnly:
    '无法写入：台账所在的磁盘或文件夹是只读的。本次操作没有保存；之前保存的内容没有丢失。请联系技术人员检查文件夹权限',
  backupFull:
    '备份没有完成：备份文件夹所在的磁盘空间已满。台账本身没有受影响。请清理磁盘空间后再点“立即备份”',
  backupReadOnly:
    '备份没有完成：备份文件夹无法写入（只读或没有权限）。台账本身没有受影响。请联系技术人员检查文件夹权限',
  backupLedgerDamaged:
    '备份没有完成：检查发现台账文件已损坏。为免损坏的数据挤掉完好的备份，本次没有备份。请从最近的完好备份恢复',
  backupKeyUnusable:
    '备份没有完成：台账的密钥读不到或与台账不符。台账本身没有受影响，也没有被判为损坏。请把原来的 keys 文件夹放回数据文件夹后再点“立即备份”，或联系技术人员',
  backupOtherKey: (fileName: string) =>
    `备份使用了另一把密钥（例如来自另一台电脑，或更换密钥之前），本机保存的密钥都打不开它：${fileName}。备份没有损坏。请输入建立这份备份的那个调解室的恢复码来解锁它`,
  unlockSlotMissing:
    '备份文件夹里没有随备份一起的密钥文件（ledger-key-….recovery.json）。请把第二备份位置 mediation-desk-backups 文件夹里的这个文件和备份一起复制到本机数据文件夹的 backups 文件夹，再输入恢复码',
  unlockSlotDamaged:
    '备份文件夹里随备份一起的密钥文件（ledger-key-….recovery.json）已损坏，无法用恢复码解开。这不是恢复码错误。请从第二备份位置 mediation-desk-backups 文件夹重新复制这个文件到本机数据文件夹的 backups 文件夹，再输入恢复码',
  unlockCodeWrong:
    '这个恢复码打不开随备份一起的密钥文件。请核对恢复码（是建立这份备份的那个调解室的恢复码）',
  unlockKeyNotThisBackup:
    '恢复码正确，但它解开的密钥打不开这份备份（这份备份来自另一个台账）。请确认选中的备份和密钥文件来自同一个调解室',
  unlockBackoff: (seconds: number) => `恢复码错误次数过多，请 ${seconds} 秒后再试`,
  backupCopyBad:
    '备份没有完成：备份副本没有通过完整性检查，可能是磁盘故障。台账本身没有受影响。请检查磁盘后再点“立即备份”',
  backupOther:
    '备份没有完成：写入备份文件时出错。台账本身没有受影响。请稍后再点“立即备份”，仍不行请联系技术人员',
  backupLedgerNotOpen: '台账没有打开，无法备份',
  secondCopyFailed: (folder: string, reason: string) =>
    `第二备份位置（${folder}）没有收到备份：${reason}。本机的备份已完成`,
  secondFolderMissing: '找不到该文件夹，U 盘或移动硬盘可能没有插上',
  secondFolderFull: '该位置空间已满',
  secondFolderReadOnly: '该位置无法写入（只读或没有权限）',
  secondFolderOther: '复制时出错',
  secondFolderInvalid: '请填写一个已存在的文件夹的完整路径（如 E:\\调解备份 或 /media/usb）',
  secondFolderInsideData:
    '第二备份位置不能在调解工作台的数据文件夹里，请选择 U 盘或另一块磁盘上的文件夹',
  restoreNeedsConfirmation: (phrase: string) =>
    `当前台账完好，恢复会用备份替换它，备份之后的修改将丢失。请输入“${phrase}”以确认`,
  restoreBusy: '正在备份，请稍候再恢复',
  dataDirLocked:
    '调解工作台已经在另一个窗口中运行（它正在使用同一个数据文件夹）。请切换到已打开的窗口，不要同时打开两个调解工作台',
} as const;
