// The browser and PDF tests need system programs that npm cannot install: Debian's Chromium,
// CJK fonts (so screenshots show Chinese, not boxes), qpdf, poppler-utils and python3-openpyxl. Install them when
// we can (root + apt-get); otherwise stop with one sentence naming them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont() {
  if (!has('fc-list')) return false;
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

const missing = [];
if (!fs.existsSync(chromium)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (!has('qpdf')) missing.push('qpdf');
if (!has('pdftoppm') || !has('pdftotext') || !has('pdffonts')) missing.push('poppler-utils');
// The export tests read every xlsx back with an independent reader (Debian's openpyxl).
if (spawnSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' }).status !== 0) {
  missing.push('python3-openpyxl');
}

if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.log(`正在安装测试所需的系统软件包：${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 &&
    spawnSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', ...missing, 'fontconfig'],
      {
        stdio: 'inherit',
        env,
      },
    ).status === 0;
  if (install) process.exit(0);
}
console.error(
  `测试需要以下系统软件包，请用管理员身份安装后重试：sudo apt-get install ${missing.join(' ')}`,
);
process.exit(1);
