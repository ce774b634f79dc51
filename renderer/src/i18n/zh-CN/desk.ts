/** Texts of the desk gate: first-run director, sign-in, recovery code, lock screen, user menu. */
export const deskText = {
  loginName: '登录名',
  displayName: '姓名',
  password: '密码',
  passwordAgain: '再次输入密码',
  newPassword: '新密码',
  newPasswordAgain: '再次输入新密码',
  currentPassword: '当前密码',
  passwordsDiffer: '两次输入的密码不一致',
  passwordHelp: '至少 8 位；请不要用生日、电话号码这类别人容易猜到的内容',
  setUp: {
    title: '创建调委会主任账户',
    intro:
      '第一次使用前，请先为调委会主任创建账户。以后每个人用自己的账户登录，主任可以在“设置 → 账号”中为其他人开设账户。',
    submit: '创建账户',
  },
  recoveryCode: {
    title: '请保存恢复码',
    purpose:
      '调委会主任忘记密码时，只能用这个恢复码重设密码；恢复码只显示这一次，程序里不保存原文。',
    print: '打印恢复码',
    printHeading: '调解工作台 · 调委会主任账户恢复码',
    printNote: '请将本页与电脑分开、妥善保管。用过一次后会换成新的恢复码。',
    confirm: '我已抄写或打印恢复码，并会妥善保管',
    continue: '继续',
    replaced:
      '这是新的恢复码，只属于您本人；原来的恢复码已经作废。如果设置了第二备份位置（U 盘），请把原来的恢复码打印件留到“设置 → 备份”显示“第二备份位置已更新为新恢复码”之后再销毁：在那之前，U 盘上的备份在另一台电脑上仍要用原来的恢复码打开。',
  },
  signIn: {
    title: '登录调解工作台',
    submit: '登录',
    forgot: '忘记密码？用恢复码重设',
  },
  recover: {
    title: '用恢复码重设调委会主任的密码',
    intro: '请输入打印或抄写的恢复码（24 位，空格和短横线可有可无），再设置新密码。',
    code: '恢复码',
    submit: '重设密码',
    back: '返回登录',
    done: '密码已重设，请保存新的恢复码（原来的恢复码已作废）',
  },
  lock: {
    title: '工作台已锁定',
    whose: (name: string) => `${name} 的工作台已锁定`,
    hint: '为保护当事人信息，离开片刻后工作台会自动锁定。输入密码继续工作。',
    unlock: '解锁',
    switchUser: '切换用户',
    switchHint: '以其他人的账户登录：当前用户未保存的内容会自动保存为草稿。',
    backToUnlock: '返回解锁',
  },
  menu: {
    who: (name: string, role: string) => `${name}（${role}）`,
    lock: '锁定',
    changePassword: '修改密码',
    signOut: '退出登录',
    signOutConfirm: '退出登录后需要重新输入密码。确定退出吗？',
  },
  changePassword: {
    title: '修改密码',
    submit: '修改',
    done: '密码已修改',
  },
} as const;
