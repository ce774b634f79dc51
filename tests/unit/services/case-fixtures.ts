import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppCore, type AppCoreOptions } from '../../../electron/core/app-core.js';
import type { ExportRenderer } from '../../../electron/reports/export-renderer.js';
import type { ExportReadSlices } from '../../../electron/services/export-service.js';
import { openSignedInCore } from '../support/signed-in-core.js';
import type { ApiEnvelope } from '../../../domain/api/errors.js';
import type { CaseDetail } from '../../../domain/cases/case-views.js';

/** A real ledger in a temp directory, driven through the same dispatch the renderer uses. */
export interface TestLedger {
  readonly core: AppCore;
  readonly dir: string;
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  raw(method: string, input: unknown): Promise<ApiEnvelope<unknown>>;
  close(): void;
}

/**
 * `exportRenderer`: where the long renders run (this thread unless a test holds a thread);
 * `exportReadSlices`: how the long reads of exports are cut (tests gate the pauses).
 */
export interface TestLedgerOptions {
  readonly exportRenderer?: ExportRenderer;
  readonly exportReadSlices?: ExportReadSlices;
  readonly mediatorsReadRoom?: AppCoreOptions['mediatorsReadRoom'];
}

export async function openTestLedger(
  now: () => Date = () => new Date('2026-03-10T02:00:00Z'),
  options: TestLedgerOptions = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-cases-'));
  const core = await openSignedInCore({
    dataDir: dir,
    appVersion: 'test',
    now,
    ...options,
    log: { error: ({ error }) => console.error(error) },
  });
  return testLedgerOf(core, dir);
}

/** A TestLedger around a core opened on `dir` (closing it removes `dir`). */
export function testLedgerOf(core: AppCore, dir: string): TestLedger {
  const ledger: TestLedger = {
    core,
    dir,
    raw: (method, input) => core.dispatch(method, input),
    async call<T>(method: string, input: unknown): Promise<T> {
      const res = await core.dispatch(method, input);
      if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
      return res.value as T;
    },
    close() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return ledger;
}

export const ROOM_SETTINGS = {
  committeeName: '金峰村人民调解委员会',
  roomName: '金峰村调解室',
  organisationType: 'VILLAGE',
  divisionCode: null,
  numberAbbreviation: '金峰',
  caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
  documentDateStyle: 'ARABIC',
  countyOfficeName: '格尔木市司法局',
};

/**
 * The director signed in to a set-up room on `dataDir` with a few intakes (their party pages
 * are what the damage tests smash), for a test to go on with or close.
 */
export async function roomWithCases(dataDir: string, cases = 3): Promise<TestLedger> {
  const l = testLedgerOf(await openSignedInCore({ dataDir, appVersion: 'test' }), dataDir);
  await l.call('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
  for (let i = 0; i < cases; i += 1) await l.call('cases.create', intake());
  return l;
}

export async function setUpRoom(l: TestLedger): Promise<{ mediatorId: number }> {
  await l.call('settings.save', { settings: ROOM_SETTINGS, expectedVersion: 0 });
  return { mediatorId: await addMediator(l, '才让', ['zh', 'bo']) };
}

/** A mediator profile (多吉, Chinese only by default), e.g. the one whose cases are not yours. */
export async function addMediator(
  l: TestLedger,
  name = '多吉',
  languages = ['zh'],
): Promise<number> {
  const profile = { name, languages, isPeopleMediator: true, active: true };
  return (
    await l.call<{ id: number }>('mediators.save', { id: null, expectedVersion: 0, ...profile })
  ).id;
}

export function person(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'NATURAL',
    role: 'APPLICANT',
    name: '王芳',
    gender: 'FEMALE',
    ethnicity: '01',
    birthDate: null,
    occupation: '牧民',
    phone: { phone: '13800001234' },
    address: '格尔木市唐古拉山镇长江源村',
    idDocument: { type: 'RESIDENT_ID', number: '６３２８０１１９８５０７０４１２４６' },
    ...overrides,
  };
}

/** A saved natural person as the correction form sends it back, with `overrides`. */
export function naturalInput(
  p: CaseDetail['parties'][number],
  overrides: Record<string, unknown> = {},
) {
  return person({
    role: p.role,
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    occupation: p.occupation,
    phone: { phone: p.phone.phone },
    address: p.address,
    idDocument: p.idDocument,
    preferredLanguage: p.preferredLanguage,
    needsInterpreter: p.needsInterpreter,
    ...overrides,
  });
}

/** A lawyer acting for a party, with a resident ID number. */
export const agent = (name: string, number: string) => ({
  kind: 'AGENT',
  name,
  relationship: '律师',
  phone: { phone: '13700001111' },
  idDocument: { type: 'RESIDENT_ID', number },
});

export function intake(overrides: Record<string, unknown> = {}) {
  return {
    intakeDate: '2026-03-02',
    source: 'ON_APPLICATION',
    category: 'FOREST_LAND',
    subtype: 'GRASSLAND',
    summary: '申请人与被申请人因冬季草场边界发生争议，被申请人的牛羊多次越界放牧。',
    requests: ['确认草场边界', '赔偿草场损失'],
    riskLevel: 'MEDIUM',
    parties: [
      person(),
      person({
        role: 'RESPONDENT',
        name: '扎西多杰',
        gender: 'MALE',
        ethnicity: '04',
        phone: { phone: '13900005678' },
        idDocument: null,
        preferredLanguage: 'bo',
      }),
    ],
    ...overrides,
  };
}

export function session(
  partyIds: number[],
  mediatorId: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    startAt: '2026-03-09T09:30',
    endAt: '2026-03-09T11:00',
    place: '金峰村调解室',
    partyIdsPresent: partyIds,
    mediatorIds: [mediatorId],
    recorder: '李明',
    interpreter: { name: '多杰才旦', language: 'bo' },
    recordMode: 'FULL',
    content: '调解员告知双方权利义务。双方陈述了夏季牧场的使用情况，同意现场勘查。',
    result: 'CONTINUE',
    readBackConfirmed: true,
    ...overrides,
  };
}
