/** Texts of 设置 → 账号 (§7.3: who may sign in at this desk, with which role). */
export const accountsText = {
  title: '账号',
  intro:
    '每个人用自己的账户登录；角色决定能看到和能做什么。停用的账户不能登录，历史记录中仍保留其姓名。',
  add: '新建账号',
  edit: '修改账号',
  resetPassword: '重设密码',
  resetPasswordTitle: (name: string) => `重设 ${name} 的密码`,
  resetDone: '密码已重设，请当面告知本人，并请其登录后自行修改',
  disable: '停用',
  enable: '启用',
  disableConfirm: (name: string) => `停用后 ${name} 不能再登录。确定停用吗？`,
  saved: '账号已保存',
  newRecoveryCode: {
    button: '打印新的恢复码',
    title: '打印新的恢复码',
    intro:
      '新的恢复码只属于您本人，原来的恢复码（包括已离任主任手里的）立即作废。请再输入一次您的密码。',
    submit: '生成新的恢复码',
  },
  columns: {
    displayName: '姓名',
    loginName: '登录名',
    role: '角色',
    status: '状态',
    lastSignInAt: '上次登录',
    mediator: '对应调解员',
  },
  mediator: '对应调解员',
  mediatorHelp:
    '调解员只能查看对应调解员承办案件的完整证件号码；不选择则不能查看任何完整证件号码。名单在“设置 → 调解员”中维护。',
  mediatorPlaceholder: '从调解员名单中选择',
  mediatorNotLinked: '未对应',
  active: '使用中',
  disabled: '已停用',
  never: '从未登录',
  you: '（本人）',
  role: '角色',
  initialPassword: '初始密码',
  initialPasswordAgain: '再次输入初始密码',
  idleLock: {
    title: '自动锁定时间',
    help: '无人操作超过这个时间，工作台自动锁定，需要输入密码才能继续（对所有账户有效）。',
    unit: '分钟',
    save: '保存锁定时间',
    saved: '自动锁定时间已保存',
  },
} as const;
