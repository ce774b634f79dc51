// `npm start`: build, then launch Electron. Electron fetches its own binary on first launch; on
// an offline machine that fails, and we say so in one sentence instead of a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'build/build.mjs'), '--quiet'], {
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

// Electron aborts with a Chromium stack as root (its sandbox refuses) and without a display;
// the app's own check says why in one sentence, before anything is downloaded or launched.
const { startupProblem } = createRequire(import.meta.url)(
  path.join(root, 'dist/tools/startup-environment.cjs'),
);
const problem = startupProblem({
  platform: process.platform,
  uid: process.getuid?.(),
  env: process.env,
});
if (problem) {
  console.error(problem);
  process.exit(1);
}

const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

// Electron's package fetches its binary on first launch; do that here with its output captured,
// so an offline machine gets one sentence instead of a download stack trace.
if (!electronBinary()) {
  console.log('正在下载 Electron 运行文件（仅第一次启动需要）…');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'pipe',
    timeout: 600_000,
  });
}
const binary = electronBinary();
if (!binary) {
  console.error(
    '无法启动桌面程序：这台电脑未能下载 Electron 运行文件（需要联网）。请联网后重试，或改用 `npm run dev:web` 在浏览器中预览（仅本机访问）。',
  );
  process.exit(1);
}
const run = spawnSync(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 0);
