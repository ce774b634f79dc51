import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import { splitSharedSchedule } from '../../domain/agreements/group-schedule.js';
import {
  amountInWords,
  formatAmountForDocument,
  formatYuanFigures,
} from '../../domain/money-words.js';
import type { DocumentData, DocumentTranslation } from './document-data.js';
import { chineseListNumber } from './layout-measure.js';

/**
 * Turns case records into the strings the agreement and notice templates print. This is the
 * only place where formatting decisions (date style, amount form, what an empty optional
 * field prints as) are made; templates stay logic-less.
 */

/** Printed for an optional field with no value: never leave a blank that can be filled later. */
export const EMPTY_FIELD = '／';

export type DocumentPartyInput =
  | {
      readonly kind: 'PERSON';
      readonly name: string;
      readonly gender: string;
      readonly ethnicity: string;
      /** Age at the document date (derived from the birth date by the caller). */
      readonly age: number | null;
      readonly occupation?: string | undefined;
      readonly phone?: string | undefined;
      readonly address?: string | undefined;
      /** Printed only when the document's `printIdNumbers` option is on (domain §2.4). */
      readonly idNumber?: string | undefined;
      /** e.g. 居民身份证 (default, not printed), 护照, 港澳居民来往内地通行证. */
      readonly idDocType?: string | undefined;
      /** Set when the party has no phone: where a court can serve papers (SPC-2011 Art. 3). */
      readonly serviceAddress?: string | undefined;
      /** A language other than Chinese, e.g. 藏语（需要翻译）. */
      readonly language?: string | undefined;
    }
  | {
      readonly kind: 'ORGANISATION';
      readonly name: string;
      readonly creditCode?: string | undefined;
      readonly address?: string | undefined;
      readonly representative?: string | undefined;
      readonly representativeTitle?: string | undefined;
      readonly phone?: string | undefined;
      readonly serviceAddress?: string | undefined;
    };

export interface DocumentAgentInput {
  /** 法定代理人 covers guardians (监护人) of minors and of adults without full capacity. */
  readonly kind: '委托代理人' | '法定代理人';
  readonly name: string;
  /** Name of the party represented. */
  readonly principal: string;
  /** e.g. 系其母亲，联系方式 139…; or 律师，某律师事务所. */
  readonly detail?: string | undefined;
}

/** What an obligation is about (domain §2.9: money, an act, an apology, handing over property). */
export type ObligationKind = 'MONEY' | 'ACT' | 'APOLOGY' | 'PROPERTY';

export interface InstalmentInput {
  /** ISO date the instalment is due. */
  readonly dueDate: string;
  /** Integer fen. */
  readonly amountFen: number | bigint;
}

/**
 * One obligation of the agreement: who (obligor) owes what to whom (obligee), by when, where
 * and how. Printed as one numbered term, e.g. “扎西多杰应于2026年11月30日前向张建国支付赔偿款
 * 人民币叁万元整（¥30,000.00），支付方式为银行转账。”
 */
export interface AgreementObligationInput {
  readonly kind: ObligationKind;
  /** Party name of the one who must perform. */
  readonly obligor: string;
  /** Party name of the one who receives. */
  readonly obligee: string;
  /**
   * MONEY: what the money is (赔偿款, 医疗费), printed before the amount;
   * ACT: what to do (修复损坏的卷帘门); APOLOGY: how (当面赔礼道歉, default 赔礼道歉);
   * PROPERTY: what is handed over (牦牛两头).
   */
  readonly description?: string | undefined;
  /** MONEY only: integer fen. */
  readonly amountFen?: number | bigint | undefined;
  /** ISO date: perform on or before. */
  readonly dueDate?: string | undefined;
  readonly place?: string | undefined;
  /** e.g. 银行转账, 现金, 当面交付. */
  readonly method?: string | undefined;
  /** MONEY only: payment by instalments; their sum must equal `amountFen`. */
  readonly instalments?: readonly InstalmentInput[] | undefined;
  /**
   * MONEY only: several obligees (`obligee` is then ignored), amounts adding up to `amountFen`;
   * printed as one row per obligee so that each has an enforceable term of their own.
   */
  readonly shares?: readonly ObligeeShareInput[] | undefined;
}

/** One obligee of a money obligation owed to several people, with their amount. */
export interface ObligeeShareInput {
  readonly name: string;
  /** Integer fen. */
  readonly amountFen: number | bigint;
  /** Their own deadline; else the obligation's. */
  readonly dueDate?: string | undefined;
  /** Their own instalments; else the obligation's shared schedule split in proportion. */
  readonly instalments?: readonly InstalmentInput[] | undefined;
}

/** A term is free text or a structured obligation; terms are printed in the order given. */
export type AgreementTermInput = string | AgreementObligationInput;

export interface InterpreterInput {
  readonly name: string;
  /**
   * Ready statement; if absent it is built from `language` and `partyNames` as
   * “本协议已用藏语向当事人扎西多杰宣读并翻译。” (domain §4.10).
   */
  readonly statement?: string | undefined;
  /** e.g. 藏语, 蒙古语 (语 is added when missing: 藏 → 藏语). */
  readonly language?: string | undefined;
  /** Parties the agreement was read / translated to. */
  readonly partyNames?: readonly string[] | undefined;
  readonly mode?: '宣读' | '翻译' | '宣读并翻译' | undefined;
}

export interface AgreementDocumentInput {
  readonly committeeName: string;
  readonly agreementNumber: string;
  readonly parties: readonly DocumentPartyInput[];
  readonly agents?: readonly DocumentAgentInput[] | undefined;
  readonly factsAndIssues: string;
  readonly terms: readonly AgreementTermInput[];
  /** 履行方式、时限; when absent it is composed from the obligations. */
  readonly performance?: string | undefined;
  /**
   * 协议涉及金额 in integer fen. `null`: the agreement involves no money. `undefined`: the sum of
   * the money obligations (none → no amount line).
   */
  readonly amountFen?: number | bigint | null | undefined;
  /** 一式N份; default: number of parties + 1 (one each and one for the committee). */
  readonly copies?: number | undefined;
  /** ISO date the agreement was formed. */
  readonly agreementDate: string;
  readonly dateStyle: DocumentDateStyle;
  readonly mediatorNames: readonly string[];
  readonly recorderName: string;
  readonly interpreter?: InterpreterInput | undefined;
  /** Print the parties' ID numbers (a per-committee option; off by default, domain §2.4). */
  readonly printIdNumbers?: boolean | undefined;
  readonly translations?: readonly DocumentTranslation[] | undefined;
}

export const orEmpty = (value: string | undefined | null): string =>
  value === undefined || value === null || value.trim() === '' ? EMPTY_FIELD : value;

export interface PartyItemOptions {
  readonly printIdNumbers?: boolean | undefined;
}

/** The `party.*` values of one party block. */
export function documentPartyItem(
  party: DocumentPartyInput,
  options: PartyItemOptions = {},
): Record<string, string> {
  if (party.name.trim() === '') throw new RangeError('当事人姓名或名称不能为空');
  if (party.kind === 'PERSON') {
    if (party.age !== null && (!Number.isInteger(party.age) || party.age < 0 || party.age > 150)) {
      throw new RangeError(`当事人${party.name}的年龄无效：${String(party.age)}`);
    }
    const idNumber = party.idNumber?.trim() ?? '';
    const idType = party.idDocType?.trim() ?? '';
    return {
      'party.name': party.name,
      'party.isPerson': '是',
      'party.isOrganisation': '',
      'party.gender': orEmpty(party.gender),
      'party.ethnicity': orEmpty(party.ethnicity),
      'party.age': party.age === null ? EMPTY_FIELD : `${party.age}岁`,
      'party.occupation': orEmpty(party.occupation),
      'party.phone': orEmpty(party.phone),
      'party.address': orEmpty(party.address),
      'party.idNumber':
        options.printIdNumbers && idNumber !== ''
          ? idType === '' || idType === '居民身份证'
            ? idNumber
            : `${idNumber}（${idType}）`
          : '',
      ...extraPartyLines(party.language, party.serviceAddress),
    };
  }
  return {
    'party.name': party.name,
    'party.isPerson': '',
    'party.isOrganisation': '是',
    'party.creditCode': orEmpty(party.creditCode),
    'party.address': orEmpty(party.address),
    'party.representative': orEmpty(party.representative),
    'party.representativeTitle': orEmpty(party.representativeTitle),
    'party.phone': orEmpty(party.phone),
    'party.idNumber': '',
    ...extraPartyLines(undefined, party.serviceAddress),
  };
}

/**
 * Lines printed under a party only when they apply: the language (with interpreter need) of a
 * party who does not speak Chinese, and the service address of a party without a phone. Form
 * tables print them as `party.extraLines` inside the party cell.
 */
function extraPartyLines(
  language: string | undefined,
  serviceAddress: string | undefined,
): Record<string, string> {
  const lang = language?.trim() ?? '';
  const service = serviceAddress?.trim() ?? '';
  const lines = [
    ...(lang === '' ? [] : [`使用语言：${lang}`]),
    ...(service === '' ? [] : [`送达地址：${service}`]),
  ];
  return {
    'party.language': lang,
    'party.serviceAddress': service,
    'party.extraLines': lines.map((l) => `\n${l}`).join(''),
  };
}

/** `formatAmountForDocument` with the place of the amount in the error message. */
export function documentAmount(fen: number | bigint, what: string): string {
  try {
    return formatAmountForDocument(fen);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RangeError(`${what}无效：${reason}`, { cause: error });
  }
}

function toFen(fen: number | bigint, what: string): bigint {
  documentAmount(fen, what); // validates
  return BigInt(fen);
}

function withYu(language: string): string {
  const trimmed = language.trim();
  return trimmed.endsWith('语') || trimmed.endsWith('文') ? trimmed : `${trimmed}语`;
}

export function interpretationStatement(interpreter: InterpreterInput): string {
  if (interpreter.statement !== undefined && interpreter.statement.trim() !== '') {
    return interpreter.statement;
  }
  if (interpreter.language === undefined || interpreter.language.trim() === '') {
    throw new RangeError(`请填写翻译人${interpreter.name}所用的语言`);
  }
  const names = interpreter.partyNames ?? [];
  const to = names.length > 0 ? `当事人${names.join('、')}` : '当事人';
  return `本协议已用${withYu(interpreter.language)}向${to}${interpreter.mode ?? '宣读并翻译'}。`;
}

function obligationText(
  o: AgreementObligationInput,
  index: number,
  partyNames: ReadonlySet<string>,
  dateStyle: DocumentDateStyle,
): string {
  const where = `第${index + 1}条协议`;
  const shares = o.shares ?? [];
  if (o.dueDate === undefined && (o.instalments?.length ?? 0) === 0) {
    const allOwn =
      shares.length > 0 &&
      shares.every((x) => x.dueDate !== undefined || (x.instalments?.length ?? 0) > 0);
    if (!allOwn) throw new RangeError(`${where}须写明履行期限`);
  }
  if (shares.length > 0) return groupMoneyText(o, where, partyNames, dateStyle).text;
  for (const [role, name] of [
    ['义务人', o.obligor],
    ['权利人', o.obligee],
  ] as const) {
    if (name.trim() === '') throw new RangeError(`${where}缺少${role}`);
    if (!partyNames.has(name)) throw new RangeError(`${where}的${role}“${name}”不是本协议的当事人`);
  }
  if (o.obligor === o.obligee) throw new RangeError(`${where}的义务人和权利人不能是同一人`);
  const due = o.dueDate === undefined ? '' : `于${formatDocumentDate(o.dueDate, dateStyle)}前`;
  const what = o.description?.trim() ?? '';
  let sentence: string;
  switch (o.kind) {
    case 'MONEY': {
      if (o.amountFen === undefined) throw new RangeError(`${where}是给付金钱，请填写金额`);
      const total = toFen(o.amountFen, `${where}的金额`);
      if (total === 0n) throw new RangeError(`${where}的金额应大于零`);
      sentence = `${o.obligor}应${due}向${o.obligee}支付${what}${documentAmount(o.amountFen, `${where}的金额`)}`;
      const instalments = o.instalments ?? [];
      if (instalments.length > 0) {
        let sum = 0n;
        const parts = instalments.map((inst, i) => {
          const label = `${where}第${i + 1}期`;
          const fen = toFen(inst.amountFen, `${label}的金额`);
          sum += fen;
          return `第${chineseListNumber(i + 1)}期于${formatDocumentDate(inst.dueDate, dateStyle)}前支付${documentAmount(inst.amountFen, `${label}的金额`)}`;
        });
        if (sum !== total) {
          throw new RangeError(`${where}各期金额合计与总金额不一致`);
        }
        sentence += `，分${chineseListNumber(instalments.length)}期支付：${parts.join('；')}`;
      }
      if (o.method) sentence += `，支付方式为${o.method}`;
      break;
    }
    case 'ACT':
      if (what === '') throw new RangeError(`${where}请写明应履行的行为`);
      sentence = `${o.obligor}应${due}为${o.obligee}${what}`;
      break;
    case 'APOLOGY':
      sentence = `${o.obligor}应${due}向${o.obligee}${what === '' ? '赔礼道歉' : what}`;
      break;
    case 'PROPERTY':
      if (what === '') throw new RangeError(`${where}请写明应交付的财物`);
      sentence = `${o.obligor}应${due}将${what}交付${o.obligee}`;
      break;
    default: {
      const unreachable: never = o.kind;
      throw new RangeError(`未知的义务类型：${String(unreachable)}`);
    }
  }
  if (o.kind !== 'MONEY' && o.method) sentence += `，履行方式为${o.method}`;
  if (o.amountFen !== undefined && o.kind !== 'MONEY') {
    throw new RangeError(`${where}不是给付金钱，不应填写金额`);
  }
  if (o.place) sentence += `，履行地点为${o.place}`;
  return `${sentence}。`;
}

/** One row of the table under a group obligation (序号, 姓名, 金额大写/小写, 期限, 方式). */
export interface ObligeeRow {
  readonly name: string;
  readonly amountWords: string;
  readonly amountFigures: string;
  readonly deadline: string;
  readonly method: string;
}

/**
 * A money obligation owed to several obligees: the term names every obligee with their amount,
 * deadline and method, so each of them holds an enforceable term (a court will not enforce
 * “…支付马福祥等十四人的劳务报酬”). `rows` feed the table printed under the term.
 */
export function groupMoneyText(
  o: AgreementObligationInput,
  where: string,
  partyNames: ReadonlySet<string>,
  dateStyle: DocumentDateStyle,
): { readonly text: string; readonly rows: readonly ObligeeRow[] } {
  const shares = o.shares ?? [];
  if (o.kind !== 'MONEY') throw new RangeError(`${where}只有给付金钱才能列明多名权利人`);
  if (!partyNames.has(o.obligor)) {
    throw new RangeError(`${where}的义务人“${o.obligor}”不是本协议的当事人`);
  }
  if (o.amountFen === undefined) throw new RangeError(`${where}是给付金钱，请填写金额`);
  const total = toFen(o.amountFen, `${where}的金额`);
  const seen = new Set<string>();
  let sum = 0n;
  for (const share of shares) {
    if (!partyNames.has(share.name)) {
      throw new RangeError(`${where}的权利人“${share.name}”不是本协议的当事人`);
    }
    if (share.name === o.obligor) throw new RangeError(`${where}的义务人和权利人不能是同一人`);
    if (seen.has(share.name)) throw new RangeError(`${where}的权利人“${share.name}”列了两次`);
    seen.add(share.name);
    const fen = toFen(share.amountFen, `${where}权利人${share.name}的金额`);
    if (fen === 0n) throw new RangeError(`${where}权利人${share.name}的金额应大于零`);
    sum += fen;
  }
  if (sum !== total) throw new RangeError(`${where}各权利人金额合计与总金额不一致`);
  const shared = o.instalments ?? [];
  const split =
    shared.length > 0
      ? splitSharedSchedule(
          shares.map((x) => Number(x.amountFen)),
          shared.map((x) => Number(x.amountFen)),
        )
      : null;
  if (shared.length > 0 && split === null) {
    throw new RangeError(
      `${where}的统一分期无法按各权利人金额拆分，请为金额很小的权利人单独填写分期`,
    );
  }
  const date = (iso: string) => formatDocumentDate(iso, dateStyle);
  const rows: ObligeeRow[] = shares.map((share, i) => {
    const own = share.instalments ?? [];
    let deadline: string;
    if (own.length > 0) {
      const ownSum = own.reduce((s, x) => s + toFen(x.amountFen, `${where}分期金额`), 0n);
      if (ownSum !== BigInt(share.amountFen)) {
        throw new RangeError(`${where}权利人${share.name}各期金额合计与其应得金额不一致`);
      }
      deadline = own
        .map((x) => `${date(x.dueDate)}前支付¥${formatYuanFigures(x.amountFen)}`)
        .join('\n');
    } else if (share.dueDate !== undefined) {
      deadline = `${date(share.dueDate)}前付清`;
    } else if (split !== null) {
      deadline = shared
        .map((x, k) => `${date(x.dueDate)}前支付¥${formatYuanFigures(split[i]?.[k] ?? 0)}`)
        .join('\n');
    } else if (o.dueDate !== undefined) {
      deadline = `${date(o.dueDate)}前付清`;
    } else {
      throw new RangeError(`${where}权利人${share.name}没有履行期限`);
    }
    return {
      name: share.name,
      amountWords: `人民币${amountInWords(share.amountFen)}`,
      amountFigures: `¥${formatYuanFigures(share.amountFen)}`,
      deadline,
      method: orEmpty(o.method),
    };
  });
  const what = o.description?.trim() ?? '';
  // The term says who pays how much in all; each obligee's own amount and deadline is a row of
  // the table printed under it (序号, 姓名, 金额大写/小写, 期限, 方式), which is part of the term.
  let text = `${o.obligor}应向下列${chineseListNumber(shares.length)}名权利人分别支付${what}，共计${documentAmount(o.amountFen, `${where}的金额`)}`;
  if (o.method) text += `，支付方式为${o.method}`;
  if (o.place) text += `，履行地点为${o.place}`;
  text += `。各权利人应得金额及履行期限如下表：`;
  return { text, rows };
}

/** 履行方式、时限 composed from the obligations when the mediator did not write it. */
function performanceFromObligations(
  obligations: readonly AgreementObligationInput[],
  dateStyle: DocumentDateStyle,
): string {
  return obligations
    .filter(
      (o) =>
        o.method ||
        o.dueDate ||
        o.place ||
        (o.instalments?.length ?? 0) > 0 ||
        (o.shares?.length ?? 0) > 0,
    )
    .map((o) => {
      const parts: string[] = [];
      const shares = o.shares ?? [];
      if (o.method) parts.push(o.method);
      if (o.place) parts.push(`在${o.place}履行`);
      const instalments = o.instalments ?? [];
      if (instalments.length > 0) {
        const last = instalments[instalments.length - 1];
        parts.push(`分${chineseListNumber(instalments.length)}期履行`);
        if (last) parts.push(`最后一期于${formatDocumentDate(last.dueDate, dateStyle)}前履行完毕`);
      } else if (o.dueDate) {
        parts.push(`于${formatDocumentDate(o.dueDate, dateStyle)}前履行完毕`);
      } else if (shares.length > 0) {
        parts.push(`按上列各权利人的期限分别履行`);
      }
      return `${o.obligor}：${parts.join('，')}。`;
    })
    .join('\n');
}

export function buildAgreementDocumentData(input: AgreementDocumentInput): DocumentData {
  if (input.parties.length < 2) throw new RangeError('人民调解协议书至少要有两方当事人');
  if (input.terms.length < 1) throw new RangeError('人民调解协议书至少要有一条协议内容');
  if (input.mediatorNames.length < 1) throw new RangeError('人民调解协议书至少要有一名人民调解员');
  const copies = input.copies ?? input.parties.length + 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 99) {
    throw new RangeError('协议份数应为 1–99 的整数');
  }
  const agents = input.agents ?? [];
  for (const party of input.parties) {
    if (party.kind === 'PERSON' && party.age !== null && party.age < 18) {
      const guardian = agents.some((a) => a.kind === '法定代理人' && a.principal === party.name);
      if (!guardian) {
        throw new RangeError(`当事人${party.name}未满十八周岁，须列明其法定代理人（监护人）`);
      }
    }
  }
  const partyNames = new Set(input.parties.map((p) => p.name));
  for (const agent of agents) {
    if (!partyNames.has(agent.principal)) {
      throw new RangeError(
        `${agent.kind}${agent.name}所代理的“${agent.principal}”不是本协议的当事人`,
      );
    }
  }
  const obligations = input.terms.filter(
    (t): t is AgreementObligationInput => typeof t !== 'string',
  );
  const obligees: Record<string, string>[] = [];
  const terms = input.terms.map((term, i) => {
    if (typeof term === 'string') {
      if (term.trim() === '') throw new RangeError(`第${i + 1}条协议内容为空`);
      return term;
    }
    const text = obligationText(term, i, partyNames, input.dateStyle);
    if ((term.shares?.length ?? 0) > 0) {
      const { rows } = groupMoneyText(term, `第${i + 1}条协议`, partyNames, input.dateStyle);
      rows.forEach((r, j) =>
        obligees.push({
          'obligee.term': String(i + 1),
          'obligee.no': String(j + 1),
          'obligee.name': r.name,
          'obligee.amountWords': r.amountWords,
          'obligee.amountFigures': r.amountFigures,
          'obligee.deadline': r.deadline,
          'obligee.method': r.method,
        }),
      );
    }
    return text;
  });
  let amount = '';
  if (input.amountFen !== undefined && input.amountFen !== null) {
    amount = documentAmount(input.amountFen, '协议涉及金额');
  } else if (input.amountFen === undefined) {
    const money = obligations.filter((o) => o.kind === 'MONEY' && o.amountFen !== undefined);
    if (money.length > 0) {
      const sum = money.reduce((s, o) => s + BigInt(o.amountFen ?? 0), 0n);
      amount = documentAmount(sum, '协议涉及金额');
    }
  }
  const performance =
    input.performance !== undefined && input.performance.trim() !== ''
      ? input.performance
      : orEmpty(performanceFromObligations(obligations, input.dateStyle));
  return {
    fields: {
      'committee.name': input.committeeName,
      'agreement.number': input.agreementNumber,
      'agreement.factsAndIssues': input.factsAndIssues,
      'agreement.performance': performance,
      'agreement.amount': amount,
      'agreement.copies': chineseListNumber(copies),
      'agreement.date': formatDocumentDate(input.agreementDate, input.dateStyle),
      'recorder.name': input.recorderName,
      'interpreter.name': input.interpreter?.name ?? '',
      'interpretation.statement':
        input.interpreter === undefined ? '' : interpretationStatement(input.interpreter),
    },
    lists: {
      parties: input.parties.map((p) =>
        documentPartyItem(p, { printIdNumbers: input.printIdNumbers }),
      ),
      agents: agents.map((agent) => ({
        'agent.kind': agent.kind,
        'agent.name': agent.name,
        'agent.principal': agent.principal,
        'agent.detail': agent.detail ?? '',
      })),
      terms: terms.map((term, i) => ({
        'term.text': term,
        'term.no': String(i + 1),
        'term.numeral': chineseListNumber(i + 1),
      })),
      obligees,
      mediators: input.mediatorNames.map((name) => ({ 'mediator.name': name })),
    },
    translations: input.translations,
  };
}

/** A document read and interpreted to a party who does not speak Chinese (domain §4.10). */
export interface InterpretationInput {
  readonly statement: string;
  readonly interpreterName: string;
}

/** `interpretation.statement` and `interpreter.name`, empty when nobody needed interpretation. */
export function interpretationFields(
  interpretation: InterpretationInput | null | undefined,
): Record<string, string> {
  return {
    'interpretation.statement': interpretation?.statement ?? '',
    'interpreter.name': interpretation?.interpreterName ?? '',
  };
}

export interface RightsNoticeDocumentInput {
  readonly committeeName: string;
  readonly parties: readonly DocumentPartyInput[];
  readonly noticeDate: string;
  readonly dateStyle: DocumentDateStyle;
  readonly interpretation?: InterpretationInput | null | undefined;
}

export function buildRightsNoticeDocumentData(input: RightsNoticeDocumentInput): DocumentData {
  return {
    fields: {
      'committee.name': input.committeeName,
      'notice.date': formatDocumentDate(input.noticeDate, input.dateStyle),
      ...interpretationFields(input.interpretation),
    },
    lists: { parties: input.parties.map((p) => documentPartyItem(p)) },
  };
}
