import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditKeyFileFor, readAuditKey, writeAuditKey } from '../../db/audit/audit-key.js';
import { searchLedger } from '../../db/cases/ledger-query.js';
import { ledgerPaths } from '../../db/ledger-files.js';
import { openLedger } from '../../db/ledger-store.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { encryptPlainLedger, type EncryptionStep } from '../../db/plain-ledger-encryption.js';
import { caseIntakeSchema } from '../../domain/cases/case-input.js';
import { ledgerQuerySchema } from '../../domain/cases/ledger-inputs.js';
import { createAppCore } from '../../electron/core/app-core.js';
import { CaseService } from '../../electron/services/case-service.js';
import { LedgerSession } from '../../electron/services/ledger-session.js';
import { signInAs } from '../unit/support/signed-in-core.js';
import { p95, round, timeMs, type BenchModule } from './bench-registry.js';
import { idNumber, personName, phone } from './seed-cases.js';
import { seedBenchLedger } from './seed-ledger.js';

const TODAY = '2026-03-10';

/**
 * The same seeded ledger twice, plain and encrypted (a copy converted as the app converts a
 * plain ledger: `encrypt_plain_ledger_100k_ms`, with each step's time logged), measured in one run, interleaved round by round so that the machine's load falls on both:
 * `encrypted_ledger_page_ratio` (p95 of ledger pages under several filters) and
 * `encrypted_intake_commit_ratio` (p95 of one intake's commit), each encrypted / plain. Then
 * the encrypted one started and backed up through createAppCore as the app does:
 * `encrypted_startup_ready_ms` and `encrypted_backup_100k_ms`.
 *
 * The twin is encrypted with the app's current cipher, AEGIS-256 since stop 32 (before it
 * ChaCha20-Poly1305; see CURRENT_LEDGER_CIPHER): both authenticate every page, AEGIS on the
 * AES round that AES-NI/VAES run in hardware. Stop 31 quiet, ChaCha20: backup 6,344 ms, the
 * copy's quick_check its critical path (3.0 s of CPU; AEGIS-256 0.8 s on the same ledger).
 */
export const encryptionBench: BenchModule = {
  name: 'encryption',
  async run({ cases }) {
    const seeded = await seedBenchLedger(cases, TODAY);
    // Migrated (a kept ledger may be older) and closed, so both twins start from the same file.
    const first = new LedgerSession(seeded.dir, MIGRATIONS, () => new Date(`${TODAY}T02:00:00Z`));
    if ((await first.open()).state !== 'READY') throw new Error('seeded ledger');
    await first.whenChecked();
    await first.whenBaselined();
    first.db().pragma('wal_checkpoint(TRUNCATE)');
    first.close();

    const encDir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-enc-'));
    const encPaths = ledgerPaths(encDir);
    fs.mkdirSync(path.dirname(encPaths.ledgerFile), { recursive: true });
    fs.copyFileSync(seeded.file, encPaths.ledgerFile);
    const auditKey = readAuditKey(auditKeyFileFor(seeded.file));
    if (auditKey) writeAuditKey(auditKeyFileFor(encPaths.ledgerFile), auditKey);
    // The encrypted twin is made the way the app converts a plain ledger (verified plain backup,
    // copy, rekey in a worker, full check, swap): that whole run is encrypt_plain_ledger_100k_ms.
    const plain = await openLedger(encPaths, { migrations: MIGRATIONS, now: () => new Date() });
    if (plain.state !== 'READY') throw new Error(`plain twin ${plain.state}`);
    const steps: Partial<Record<EncryptionStep, number>> = {};
    const e0 = performance.now();
    let last = e0;
    await encryptPlainLedger({
      paths: encPaths,
      db: plain.db,
      now: () => new Date(),
      closeWriter: () => plain.db.close(),
      afterStep: (step) => {
        steps[step] = Math.round(performance.now() - last);
        last = performance.now();
      },
    });
    const encryptMs = performance.now() - e0;
    console.log(`conversion steps (ms): ${JSON.stringify(steps)}`);

    const open = async (dir: string) => {
      const session = new LedgerSession(dir, MIGRATIONS, () => new Date(`${TODAY}T02:00:00Z`));
      const opened = await session.open();
      if (opened.state !== 'READY') throw new Error(`ledger ${opened.state}`);
      await session.whenChecked();
      return session;
    };
    const twins = { plain: await open(seeded.dir), encrypted: await open(encDir) };
    const queries = [
      {},
      { statuses: ['MEDIATING'] },
      { statuses: ['CLOSED'], page: 20 },
      { category: 'FOREST_LAND', sort: 'CASE_NUMBER' },
      { text: '草场' },
    ].map((input) => ledgerQuerySchema.parse(input));
    const samples = {
      plain: { page: [] as number[], intake: [] as number[] },
      encrypted: { page: [] as number[], intake: [] as number[] },
    };
    const services = {
      plain: new CaseService(twins.plain),
      encrypted: new CaseService(twins.encrypted),
    };
    for (const twin of ['plain', 'encrypted'] as const) {
      for (const query of queries) searchLedger(twins[twin].db(), query, TODAY);
    }
    for (let r = 0; r < 40; r++) {
      for (const twin of r % 2 === 0
        ? (['plain', 'encrypted'] as const)
        : (['encrypted', 'plain'] as const)) {
        const db = twins[twin].db();
        for (const query of queries) {
          samples[twin].page.push(timeMs(() => searchLedger(db, query, TODAY)));
        }
        const values = intakeValues();
        samples[twin].intake.push(timeMs(() => services[twin].create(values)));
      }
    }
    twins.plain.close();
    twins.encrypted.close();
    const ratio = (kind: 'page' | 'intake') =>
      p95(samples.encrypted[kind]) / p95(samples.plain[kind]);

    const t0 = performance.now();
    const core = await createAppCore({ dataDir: encDir, appVersion: 'bench' });
    const status = await core.dispatch('system.status', {});
    const ready = performance.now() - t0;
    if (!status.ok) throw new Error('status');
    await core.ledger.whenChecked();
    if (core.ledger.health.state !== 'OK') throw new Error(`ledger ${core.ledger.health.state}`);
    await signInAs(core);
    const t1 = performance.now();
    const backup = await core.dispatch('system.backupNow', {});
    const backupMs = performance.now() - t1;
    if (!backup.ok) throw new Error(backup.error.message);
    await core.whenIdle();
    core.close();
    fs.rmSync(encDir, { recursive: true, force: true });
    fs.rmSync(seeded.dir, { recursive: true, force: true });

    const ms = (n: number) => n.toFixed(2);
    const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
    console.log(
      `medians: page plain ${ms(median(samples.plain.page))} / encrypted ${ms(median(samples.encrypted.page))} ms; intake plain ${ms(median(samples.plain.intake))} / encrypted ${ms(median(samples.encrypted.intake))} ms`,
    );
    console.log(
      `${cases} cases: converting the plain ledger ${encryptMs.toFixed(0)} ms; page p95 plain ${ms(p95(samples.plain.page))} / encrypted ${ms(p95(samples.encrypted.page))} ms; intake p95 plain ${ms(p95(samples.plain.intake))} / encrypted ${ms(p95(samples.encrypted.intake))} ms; encrypted start ${ready.toFixed(0)} ms, backup ${backupMs.toFixed(0)} ms`,
    );
    return {
      encrypted_ledger_page_ratio: round(ratio('page')),
      encrypted_intake_commit_ratio: round(ratio('intake')),
      encrypted_startup_ready_ms: round(ready),
      encrypted_backup_100k_ms: round(backupMs),
      encrypt_plain_ledger_100k_ms: round(encryptMs),
    };
  },
};

function intakeValues() {
  return caseIntakeSchema.parse({
    intakeDate: TODAY,
    source: 'ON_APPLICATION',
    category: 'FOREST_LAND',
    subtype: 'GRASSLAND',
    summary: '双方因冬季草场网围栏位置发生争议，申请人要求被申请人拆除越界围栏并赔偿损失。',
    parties: [0, 1].map((i) => {
      const id = idNumber();
      return {
        kind: 'NATURAL',
        role: i === 0 ? 'APPLICANT' : 'RESPONDENT',
        name: personName(),
        gender: Number(id.charAt(16)) % 2 === 1 ? 'MALE' : 'FEMALE',
        ethnicity: '04',
        phone: { phone: phone() },
        address: '格尔木市唐古拉山镇',
        idDocument: { type: 'RESIDENT_ID', number: id },
      };
    }),
  });
}
