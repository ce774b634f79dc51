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

const require = createRequire(import.meta.url);
let electronBinary;
try {
  // Resolving the package triggers Electron's own binary download when the binary is missing.
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string' || !fs.existsSync(electronBinary)) {
  console.error(
    '无法启动桌面程序：这台电脑未能下载 Electron 运行文件（需要联网）。请联网后重试，或改用 `npm run dev:web` 在浏览器中预览（仅本机访问）。',
  );
  process.exit(1);
}
const run = spawnSync(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 0);
