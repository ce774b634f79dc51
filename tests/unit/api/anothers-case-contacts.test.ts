import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, LedgerPage, SavedCase } from '../../../domain/cases/case-views.js';
import { caseAddressesOf } from '../../../db/cases/case-addresses.js';
import { maskAddress } from '../../../domain/cases/addresses-in-text.js';
import { generated, mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures.js';
import { addMediator, naturalInput } from '../services/case-fixtures.js';
import { signInVia, TEST_PASSWORD, TEST_PEOPLE } from '../support/signed-in-core.js';

const OWN = { loginName: 'duoji', displayName: '多吉' };
/**
 * Whole phones and addresses of the case, as saved and as corrected (the history holds both),
 * and the agent's number written into the agreement's free text, with spaces.
 */
const WHOLE = [
  '13800001234',
  '13900005678',
  '13900009999',
  '长江源村',
  '昆仑路19号',
  '139 1234 0000',
];

/**
 * A phone of the case whole, in part, as before its correction, and with its label; an
 * address of its parties written into a record.
 */
const PHONES_SEARCHED = [
  '13800001234',
  '1380000',
  '01234',
  '13900009999',
  '9999',
  '电话13800001234',
  // review MA4: the respondent's stored address, as the investigation record repeats it, cut
  // from the record on another's read
  '长江源村三社5号',
  '三社5号',
  '长江源村',
  // s33: the applicant's former address and the witness's, written into the record
  '唐古拉山镇长江源村',
  '昆仑路19号商户',
  '19号（商户）',
  // s33 (s32-mask's "Left"): a word inside a party's address, written in part into a record
  '红旗村',
];

/**
 * Issue 11: a 调解员 reading another's case under the committee's read-only setting gets no
 * whole phone or address in any answer (§7.2: C2 masked outside the case owner and the
 * committee), from the main process; the case's own mediator and the director still do.
 */
describe('phones and addresses in a read of another’s case', () => {
  let m: MediatingCase;
  beforeAll(async () => {
    m = await mediatingCase();
    /** A party's correction, so the history holds its old and new lines too. */
    const correct = (index: number, overrides: Record<string, unknown>) => {
      const party = m.detail.parties[index]!;
      return m.l.call<SavedCase>('parties.update', {
        caseId: m.detail.id,
        partyId: party.id,
        expectedVersion: party.version,
        party: naturalInput(party, overrides),
      });
    };
    await correct(1, {
      phone: { phone: '13900009999' },
      address: '格尔木市唐古拉山镇长江源村三社5号',
    });
    // s33: the applicant moves, so her old address is only in the history now
    await correct(0, {
      address: '格尔木市唐古拉山镇红旗村八社2号',
      idDocument: { type: m.detail.parties[0]?.idDocument?.type ?? 'RESIDENT_ID', keep: true },
    });
    // a corrected 调查记录: its history line prints each person's details, address among them
    const witness = { name: '马文礼', gender: 'MALE', relation: '事故目击者' };
    // the corrected address holds brackets of its own, as Chinese addresses often do
    const investigation = (age: number, address: string) => ({
      at: '2026-03-08T10:00',
      place: '草场',
      // a second person of 本村: too short an address to cut from the narrative
      investigatedPersons: [
        { ...witness, age, address },
        { name: '李四', address: '本村' },
      ],
      investigatorIds: [m.mediatorId],
      recorder: '李明',
      // the respondent's address as stored, below its township, and the applicant's phone
      // (review MA3: the search must not find by it) in the record's free text
      content:
        '问：你的电话？\n答：电话13800001234。\n问：你住在哪里？\n答：唐古拉山镇长江源村三社5号。\n问：当天你看到了什么？\n答：看到围栏被推倒。' +
        // s33: the applicant's former address (history), the witness's as stored and as it was
        '\n问：申请人以前住哪里？\n答：格尔木市唐古拉山镇长江源村，后来搬走了。' +
        '\n问：你在哪里？\n答：在我的店昆仑路19号（商户），以前登记的是昆仑路19号商户。本村的人都知道。' +
        // s33: a word of the applicant's address (红旗村八社2号) on its own, which no cut finds
        '\n问：围栏在哪？\n答：在红旗村北面。',
    });
    const added = await m.l.call<CaseDetail>('investigations.add', {
      caseId: m.detail.id,
      investigation: investigation(45, '昆仑路19号商户'),
    });
    const record = added.investigations[0]!;
    await m.l.call('investigations.update', {
      caseId: m.detail.id,
      investigationId: record.id,
      expectedVersion: record.version,
      investigation: investigation(46, '昆仑路19号（商户）'),
    });
    // an agent's 联系方式 lives in the agreement's free text, not in a field named phone
    await generated(m, {
      agents: [
        {
          partyId: m.partyIds[0],
          kind: 'AGENT',
          name: '张律',
          detail: '系其母亲，联系方式 139 1234 0000',
        },
      ],
    });
    await m.l.call('accounts.create', {
      ...TEST_PEOPLE.MEDIATOR,
      role: 'MEDIATOR',
      password: TEST_PASSWORD,
      mediatorId: await addMediator(m.l),
    });
    await m.l.call('accounts.create', {
      ...OWN,
      role: 'MEDIATOR',
      password: TEST_PASSWORD,
      mediatorId: m.mediatorId,
    });
    await m.l.call('accounts.setMediatorsReadRoom', { on: true });
  }, 60_000);
  afterAll(() => m.l.close());

  /** What the signed-in person receives of every read of the case, as one text. */
  const answers = async () => {
    const caseId = m.detail.id;
    const agreements = await m.l.call<{ id: number }[]>('agreements.listForCase', { caseId });
    const read = [
      await m.l.call<CaseDetail>('cases.get', { caseId }),
      await m.l.call('cases.history', { caseId }),
      agreements,
      await m.l.call('agreements.get', { agreementId: agreements[0]!.id }),
    ];
    // the other reads open on another's case (domain/api/anothers-case-reads.ts), one by one
    for (const method of [
      'documents.listPrinted',
      'followups.ofCase',
      'subsidy.ofCase',
      'volume.get',
    ]) {
      read.push(await m.l.call(method, { caseId }));
    }
    return JSON.stringify(read);
  };

  it('another mediator receives them masked, the township kept', async () => {
    await signInVia(m.l.core.dispatch, 'MEDIATOR');
    const text = await answers();
    for (const whole of WHOLE) expect(text).not.toContain(whole);
    expect(text).not.toContain('13912340000');
    const masked = [
      '138****1234',
      '139****9999',
      // the history's line of the correction: the old number, masked too
      '139****5678',
      '格尔木市唐古拉山镇……（详细地址已隐去）',
      '"readOnly":true',
      // the investigation's history line: the details, address among them, hidden whole
      '"oldText":"（被调查人详情已隐去）"',
      '"newText":"（被调查人详情已隐去）"',
      '联系方式 139****0000',
      // the stored address written into the investigation record: cut below the township
      '答：唐古拉山镇……（详细地址已隐去）。',
      // s33: an address from the history and an investigated person's, now and as it was
      '答：格尔木市唐古拉山镇……（详细地址已隐去），后来搬走了。',
      '答：在我的店（地址已隐去），以前登记的是（地址已隐去）。本村的人都知道。',
      // the masking spares dates
      '2026-03-08',
    ];
    for (const shown of masked) expect(text).toContain(shown);
  });

  it('the addresses cut are the parties’ now and before, and the investigated persons’', () => {
    expect(caseAddressesOf(m.l.core.ledger.db(), m.detail.id).sort()).toEqual(
      [
        '格尔木市唐古拉山镇红旗村八社2号',
        '格尔木市唐古拉山镇长江源村三社5号',
        // both parties' address before their correction
        '格尔木市唐古拉山镇长江源村',
        '昆仑路19号（商户）',
        '昆仑路19号商户',
      ].sort(),
    );
  });

  /** Whether the signed-in person's 台账 (全部案件（只读）) finds the case by `text`. */
  const finds = async (text: string) => {
    const page = await m.l.call<LedgerPage>('cases.search', { allCases: true, text });
    return page.rows.some((r) => r.id === m.detail.id) && page.total > 0;
  };

  it('another mediator’s search finds the case by its names and numbers, never by a phone', async () => {
    await signInVia(m.l.core.dispatch, 'MEDIATOR');
    const caseNumber = m.detail.caseNumber!;
    // a phone whole, in part (7+ digits: a prefix of a whole identifier; fewer: bigrams and a
    // substring check), as saved and as it was before the correction
    // and as the record writes it, one run with its label (电话13800001234)
    for (const phone of PHONES_SEARCHED) {
      expect(await finds(phone), phone).toBe(false);
    }
    // wf: 王芳's pinyin initials, which only the index knows
    for (const shown of ['王芳', 'wf', '扎西多杰', caseNumber, '草场']) {
      expect(await finds(shown), shown).toBe(true);
    }
  });

  it('the case’s own mediator and the director find it by a phone', async () => {
    for (const who of ['DIRECTOR', 'OWN'] as const) {
      if (who === 'DIRECTOR') await signInVia(m.l.core.dispatch, 'DIRECTOR');
      else await m.l.call('accounts.signIn', { loginName: OWN.loginName, password: TEST_PASSWORD });
      for (const phone of PHONES_SEARCHED) {
        expect(await finds(phone), `${who} ${phone}`).toBe(true);
      }
      // the phones hold every pair of its digits (99, 90, 00), not the run: no case holds it
      expect(await finds('9900'), `${who} 9900`).toBe(false);
    }
  });

  it('the case’s own mediator and the director receive them whole', async () => {
    await signInVia(m.l.core.dispatch, 'DIRECTOR');
    for (const whole of WHOLE) expect(await answers()).toContain(whole);
    await m.l.call('accounts.signIn', { loginName: OWN.loginName, password: TEST_PASSWORD });
    const own = await answers();
    expect(own).toContain('"readOnly":false');
    for (const whole of WHOLE) expect(own).toContain(whole);
  });
});

/** An address and what another mediator reads of it. */
const ADDRESSES: readonly (readonly [string, string])[] = [
  ['格尔木市唐古拉山镇长江源村', '格尔木市唐古拉山镇……（详细地址已隐去）'],
  ['锡林浩特市宝力根苏木', '锡林浩特市宝力根苏木'],
  ['幸福路12号', '（地址已隐去）'],
  // a 镇/乡 inside a street or estate name is no township: nothing of the street is kept
  ['格尔木市昆仑路19号金乡花园3栋', '（地址已隐去）'],
  ['格尔木市城西区河西街道昆仑路19号', '格尔木市城西区河西街道……（详细地址已隐去）'],
  ['', ''],
];

describe('maskAddress', () => {
  it('keeps the township, says the rest is hidden, hides what it cannot place', () => {
    expect(ADDRESSES.map(([address]) => maskAddress(address))).toEqual(
      ADDRESSES.map(([, shown]) => shown),
    );
  });
});
