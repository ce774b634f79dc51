import { app, dialog } from 'electron';
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
