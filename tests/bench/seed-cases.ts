import type { Db } from '../../db/connection.js';
import {
  insertCase,
  insertParty,
  insertSession,
  recordHistory,
  setCaseMediators,
  setCaseState,
} from '../../db/cases/case-writes.js';
import { recordIssuedNumber } from '../../db/cases/case-numbering.js';
import { saveMediator } from '../../db/cases/mediator-queries.js';
import { saveRoomSettings } from '../../db/room-settings-queries.js';
import { refreshCaseSearch } from '../../db/search/case-search-index.js';
import type { PartyValues } from '../../domain/cases/party-input.js';
import type { CaseState } from '../../domain/case-lifecycle.js';
import { idCheckCharacter } from '../../domain/validation/id-number.js';

/**
 * Realistic synthetic ledger: pastoral and village disputes, Han names (many of two
 * characters), Tibetan and Mongolian transliterations, 100–300 character summaries and 1–3
 * sessions per case. Deterministic (seeded PRNG) so runs are comparable.
 */

let state = 0x2f6e2b1;
export function rand(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 0x1_0000_0000;
}
export const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
export const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗韩冶祁才'.split('');
const GIVEN = '芳强伟敏静丽军磊洋勇艳杰娟涛明超霞平刚桂英华兰玉秀红梅建国德福海'.split('');
const TRANSLITERATED = [
  '扎西多杰',
  '才让',
  '卓玛',
  '旦增',
  '索南才让',
  '拉毛措',
  '多杰',
  '尼玛',
  '次仁卓嘎',
  '更登',
  '巴特尔',
  '其其格',
  '乌力吉',
  '斯琴',
  '额尔敦',
  '朝鲁',
  '萨仁',
  '苏和',
  '阿拉坦仓',
  '娜仁花',
];
const PLACES = [
  '唐古拉山镇',
  '郭勒木德镇',
  '长江源村',
  '金峰村',
  '巴音嘎查',
  '宝力格苏木',
  '红柳村',
  '东村',
];
const SUBJECTS = [
  ['草场', '冬季草场', '夏季牧场', '草山', '网围栏', '牛羊越界', '放牧', '饮水点'],
  ['宅基地', '院墙', '排水沟', '通行道路', '采光'],
  ['借款', '欠条', '工程款', '货款', '租金'],
  ['赡养', '抚养费', '离婚', '彩礼', '分家'],
  ['物业费', '漏水', '停车位'],
  ['劳务费', '工资', '工伤'],
];
const CATEGORIES = [
  'FOREST_LAND',
  'HOUSING_HOMESTEAD',
  'CONTRACT',
  'MARRIAGE_FAMILY',
  'PROPERTY_MGMT',
  'LABOUR',
] as const;
const SENTENCES = [
  '双方因{x}问题多次发生争执，矛盾有激化趋势。',
  '申请人称被申请人未经同意占用其{x}，造成经济损失约{n}元。',
  '被申请人辩称{x}的界线早在十年前已由村委会划定。',
  '经村两委和网格员多次协调未果，申请人请求调解委员会调解。',
  '争议涉及{x}，双方均有过激言语，需防止矛盾升级。',
  '申请人要求被申请人赔偿{x}损失并书面道歉。',
  '双方曾于去年口头约定{x}的使用办法，但未形成书面协议。',
  '调解员走访了周边牧户，了解{x}的历史使用情况。',
];
const SESSION_LINES = [
  '调解员告知双方权利义务，双方表示清楚。',
  '申请人陈述了{x}的经过，被申请人部分认可。',
  '经调解员释法说理，双方同意再协商{x}问题。',
  '双方同意由村委会现场勘查{x}后再次调解。',
];

function sentence(template: string, topic: readonly string[]): string {
  return template.replace('{x}', pick(topic)).replace('{n}', String(int(2, 300) * 100));
}

export function personName(): string {
  const r = rand();
  if (r < 0.25) return pick(TRANSLITERATED);
  if (r < 0.75) return pick(SURNAMES) + pick(GIVEN); // two characters: 王芳
  return pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
}

export function idNumber(): string {
  const first17 = `632801${int(1950, 2005)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(0, 999)).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export function phone(): string {
  return `1${pick(['38', '39', '37', '58', '80', '89'])}${String(int(0, 99_999_999)).padStart(8, '0')}`;
}

function party(role: PartyValues['role']): PartyValues {
  const id = idNumber();
  return {
    kind: 'NATURAL',
    role,
    name: personName(),
    gender: Number(id.charAt(16)) % 2 === 1 ? 'MALE' : 'FEMALE',
    genderConfirmed: false,
    ethnicity: pick(['01', '04', '02', '03', '30']),
    birthDate: null,
    occupation: pick(['牧民', '农民', '个体', '退休', null]),
    phone: { kind: 'MOBILE', phone: phone(), noPhoneReason: null },
    address: `格尔木市${pick(PLACES)}${int(1, 200)}号`,
    note: null,
    idDocument: { type: 'RESIDENT_ID', number: id, name: null, noneReason: null },
    preferredLanguage: 'zh',
    needsInterpreter: false,
    ownScriptName: null,
    ownScriptAddress: null,
    representatives: [],
  };
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const FINISHED: readonly CaseState[] = [
  'CLOSED',
  'CLOSED',
  'CLOSED',
  'ARCHIVED',
  'FOLLOW_UP',
  'PERFORMING',
];
const STATES: readonly CaseState[] = [
  'MEDIATING',
  'MEDIATING',
  'ACCEPTED',
  'SETTLED_WRITTEN',
  'SETTLED_ORAL',
  'CLOSED',
  'CLOSED',
  'CLOSED',
  'TERMINATED_FAILED',
  'INTAKE',
];

/** Seeds `count` cases in one transaction through the db layer (not the API, for speed). */
export function seedCases(
  db: Db,
  count: number,
  mediatorIds: readonly number[],
  today: string,
  /** Called once a case's records are in and before it is archived (archived cases are read-only). */
  afterRecords?: (caseId: number, status: CaseState, acceptedDate: string) => void,
): void {
  const now = new Date().toISOString();
  const end = Date.parse(`${today}T00:00:00Z`);
  const start = end - 3 * 365 * DAY;
  const seqByYear = new Map<number, number>();
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const c = int(0, CATEGORIES.length - 1);
      const topic = SUBJECTS[c] ?? [];
      const intakeMs = start + Math.floor(((end - start) * i) / count);
      let summary = '';
      const target = int(100, 300);
      while ([...summary].length < target) summary += sentence(pick(SENTENCES), topic);
      const parties = [
        party('APPLICANT'),
        party('RESPONDENT'),
        ...(rand() < 0.4 ? [party('THIRD_PARTY')] : []),
      ];
      const id = insertCase(
        db,
        {
          title: `${parties[0]?.name}与${parties[1]?.name}${pick(topic)}纠纷`,
          intakeDate: isoDay(intakeMs),
          source: pick([
            'ON_APPLICATION',
            'PROACTIVE',
            'ENTRUSTED_POLICE',
            'ENTRUSTED_COURT',
          ] as const),
          category: CATEGORIES[c] ?? 'OTHER',
          subtype: c === 0 ? 'GRASSLAND' : null,
          summary,
          requests: ['请求调解'],
          riskLevel: pick(['LOW', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const),
          riskFactors: [],
          preventionFlags: [],
          isDifficult: rand() < 0.1,
          amountClaimedFen: rand() < 0.5 ? int(1, 5000) * 10_000 : null,
          remarks: null,
        },
        'INTAKE',
        now,
      );
      setCaseMediators(db, id, [pick(mediatorIds)]);
      for (const p of parties) insertParty(db, id, p, now);
      // Old cases are mostly finished, as in a real ledger; open ones are recent, with a few
      // forgotten ones left overdue.
      const ageDays = (end - intakeMs) / DAY;
      const status: CaseState = ageDays > 60 && rand() > 0.02 ? pick(FINISHED) : pick(STATES);
      if (status !== 'INTAKE') {
        const acceptedMs = intakeMs + int(0, 3) * DAY;
        const year = new Date(acceptedMs).getUTCFullYear();
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        recordIssuedNumber(
          db,
          {
            number: `（${year}）金峰调字第${String(seq).padStart(3, '0')}号`,
            caseId: id,
            committee: '金峰村人民调解委员会',
            year,
            sequence: seq,
          },
          now,
        );
        // An archived case is read-only in the ledger (migration 014): its records go in first.
        setCaseState(db, id, status === 'ARCHIVED' ? 'CLOSED' : status, {
          acceptedDate: isoDay(acceptedMs),
          dueDate: isoDay(acceptedMs + 30 * DAY),
          ...(status === 'CLOSED' || status === 'ARCHIVED'
            ? { closedDate: isoDay(acceptedMs + 25 * DAY) }
            : {}),
        });
        // Acceptance is a transition, so every accepted case has its history row, as in use.
        recordHistory(db, {
          caseId: id,
          from: 'INTAKE',
          to: 'ACCEPTED',
          action: 'ACCEPT',
          data: { action: 'ACCEPT', acceptedDate: isoDay(acceptedMs) },
          at: new Date(acceptedMs + 9 * 3_600_000).toISOString(),
          actor: '本机用户',
        });
        const sessions = int(1, 3);
        for (let s = 0; s < sessions; s += 1) {
          const at = new Date(acceptedMs + (s + 1) * 3 * DAY).toISOString().slice(0, 10);
          let content = '';
          const len = int(60, 150);
          while ([...content].length < len) content += sentence(pick(SESSION_LINES), topic);
          insertSession(
            db,
            id,
            {
              startAt: `${at}T09:30`,
              endAt: `${at}T11:00`,
              place: '调解室',
              subject: null,
              partyIdsPresent: [],
              mediatorIds: [...mediatorIds.slice(0, 1)],
              recorder: '李明',
              participants: [],
              interpreter: null,
              isPublic: false,
              recordMode: 'SIMPLE',
              content,
              result: 'CONTINUE',
              readBackConfirmed: true,
            },
            '调解',
            now,
          );
        }
        afterRecords?.(id, status, isoDay(acceptedMs));
        if (status === 'ARCHIVED') setCaseState(db, id, 'ARCHIVED', {});
      }
      refreshCaseSearch(db, id);
    }
    for (const [year, seq] of seqByYear) {
      db.prepare(
        'INSERT INTO case_number_counter (committee, year, last_sequence) VALUES (?, ?, ?)',
      ).run('金峰村人民调解委员会', year, seq);
    }
  })();
}

/** The room settings and mediators every seeded ledger starts from; returns the mediator ids. */
export function seedRoom(db: Db, mediatorNames: readonly string[]): number[] {
  saveRoomSettings(
    db,
    {
      committeeName: '金峰村人民调解委员会',
      roomName: '金峰村调解室',
      organisationType: 'VILLAGE',
      divisionCode: null,
      numberAbbreviation: '金峰',
      caseNumberPattern: '（{yyyy}）{abbr}调字第{seq:03}号',
      documentDateStyle: 'ARABIC',
      countyOfficeName: '格尔木市司法局',
    },
    0,
    new Date().toISOString(),
  );
  return mediatorNames.map((name) => {
    const r = saveMediator(
      db,
      {
        id: null,
        expectedVersion: 0,
        name,
        isPeopleMediator: true,
        languages: ['zh'],
        active: true,
      },
      new Date().toISOString(),
    );
    if (!r.ok) throw new Error('mediator');
    return r.mediator.id;
  });
}
