// Run in a child process by case-numbering-concurrency.test.ts: one app core, its own
// connection to the shared ledger, accepting cases as fast as it can.
import { openSignedInCore } from '../support/signed-in-core.js';
import type { CaseDetail, SavedCase } from '../../../domain/cases/case-views.js';
import { intake } from './case-fixtures.js';

async function main(): Promise<void> {
  const [dataDir, countText] = process.argv.slice(2);
  const core = await openSignedInCore({
    dataDir: dataDir ?? '',
    appVersion: 'test',
    // Two writers on one ledger on purpose: the app's own lock would stop the second process.
    exclusive: false,
    now: () => new Date('2026-03-10T02:00:00Z'),
  });
  const numbers: string[] = [];
  for (let i = 0; i < Number(countText); i += 1) {
    const created = await core.dispatch('cases.create', intake());
    if (!created.ok) throw new Error(created.error.message);
    const c = (created.value as SavedCase).case;
    const res = await core.dispatch('cases.transition', {
      caseId: c.id,
      expectedVersion: c.version,
      input: { action: 'ACCEPT', acceptedDate: '2026-03-05' },
    });
    if (!res.ok) throw new Error(res.error.message);
    numbers.push((res.value as CaseDetail).caseNumber ?? '');
  }
  core.close();
  process.stdout.write(JSON.stringify(numbers));
}

void main();
