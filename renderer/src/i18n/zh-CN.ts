import { accountsText } from './zh-CN/accounts';
import { agreementText } from './zh-CN/agreement';
import { auditText } from './zh-CN/audit';
import { caseText } from './zh-CN/case';
import { dashboardText } from './zh-CN/dashboard';
import { deskText } from './zh-CN/desk';
import { followUpsText } from './zh-CN/followups';
import { idRevealText } from './zh-CN/id-reveal';
import { backupsText } from './zh-CN/backups';
import { intakeText } from './zh-CN/intake';
import { ledgerText } from './zh-CN/ledger';
import { mediatorsText } from './zh-CN/mediators';
import { printRegisterText } from './zh-CN/print-register';
import { reportsText } from './zh-CN/reports';
import { sessionText } from './zh-CN/session';
import { investigationText } from './zh-CN/investigation';
import { shellText } from './zh-CN/shell';
import { storageText } from './zh-CN/storage';
import { volumeText } from './zh-CN/volume';
import { subsidyText } from './zh-CN/subsidy';
import { subsidyEditorText } from './zh-CN/subsidy-editor';
import { wordingText } from './zh-CN/wording';

/**
 * Every sentence the UI shows, in Simplified Chinese, split by screen under ./zh-CN/. A Tibetan
 * or Mongolian catalogue follows the same shape; components never hold literal UI text.
 */
export const uiText = {
  ...shellText,
  intake: intakeText,
  ledger: ledgerText,
  case: caseText,
  idReveal: idRevealText,
  session: sessionText,
  investigation: investigationText,
  dashboard: dashboardText,
  mediators: mediatorsText,
  agreement: agreementText,
  backups: backupsText,
  storage: storageText,
  followUps: followUpsText,
  printRegister: printRegisterText,
  reports: reportsText,
  volume: volumeText,
  subsidy: subsidyText,
  subsidyEditor: subsidyEditorText,
  audit: auditText,
  desk: deskText,
  accounts: accountsText,
  wording: wordingText,
} as const;
