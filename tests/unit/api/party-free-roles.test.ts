import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/accounts/roles.js';
import { apiContract, type ApiMethod } from '../../../domain/api/contract.js';
import { mayCall } from '../../../domain/api/method-roles.js';
import type { BackupSummary, RestorePreview } from '../../../domain/api/system-contract.js';
import type { MediatorWorkload } from '../../../domain/cases/mediator-workload.js';
import { reportLedger, type ReportLedger } from '../reports/report-fixtures.js';
import { intake } from '../services/case-fixtures.js';
import { signInAs } from '../support/signed-in-core.js';

// Review finding 6 (domain.md §7.3): 统计员 sees aggregates and 技术管理员 accounts, backups
// and settings; neither receives a party's name (case titles are "<申请人>与<被申请人>…纠纷"),
// phone, address or ID number. Every method each role may call is read on a seeded ledger
// and its answer scanned; a method added to a role without being read here fails the test.

/** What the seeded cases hold of their parties (case-fixtures' person and intake). */
const PARTY_DATA = ['王芳', '扎西多杰', '李桂英', '13800001234', '13900005678', '长江源村'];

/** Writes, sign-in and desk methods: their answers are a session, null or an account. */
const DESK_AND_WRITES = new Set<ApiMethod>([
  'accounts.setUp',
  'accounts.signIn',
  'accounts.recover',
  'accounts.lock',
  'accounts.signOut',
  'accounts.touch',
  'accounts.changePassword',
  'accounts.create',
  'accounts.update',
  'accounts.resetPassword',
  'accounts.setIdleLock',
  'settings.save',
  'settings.saveWording',
  'mediators.save',
  'caseSettings.save',
  'agreements.saveHolidayCalendar',
  'followups.saveSettings',
  'system.setBackupFolder',
  'system.backupNow',
  // replace or start the ledger: tested in restore-door.test.ts; they answer the status
  'system.restoreBackup',
  'system.startEmptyLedger',
  // files for the county: the statistics table and the pseudonymised ledger (export tests read
  // the files); the answer is the run (file name, counts)
  'exports.statistics',
  'exports.ledger',
  'exports.package',
  'exports.openFolder',
  'county.import',
  'county.exportReport',
]);

describe('统计员 and 技术管理员 receive no party data', () => {
  let r: ReportLedger;
  let backup: string;

  beforeAll(async () => {
    r = await reportLedger();
    // a backup, then one more case: the restore preview lists it as lost
    backup = (await r.l.call<BackupSummary>('system.backupNow', {})).fileName;
    await r.l.call('cases.create', intake());
  }, 60_000);
  afterAll(() => r.l.close());

  const inputs = (): Partial<Record<ApiMethod, readonly unknown[]>> => ({
    'system.status': [{}],
    'system.listBackups': [{}],
    'system.restorePreview': [{ fileName: backup }, {}],
    // a backup this computer's key opens: answered with its restore preview
    'system.unlockBackup': [{ fileName: backup, recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2' }],
    'accounts.session': [{}],
    'accounts.list': [{}],
    'settings.get': [{}],
    'settings.wording': [{}],
    'mediators.list': [{}],
    'mediators.workload': [
      { mediatorId: r.mediatorId, period: '2026-03' },
      { mediatorId: r.mediatorId, period: '2026' },
    ],
    'codeTables.get': [{}],
    'caseSettings.get': [{}],
    'agreements.getHolidayCalendar': [{}],
    'followups.getSettings': [{}],
    'statistics.get': [{ period: '2026-03' }],
    'exports.list': [{}],
    'county.report': [{ period: '2026-03' }],
  });

  async function readAll(role: Role): Promise<string[]> {
    const read: string[] = [];
    for (const [method, calls] of Object.entries(inputs()) as [ApiMethod, unknown[]][]) {
      if (!mayCall(role, method)) continue;
      for (const input of calls) {
        const res = await r.l.raw(method, input);
        if (!res.ok) throw new Error(`${role} ${method}: ${res.error.code} ${res.error.message}`);
        const text = JSON.stringify(res.value);
        for (const data of PARTY_DATA) expect(text, `${role} ${method}`).not.toContain(data);
      }
      read.push(method);
    }
    return read;
  }

  it('the seeded answers do hold party names for a director (the scan can fail)', async () => {
    const workload = await r.l.call<MediatorWorkload>('mediators.workload', {
      mediatorId: r.mediatorId,
      period: '2026-03',
    });
    expect(JSON.stringify(workload.outcomes)).toContain('王芳');
    const preview = await r.l.call<RestorePreview>('system.restorePreview', { fileName: backup });
    expect(JSON.stringify(preview.lostCases)).toContain('王芳');
  });

  it('统计员: every method read, no party data; outcomes keep their case numbers', async () => {
    await signInAs(r.l.core, 'STATISTICIAN');
    await readAll('STATISTICIAN');
    const workload = await r.l.call<MediatorWorkload>('mediators.workload', {
      mediatorId: r.mediatorId,
      period: '2026-03',
    });
    expect(workload.outcomes.length).toBeGreaterThan(0);
    for (const o of workload.outcomes) expect(o.title).toBeNull();
    expect(workload.outcomes.some((o) => o.caseNumber !== null)).toBe(true);
  });

  it('技术管理员: every method read, no party data; the lost cases are counted, not named', async () => {
    await signInAs(r.l.core, 'ADMIN');
    await readAll('ADMIN');
    const preview = await r.l.call<RestorePreview>('system.restorePreview', { fileName: backup });
    expect(preview.lostCases?.count).toBe(1);
    expect(preview.lostCases?.sample.map((c) => c.title)).toEqual([null]);
  });

  it('leaves out no method either role may call', () => {
    const read = new Set(Object.keys(inputs()));
    for (const role of ['STATISTICIAN', 'ADMIN'] as const) {
      const unchecked = (Object.keys(apiContract) as ApiMethod[]).filter(
        (m) => mayCall(role, m) && !read.has(m) && !DESK_AND_WRITES.has(m),
      );
      expect(unchecked, role).toEqual([]);
    }
  });
});
