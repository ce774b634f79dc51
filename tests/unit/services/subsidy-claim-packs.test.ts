import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.js';
import {
  insertCase,
  insertParty,
  insertSession,
  recordHistory,
  setCaseMediators,
  setCaseState,
} from '../../../db/cases/case-writes.js';
import {
  insertTierConfirmation,
  saveCaseSubsidyFacts,
} from '../../../db/subsidy/case-subsidy-queries.js';
import { insertPrintedDocument } from '../../../db/documents/print-register-queries.js';
import { insertAttachment } from '../../../db/volume/volume-queries.js';
import { rowsChangedSinceOpen } from '../../../db/wal-checkpoint.js';
import type { PartyValues } from '../../../domain/cases/party-input.js';
import type { CaseState } from '../../../domain/case-lifecycle.js';
import { parsePeriod } from '../../../domain/statistics/period.js';
import type {
  ImportRulesResult,
  SubsidyClaimPack,
  SubsidyRulesDetail,
  SubsidyRulesList,
} from '../../../domain/subsidy/subsidy-views.js';
import { PNG_BYTES } from '../followups/followup-fixtures.js';
import { claimPackAsBefore } from '../support/claim-pack-as-before.js';
import { addMediator, openTestLedger, setUpRoom, type TestLedger } from './case-fixtures.js';
import { plainSession, printOf, settledCase } from './claim-case-seed.js';
import { CLAIM_SUMMARY_LOGIC_VERSION } from '../../../electron/services/subsidy-claim-cases.js';
import { activateExampleRules } from './subsidy-fixtures.js';

/**
 * `subsidy.claimPacks` reads a period once for every mediator, and `subsidy.claimPack` uses the
 * same code for one. Both must give, for every mediator, exactly the pack the mediator's own
 * reading gave before (the oracle, `claimPackAsBefore`): 360 cases written straight into the
 * ledger from a fixed seed — four of five mediators, some cases shared (lead first), parties drawn from a
 * small village so disputes repeat (with and without ID numbers or phones), refused cases and
 * cases accepted long before their outcome, written and oral settlements, failures and
 * referrals, ID copies for some parties, printed papers, confirmed, overridden, reconfirmed and unknown tiers, reviewer facts
 * — under two rules and four periods.
 */

let seed = 0x5eed_2025;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x1_0000_0000;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const NOW = '2026-04-10T02:00:00.000Z';

/** 24 villagers: a third without an ID number, a few of those without a phone either. */
const VILLAGERS: PartyValues[] = Array.from({ length: 24 }, (_, i) => {
  const withId = i % 3 !== 0;
  const withPhone = withId || i % 2 === 0;
  return {
    kind: 'NATURAL',
    role: 'APPLICANT',
    name: `${'马李韩冶祁沈喇赵'[i % 8] ?? ''}${['福祥', '永贵', '学明'][i % 3] ?? ''}`,
    gender: i % 2 === 0 ? 'MALE' : 'FEMALE',
    genderConfirmed: false,
    ethnicity: '01',
    birthDate: null,
    occupation: '牧民',
    phone: withPhone
      ? { kind: 'MOBILE', phone: `1380000${String(i).padStart(4, '0')}`, noPhoneReason: null }
      : { kind: 'NONE', phone: '无', noPhoneReason: '没有手机' },
    address: '格尔木市唐古拉山镇长江源村',
    note: null,
    idDocument: withId
      ? {
          type: 'RESIDENT_ID',
          number: `63280119800101${String(1000 + i).slice(-4)}`,
          name: null,
          noneReason: null,
        }
      : { type: 'NONE', number: null, name: null, noneReason: '证件遗失' },
    preferredLanguage: 'zh',
    needsInterpreter: false,
    ownScriptName: null,
    ownScriptAddress: null,
    // Every fifth villager comes with an agent: the volume then asks for a power of attorney.
    representatives: hasAgent(i)
      ? [
          {
            kind: 'AGENT',
            name: '李律师',
            relationship: '律师',
            phone: { kind: 'MOBILE', phone: '13700001111', noPhoneReason: null },
            idDocument: null,
          },
        ]
      : [],
  } as PartyValues;
});

function hasAgent(villager: number): boolean {
  return villager % 5 === 4;
}

const CATEGORIES = ['NEIGHBOUR', 'CONTRACT', 'FOREST_LAND', 'MARRIAGE_FAMILY'] as const;
const OUTCOMES = ['SETTLE_WRITTEN', 'SETTLE_WRITTEN', 'SETTLE_ORAL', 'TERMINATE_FAILED', 'REFER'];
const TO_STATE: Record<string, CaseState> = {
  SETTLE_WRITTEN: 'SETTLED_WRITTEN',
  SETTLE_ORAL: 'SETTLED_ORAL',
  TERMINATE_FAILED: 'TERMINATED_FAILED',
  REFER: 'REFERRED',
};

function seedCases(db: Db, mediatorIds: readonly number[], rulesIds: readonly string[]): void {
  const start = Date.parse('2024-09-01T00:00:00Z');
  const earlier: (readonly number[])[] = [];
  db.transaction(() => {
    for (let i = 0; i < 360; i += 1) {
      // A third of the cases repeat the parties of an earlier case (the same dispute or not).
      const people =
        earlier.length > 0 && rand() < 0.35
          ? pick(earlier)
          : Array.from(
              new Set(Array.from({ length: rand() < 0.3 ? 3 : 2 }, () => Math.floor(rand() * 24))),
            );
      earlier.push(people);
      // Most cases ended within weeks; some were accepted a year and more before.
      const intakeMs = start + Math.floor(i * 1.6 * DAY) - (rand() < 0.06 ? 500 * DAY : 0);
      const intakeDate = isoDay(intakeMs);
      const category = rand() < 0.7 ? 'NEIGHBOUR' : pick(CATEGORIES);
      const id = insertCase(
        db,
        {
          title: `案件${i}`,
          intakeDate,
          source: pick(['ON_APPLICATION', 'PROACTIVE', 'ENTRUSTED_POLICE', 'ENTRUSTED_COURT']),
          category,
          subtype: null,
          summary: '双方因院墙和排水沟发生争执。',
          requests: ['请求调解'],
          riskLevel: pick(['LOW', 'MEDIUM', 'HIGH']),
          riskFactors: rand() < 0.1 ? ['MANY_PARTIES'] : [],
          preventionFlags: [],
          isDifficult: rand() < 0.15,
          amountClaimedFen: rand() < 0.5 ? Math.floor(rand() * 50) * 100_000 : null,
          remarks: null,
        },
        'INTAKE',
        NOW,
      );
      const lead = pick(mediatorIds);
      const second = pick(mediatorIds);
      setCaseMediators(db, id, rand() < 0.2 && second !== lead ? [lead, second] : [lead]);
      const partyIds = people.map((p, k) =>
        insertParty(
          db,
          id,
          { ...(VILLAGERS[p] as PartyValues), role: k === 0 ? 'APPLICANT' : 'RESPONDENT' },
          NOW,
        ),
      );
      if (rand() < 0.05) {
        setCaseState(db, id, 'REJECTED', {});
        continue;
      }
      const acceptedMs = intakeMs + Math.floor(rand() * 3) * DAY;
      setCaseState(db, id, 'MEDIATING', { acceptedDate: isoDay(acceptedMs) });
      const sessions = Math.floor(rand() * 4);
      for (let s = 0; s < sessions; s += 1) {
        const day = isoDay(acceptedMs + (s + 1) * DAY);
        insertSession(db, id, plainSession(day, lead), '调解', NOW);
      }
      for (const partyId of partyIds) {
        if (rand() < 0.5) continue;
        insertAttachment(
          db,
          {
            caseId: id,
            kind: 'IDENTITY_PROOF',
            partyId,
            fileName: `身份证${partyId}.png`,
            mediaType: 'image/png',
            bytes: PNG_BYTES,
            sha256: createHash('sha256').update(PNG_BYTES).digest('hex'),
          },
          NOW,
        );
      }
      // Half the agents' powers of attorney are on file (by party id: the draws stay as they were).
      partyIds.forEach((partyId, k) => {
        if (!hasAgent(people[k] ?? 0) || partyId % 2 === 1) return;
        insertAttachment(
          db,
          {
            caseId: id,
            kind: 'POWER_OF_ATTORNEY',
            partyId,
            fileName: `授权委托书${partyId}.png`,
            mediaType: 'image/png',
            bytes: PNG_BYTES,
            sha256: createHash('sha256').update(PNG_BYTES).digest('hex'),
          },
          NOW,
        );
      });
      for (const kind of [
        'APPLICATION',
        'ACCEPTANCE_REGISTER',
        'RIGHTS_NOTICE',
        'CLOSING_REPORT',
      ]) {
        if (rand() < 0.6) continue;
        insertPrintedDocument(db, printOf(id, kind), NOW);
      }
      if (rand() < 0.1) continue; // still open
      const action = pick(OUTCOMES);
      const endDay = isoDay(acceptedMs + (10 + Math.floor(rand() * 40)) * DAY);
      recordHistory(db, {
        caseId: id,
        from: 'MEDIATING',
        to: TO_STATE[action] ?? 'TERMINATED_FAILED',
        action,
        data:
          action === 'TERMINATE_FAILED'
            ? { action, terminatedDate: endDay, reason: '调解不成' }
            : { action },
        at: `${endDay}T02:00:00.000Z`,
        actor: '本机用户',
      });
      setCaseState(db, id, TO_STATE[action] ?? 'TERMINATED_FAILED', {});
      for (const rulesId of rulesIds) {
        const r = rand();
        if (r >= 0.3) continue;
        insertTierConfirmation(db, {
          caseId: id,
          rulesId,
          // An agreed tier, a changed one with its reason, and one the rule no longer has.
          tierCode: r < 0.1 ? 'GENERAL' : r < 0.2 ? 'DIFFICULT' : 'RETIRED',
          suggestedTierCode: 'GENERAL',
          reason: r < 0.1 ? null : '案情复杂',
          confirmedBy: '本机用户',
          confirmedAt: NOW,
        });
        // Some cases are confirmed again later: the newest confirmation under the rule counts.
        if (id % 4 === 0) {
          insertTierConfirmation(db, {
            caseId: id,
            rulesId,
            tierCode: r < 0.15 ? 'DIFFICULT' : 'GENERAL',
            suggestedTierCode: 'GENERAL',
            reason: '复核后调整',
            confirmedBy: '本机用户',
            confirmedAt: NOW,
          });
        }
      }
      if (rand() < 0.5) {
        saveCaseSubsidyFacts(
          db,
          {
            caseId: id,
            inCountyRegister: rand() < 0.3 ? null : rand() < 0.8,
            countyRegisterRef: null,
            crossArea: rand() < 0.2,
            oralAttendanceProven: rand() < 0.6,
          },
          0,
          NOW,
        );
      }
    }
  })();
}

/**
 * Where one pass for the room could judge a repeat differently from a mediator's own reading,
 * unless it looks up each mediator's neighbours as the ledger would: (1) two cases of the same
 * parties, each another mediator's, accepted before the window a Q4 look-up reaches; (2) two
 * cases whose parties are the same people by the duplicate rule (phone digits) but not by the
 * look-up's exact phone.
 */
function seedLookupEdges(db: Db, [a, b]: readonly number[]): void {
  const [p, q] = [VILLAGERS[1], VILLAGERS[2]] as [PartyValues, PartyValues];
  db.transaction(() => {
    for (const [lead, accepted] of [
      [a, '2023-06-01'],
      [b, '2023-06-20'],
    ] as const) {
      settledCase(db, { lead: lead ?? 0, parties: [p, q], accepted, settled: '2025-11-20' });
    }
    const noId = (phone: string, role: PartyValues['role'], name: string) =>
      ({
        ...VILLAGERS[0],
        role,
        name,
        phone: { kind: 'MOBILE', phone, noPhoneReason: null },
        idDocument: { type: 'NONE', number: null, name: null, noneReason: '证件遗失' },
      }) as PartyValues;
    for (const [lead, phone, accepted] of [
      [a, '138-0000-7777', '2025-05-06'],
      [b, '13800007777', '2025-06-01'],
    ] as const) {
      settledCase(db, {
        lead: lead ?? 0,
        parties: [noId(phone, 'APPLICANT', '冶学明'), noId('13900008888', 'RESPONDENT', '喇永贵')],
        accepted,
        settled: '2025-11-25',
      });
    }
  })();
}

/** Shares a case between its mediators, pays oral cases half with proof, 90-day window. */
const SPLIT_RULES = {
  format: 'mediation-desk/subsidy-rules',
  formatVersion: 1,
  id: 'county-split',
  title: '丁县以案定补办法（测试）',
  issuer: '丁县司法局（测试）',
  isExample: true,
  basis: '测试用规则，不是任何县的现行标准。',
  validFrom: '2025-01-01',
  validTo: null,
  requires: { completeVolume: false, countyRegister: true, mediatorFiled: false },
  multipleMediators: 'SPLIT_EVENLY',
  duplicateWindowDays: 90,
  tiers: [
    {
      code: 'GENERAL',
      label: '一般',
      rank: 1,
      amountFen: 10_001,
      requiredDocuments: ['SESSION_RECORD'],
    },
    {
      code: 'DIFFICULT',
      label: '疑难',
      rank: 2,
      amountFen: 20_000,
      requiredDocuments: ['APPLICATION_OR_REGISTER', 'RIGHTS_NOTICE', 'CLOSING_REPORT'],
      when: [[{ fact: 'isDifficult', is: true }], [{ fact: 'sessions', atLeast: 3 }]],
    },
  ],
  oral: { paid: true, percent: 50, proof: 'ATTENDANCE_SIGNED' },
};

let l: TestLedger;
let mediatorIds: number[];
const rules: Record<'example' | 'split', SubsidyRulesDetail> = {} as never;

async function activate(rowId: number): Promise<void> {
  const list = await l.call<SubsidyRulesList>('subsidy.listRules', {});
  await l.call('subsidy.activateRules', { rowId, expectedVersion: list.version });
}

beforeAll(async () => {
  l = await openTestLedger(() => new Date(NOW));
  const { mediatorId } = await setUpRoom(l);
  mediatorIds = [mediatorId];
  for (const name of ['巴特尔', '王建国', '卓玛', '韩梅']) {
    mediatorIds.push(await addMediator(l, name));
  }
  const split = await l.call<ImportRulesResult>('subsidy.importRules', {
    source: 'FILE',
    fileName: 'county-split.json',
    dataBase64: Buffer.from(JSON.stringify(SPLIT_RULES)).toString('base64'),
  });
  const example = await activateExampleRules(l);
  rules.example = await l.call<SubsidyRulesDetail>('subsidy.getRules', {
    rowId: example.summary.rowId,
  });
  rules.split = await l.call<SubsidyRulesDetail>('subsidy.getRules', {
    rowId: split.summary.rowId,
  });
  // The cases are written past the API's door: let the start-up check finish first, so it never
  // reads the ledger while these writes go in.
  await l.core.ledger.whenChecked();
  const db = l.core.ledger.db();
  seedCases(db, mediatorIds.slice(0, 4), [rules.example.rules.id, rules.split.rules.id]);
  seedLookupEdges(db, mediatorIds);
}, 120_000);
afterAll(() => l.close());

const PERIODS = ['2025', '2025-Q4', '2026-Q1', '2025-H2'] as const;

describe('every mediator’s pack from one pass equals the pack read alone before', () => {
  it.each(['example', 'split'] as const)('under the %s rule, four periods', async (which) => {
    await activate(rules[which].summary.rowId);
    const seen = {
      lines: 0,
      duplicates: 0,
      confirmed: 0,
      shared: 0,
      claimable: 0,
      missing: 0,
      noProxy: 0,
      empty: 0,
    };
    for (const key of PERIODS) {
      const period = parsePeriod(key);
      if (!period) throw new Error(key);
      const packs = await l.call<SubsidyClaimPack[]>('subsidy.claimPacks', { period: key });
      const byMediator = new Map(packs.map((p) => [p.mediator.id, p]));
      for (const id of mediatorIds) {
        const before = claimPackAsBefore(l.core.ledger.db(), rules[which].rules, period, id);
        const one = await l.call<SubsidyClaimPack>('subsidy.claimPack', {
          mediatorId: id,
          period: key,
        });
        expect(one).toEqual(before);
        // The room's round lists the mediators with a case in the period, in the list's order.
        if (before.lines.length === 0) {
          expect(byMediator.has(id)).toBe(false);
          seen.empty += 1;
        } else expect(byMediator.get(id)).toEqual(before);
        seen.lines += before.lines.length;
        seen.duplicates += before.lines.filter((x) => x.duplicateOf !== null).length;
        seen.confirmed += before.lines.filter((x) => x.tierSource === 'CONFIRMED').length;
        seen.shared += before.lines.filter((x) => x.share !== null).length;
        seen.claimable += before.totals.claimable;
        seen.missing += before.lines.filter((x) => x.missingDocuments.length > 0).length;
        seen.noProxy += before.lines.filter((x) =>
          x.notClaimableReasons.some((r) => r.includes('缺少授权委托书')),
        ).length;
      }
      expect(packs.map((p) => p.mediator.id)).toEqual(
        mediatorIds.filter((id) => byMediator.has(id)),
      );
    }
    // The comparison covers what it is meant to: repeated disputes, decided tiers, claims.
    expect(seen.lines).toBeGreaterThan(250);
    expect(seen.duplicates).toBeGreaterThan(15);
    expect(seen.confirmed).toBeGreaterThan(40);
    // 韩梅 has no case: an empty pack alone, no pack in the room's round.
    expect(seen.empty).toBe(PERIODS.length);
    // The example rule wants the volume complete: parties with an agent and no power of attorney.
    if (which === 'example') expect(seen.noProxy).toBeGreaterThan(20);
    if (which === 'split') {
      expect(seen.claimable).toBeGreaterThan(10);
      expect(seen.missing).toBeGreaterThan(20);
      expect(seen.shared).toBeGreaterThan(0);
    }
  });
});

/**
 * Money depends on these packs: the room's packs under both rules and every period, frozen as base
 * 9c24a68 computed them, before the pack was made faster. A changed answer fails here, whatever
 * the oracle above shares with the code it checks. No mediator here is 备案, so only the split
 * rule's lines are paid: the three counties' frozen packs carry the amounts and shares as well.
 */
/** The room's packs under both rules and every period; `before` runs ahead of each call. */
async function everyRuleAndPeriod(
  before: () => Promise<void> = async () => {},
): Promise<Record<string, SubsidyClaimPack[]>> {
  const packs: Record<string, SubsidyClaimPack[]> = {};
  for (const which of ['example', 'split'] as const) {
    await activate(rules[which].summary.rowId);
    for (const key of PERIODS) {
      await before();
      packs[`${which} ${key}`] = await l.call<SubsidyClaimPack[]>('subsidy.claimPacks', {
        period: key,
      });
    }
  }
  // Read, never written: no run (not even `vitest -u`) may make the code's answer the expected one.
  expect(JSON.parse(JSON.stringify(packs))).toEqual(
    JSON.parse(
      readFileSync(path.join(import.meta.dirname, 'frozen/subsidy-claim-packs.json'), 'utf8'),
    ),
  );
  return packs;
}

describe('the packs stay as frozen', () => {
  it('both rules, four periods, every mediator', async () => {
    await everyRuleAndPeriod();
  });

  // The same frozen packs with the summary partly stale (review s32-claimsum CS6): before each
  // compared call, every period is warmed and then every third case's row dropped.
  it('both rules, four periods, every mediator, with the summary partly stale', async () => {
    const db = l.core.ledger.db();
    const count = () =>
      db.prepare('SELECT count(*) FROM claim_case_summary').pluck().get() as number;
    await everyRuleAndPeriod(async () => {
      for (const key of PERIODS) await l.call('subsidy.claimPacks', { period: key });
      const warm = count();
      db.exec('DELETE FROM claim_case_summary WHERE case_id % 3 = 1');
      expect(count()).toBeLessThan(warm);
      expect(count()).toBeGreaterThan(0);
    });
  });

  /**
   * The summary caches the claim row's and the volume judge's outputs. Rows of the current logic
   * version are trusted by every pack of a ledger in the field, so any change to what they hold
   * (a checklist rule, a reason's wording, a slot's place in the payload) must come with a bump
   * of CLAIM_SUMMARY_LOGIC_VERSION and a new frozen file under the new number: here the payloads
   * computed cold for every case under both rules equal those frozen for this version.
   */
  it('the stored claim summaries of this logic version stay as frozen', async () => {
    const db = l.core.ledger.db();
    const stored: Record<string, string> = {};
    for (const which of ['example', 'split'] as const) {
      await activate(rules[which].summary.rowId);
      db.exec('DELETE FROM claim_case_summary');
      for (const key of ['2025', '2026-Q1']) {
        await l.call<SubsidyClaimPack[]>('subsidy.claimPacks', { period: key });
      }
      for (const [caseId, rulesId, payload] of db
        .prepare('SELECT case_id, rules_id, payload FROM claim_case_summary ORDER BY case_id')
        .raw(true)
        .all() as [number, string, string][]) {
        stored[`${rulesId} ${caseId}`] = payload;
      }
    }
    expect(Object.keys(stored).length).toBeGreaterThan(100);
    const file = `frozen/claim-summary-v${CLAIM_SUMMARY_LOGIC_VERSION}.json`;
    // Read, never written (a new version's file is made once, by hand, and reviewed).
    expect(stored).toEqual(JSON.parse(readFileSync(path.join(import.meta.dirname, file), 'utf8')));
  });

  // A damaged ledger still answers reads on a query_only connection, where the claim reads cannot
  // fill their temporary id table and hand SQLite the JSON list instead: the same packs.
  it('a read changes nothing; the same packs from a connection that may not write (query_only)', async () => {
    await activate(rules.split.summary.rowId);
    const written = await l.call<SubsidyClaimPack[]>('subsidy.claimPacks', { period: '2025' });
    const db = l.core.ledger.db();
    // A read: the desk's change count (hourly backup, idle checkpoint) does not move.
    const changed = rowsChangedSinceOpen(db);
    await l.call<SubsidyClaimPack[]>('subsidy.claimPacks', { period: '2025' });
    await l.call<SubsidyClaimPack>('subsidy.claimPack', {
      mediatorId: mediatorIds[0],
      period: '2025',
    });
    expect(rowsChangedSinceOpen(db)).toBe(changed);
    db.pragma('query_only = ON');
    try {
      const readOnly = await l.call<SubsidyClaimPack[]>('subsidy.claimPacks', { period: '2025' });
      expect(readOnly).toEqual(written);
      expect(readOnly.length).toBeGreaterThan(2);
    } finally {
      db.pragma('query_only = OFF');
    }
  });
});
