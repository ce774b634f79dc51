import { app, dialog, Notification, powerMonitor } from 'electron';
import { lockDeskOnOsLock } from './desk-os-lock.js';
import { startDueNotifier } from './due-notifier.js';
import { focusWindow } from './main-window.js';
import { startShell, type ShellStart } from './shell.js';
import { startupProblem } from './startup-environment.js';

// Root or no display: one sentence (on stderr before `ready` on Linux, per dialog.showErrorBox's
// documentation) instead of Chromium's abort.
const problem = startupProblem({
  platform: process.platform,
  uid: process.getuid?.(),
  env: process.env,
});

export const started: Promise<ShellStart | null> = problem
  ? (() => {
      dialog.showErrorBox('调解工作台无法启动', problem);
      app.exit(1);
      return Promise.resolve(null);
    })()
  : startShell({ mainDir: __dirname });

// The OS lock and sleep lock the desk; desktop notification of visits and deadlines due today
// or overdue (回访设置 switches it). Both attached to the started shell rather than woven into
// its start-up sequence.
void started.then((shell) => {
  if (shell?.kind !== 'STARTED') return;
  lockDeskOnOsLock({ powerMonitor, core: shell.core });
  const notifier = startDueNotifier({
    core: shell.core,
    Notification,
    dataDir: shell.dataDir,
    onClick: () => focusWindow(shell.window),
  });
  app.on('before-quit', () => notifier.stop());
});
