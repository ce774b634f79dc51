/** Showing a whole ID number (masked everywhere else). */
export const idRevealText = {
  show: '查看',
  title: '查看完整证件号码',
  ok: '查看',
  reason: '查看原因',
  reasonPlaceholder: '例如：核对身份、填写司法确认申请',
  notice: (name: string) =>
    `将显示${name}的完整证件号码。每次查看都会记入审计日志（谁、何时、为什么查看）。`,
  shownHint: '已记入审计日志',
} as const;
