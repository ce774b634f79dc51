/** Sentences of sign-in, the desk lock and account management (issue 11). */
export const accountMessagesZhCN = {
  notSignedIn: '请先登录',
  deskLocked: '工作台已锁定，请重新登录',
  forbidden: (roleLabel: string) => `${roleLabel}没有这项操作的权限`,
  receptionistArchived: '登记员不能查看已归档的案卷',
  // §7.3: a 调解员 works on the cases assigned to them
  notOwnCase: '这不是您承办的案件，调解员只能查看和办理本人承办的案件',
  notOwnIntake: '这不是您登记的案件，登记员只能查看本人登记的案件',
  mediatorNotLinked:
    '您的账号还没有对应到调解员名单中的调解员，所以看不到任何案件。请调委会主任在“设置 → 账号”中为您的账号选择对应的调解员',
  receptionistDraft: '登记员只能保存或清除受理登记的草稿',
  alreadySetUp: '本机已设置过调委会主任账号，请直接登录',
  // never says whether the login name exists
  signInFailed: '登录名或密码不正确',
  signInBackoff: (seconds: number) => `登录失败次数过多，请 ${seconds} 秒后再试`,
  recoveryFailed: '恢复码不正确',
  recoveryBackoff: (seconds: number) => `恢复码错误次数过多，请 ${seconds} 秒后再试`,
  noDirectorToRecover: '没有可恢复的调委会主任账号',
  recoveryOwnerGone:
    '这个恢复码所属的调委会主任账号已停用或已不是主任，不能用它重设密码。请由一名调委会主任登录后在“设置 → 账号”中打印新的恢复码',
  currentPasswordWrong: '当前密码不正确',
  loginNameTaken: '这个登录名已被使用',
  accountNotFound: '没有找到这个账号',
  onlyDirectorMakesDirector: '只有调委会主任可以设立调委会主任账号',
  onlyDirectorForCaseRoles:
    '登记员、调解员和调委会主任的账号能看到案件内容，只有调委会主任可以新建、修改、停用或重设密码',
  ownRole: '不能修改自己的角色，请由调委会主任修改',
  lastDirector: '这是最后一个在用的调委会主任账号，不能停用或改为其他角色',
  selfDisable: '不能停用自己正在使用的账号',
  onlyDirectorLinksMediator: '只有调委会主任可以为账号选择对应的调解员',
  noSuchMediator: '调解员名单中没有这名调解员，请刷新后重试',
  // §7.4: a restore over a ledger that still holds everything needs a second person
  restoreWitnessMissing: (roleLabel: string) =>
    `恢复备份需要两个人：请${roleLabel}输入自己的登录名和密码`,
  restoreWitnessNoneAdmin:
    '本室还没有在用的技术管理员账号。请主任先在 设置 → 账号 新建技术管理员账号',
  restoreWitnessNoneDirector: '本室没有其他在用的调委会主任账号，恢复备份需要一名主任一同确认',
  // never says whether the login name exists
  restoreWitnessWrong: '第二人的登录名或密码不正确',
  restoreWitnessSelf: '第二人不能是正在操作的本人',
  restoreWitnessDisabled: '第二人的账号已停用',
  restoreWitnessRole: (roleLabel: string) => `第二人须是${roleLabel}`,
} as const;
