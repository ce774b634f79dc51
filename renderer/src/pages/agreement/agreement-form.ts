import type { FieldIssue } from '../../../../domain/api/errors';
import type {
  AgreementContent,
  AgreementContentInput,
  ObligationKindCode,
} from '../../../../domain/agreements/agreement-input';
import * as languages from '../../../../domain/taxonomy/languages';
import { formatYuanFigures, parseYuanToFen } from '../../../../domain/money-words';

/**
 * The editor's form speaks yuan text and one box per party; the API speaks integer fen and
 * lists keyed by party id. These two functions translate between them, and report typed
 * amounts that are not amounts at the form path of the box that holds them.
 */

export interface InstalmentForm {
  dueDate: string | null;
  amountYuan: string;
}

/** One obligee of a money obligation owed to several people. */
export interface ShareForm {
  partyId: number | null;
  amountYuan: string;
  dueDate: string | null;
  /** This obligee's own schedule (instead of the shared one); sums to `amountYuan`. */
  instalments: InstalmentForm[];
}

export const emptyShare = (partyId: number | null): ShareForm => ({
  partyId,
  amountYuan: '',
  dueDate: null,
  instalments: [],
});

export interface ObligationForm {
  kind: ObligationKindCode;
  obligorPartyId: number | null;
  obligeePartyId: number | null;
  /** Several obligees, each with an amount (`shares`), instead of `obligeePartyId`. */
  multipleObligees: boolean;
  shares: ShareForm[];
  description: string;
  amountYuan: string;
  dueDate: string | null;
  place: string;
  method: string;
  instalments: InstalmentForm[];
}

export interface TermForm {
  kind: 'TEXT' | 'OBLIGATION';
  text: string;
  obligation: ObligationForm;
}

export interface AgentForm {
  partyId: number | null;
  kind: 'GUARDIAN' | 'AGENT';
  name: string;
  detail: string;
}

export interface EditorValues {
  agreementNumber: string;
  agreementDate: string | null;
  copies: number | null;
  printIdNumbers: boolean;
  pageEdgeSealMark: boolean;
  agents: AgentForm[];
  facts: string;
  disputedMatters: string;
  /** One box per party, in the order of `partyIds`. */
  responsibilities: string[];
  terms: TermForm[];
  performance: string;
  amountYuan: string;
  mediatorIds: number[];
  recorderName: string;
  interpreterUsed: boolean;
  interpreter: { name: string; language: languages.Code | null; partyIds: number[] };
  /** One box per party, in the order of `partyIds`; only Tibetan speakers' boxes are shown. */
  translations: string[];
  /** Which text prevails, printed on every translation page. */
  translationPrevails: 'CHINESE' | 'EQUAL';
}

const yuan = (fen: number | null) => (fen === null ? '' : formatYuanFigures(fen));

export function emptyObligation(partyIds: readonly number[]): ObligationForm {
  return {
    kind: 'MONEY',
    obligorPartyId: partyIds[1] ?? null,
    obligeePartyId: partyIds[0] ?? null,
    multipleObligees: false,
    shares: [],
    description: '',
    amountYuan: '',
    dueDate: null,
    place: '',
    method: '',
    instalments: [],
  };
}

export function emptyTerm(kind: TermForm['kind'], partyIds: readonly number[]): TermForm {
  return { kind, text: '', obligation: emptyObligation(partyIds) };
}

export function toFormValues(c: AgreementContent): EditorValues {
  return {
    agreementNumber: c.agreementNumber,
    agreementDate: c.agreementDate,
    copies: c.copies,
    printIdNumbers: c.printIdNumbers,
    pageEdgeSealMark: c.pageEdgeSealMark,
    agents: c.agents.map((a) => ({ ...a, detail: a.detail ?? '' })),
    facts: c.facts,
    disputedMatters: c.disputedMatters,
    responsibilities: c.partyIds.map(
      (id) => c.responsibilities.find((r) => r.partyId === id)?.text ?? '',
    ),
    terms: c.terms.map((term) =>
      term.kind === 'TEXT'
        ? { ...emptyTerm('TEXT', c.partyIds), text: term.text }
        : {
            kind: 'OBLIGATION',
            text: '',
            obligation: {
              kind: term.obligation.kind,
              obligorPartyId: term.obligation.obligorPartyId,
              obligeePartyId: term.obligation.obligeePartyId,
              multipleObligees: term.obligation.shares.length > 0,
              shares: term.obligation.shares.map((x) => ({
                partyId: x.partyId,
                amountYuan: yuan(x.amountFen),
                dueDate: x.dueDate,
                instalments: x.instalments.map((i) => ({
                  dueDate: i.dueDate,
                  amountYuan: yuan(i.amountFen),
                })),
              })),
              description: term.obligation.description ?? '',
              amountYuan: yuan(term.obligation.amountFen),
              dueDate: term.obligation.dueDate,
              place: term.obligation.place ?? '',
              method: term.obligation.method ?? '',
              instalments: term.obligation.instalments.map((i) => ({
                dueDate: i.dueDate,
                amountYuan: yuan(i.amountFen),
              })),
            },
          },
    ),
    performance: c.performance ?? '',
    amountYuan: yuan(c.amountFen),
    mediatorIds: [...c.mediatorIds],
    recorderName: c.recorderName,
    interpreterUsed: c.interpreter !== null,
    interpreter: {
      name: c.interpreter?.name ?? '',
      language: c.interpreter?.language ?? null,
      partyIds: [...(c.interpreter?.partyIds ?? [])],
    },
    translations: c.partyIds.map((id) => c.translations.find((t) => t.partyId === id)?.text ?? ''),
    translationPrevails: c.translationPrevails,
  };
}

/** Empty text → null amount; otherwise the parsed fen or an issue at `path`. */
function fenOf(text: string, path: (string | number)[], issues: FieldIssue[]): number | null {
  if (text.trim() === '') return null;
  const parsed = parseYuanToFen(text);
  if (parsed.ok) return parsed.fen;
  issues.push({ path, message: parsed.message });
  return null;
}

/** Live rendering of a typed amount: `{ fen }` or the parse message; null for an empty box. */
export function readYuan(text: string | undefined): { fen: number } | { message: string } | null {
  if (!text || text.trim() === '') return null;
  const parsed = parseYuanToFen(text);
  return parsed.ok ? { fen: parsed.fen } : { message: parsed.message };
}

/** antd rule for a yuan box: the parse message of `parseYuanToFen`, nothing when empty. */
export const yuanRule = {
  validator: async (_: unknown, value: unknown) => {
    const read = readYuan(typeof value === 'string' ? value : '');
    if (read && 'message' in read) throw new Error(read.message);
  },
};

export function toContent(
  v: EditorValues,
  partyIds: readonly number[],
  /** The translation language of each party that has a translation page (藏语 bo, 蒙古语 mn). */
  translationLanguages: ReadonlyMap<number, 'bo' | 'mn'>,
): { content: AgreementContentInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const terms = v.terms.map((term, i): AgreementContentInput['terms'][number] => {
    if (term.kind === 'TEXT') return { kind: 'TEXT', text: term.text };
    const o = term.obligation;
    const at = (...rest: (string | number)[]) => ['terms', i, 'obligation', ...rest];
    const group = o.kind === 'MONEY' && o.multipleObligees;
    return {
      kind: 'OBLIGATION',
      obligation: {
        kind: o.kind,
        obligorPartyId: o.obligorPartyId ?? 0,
        obligeePartyId: group ? null : o.obligeePartyId,
        shares: group
          ? o.shares.map((x, j) => ({
              partyId: x.partyId ?? 0,
              amountFen: fenOf(x.amountYuan, at('shares', j, 'amountYuan'), issues) ?? 0,
              dueDate: x.dueDate,
              instalments: (x.instalments ?? []).map((y, k) => ({
                dueDate: y.dueDate ?? '',
                amountFen:
                  fenOf(y.amountYuan, at('shares', j, 'instalments', k, 'amountYuan'), issues) ?? 0,
              })),
            }))
          : [],
        description: o.description,
        amountFen: o.kind === 'MONEY' ? fenOf(o.amountYuan, at('amountYuan'), issues) : null,
        dueDate: o.dueDate,
        place: o.place,
        method: o.method,
        instalments:
          o.kind === 'MONEY'
            ? o.instalments.map((x, j) => ({
                dueDate: x.dueDate ?? '',
                amountFen: fenOf(x.amountYuan, at('instalments', j, 'amountYuan'), issues) ?? 0,
              }))
            : [],
      },
    };
  });
  const content: AgreementContentInput = {
    agreementNumber: v.agreementNumber,
    agreementDate: v.agreementDate ?? '',
    partyIds: [...partyIds],
    agents: v.agents.map((a) => ({
      partyId: a.partyId ?? 0,
      kind: a.kind,
      name: a.name,
      detail: a.detail,
    })),
    facts: v.facts,
    disputedMatters: v.disputedMatters,
    responsibilities: partyIds
      .map((partyId, i) => ({ partyId, text: v.responsibilities[i] ?? '' }))
      .filter((r) => r.text.trim() !== ''),
    terms,
    performance: v.performance,
    amountFen: fenOf(v.amountYuan, ['amountYuan'], issues),
    copies: v.copies,
    mediatorIds: [...v.mediatorIds],
    recorderName: v.recorderName,
    interpreter: v.interpreterUsed
      ? {
          name: v.interpreter.name,
          language: v.interpreter.language ?? 'other',
          partyIds: [...v.interpreter.partyIds],
        }
      : null,
    printIdNumbers: v.printIdNumbers,
    pageEdgeSealMark: v.pageEdgeSealMark,
    translations: typedTranslations(v.translations, partyIds, translationLanguages),
    translationPrevails: v.translationPrevails,
  };
  return { content, issues };
}

/**
 * The translation boxes of a form (`translations[i]`, i the party's place in `partyIds`) → the
 * translations of the input: only the parties with a translation language and a typed text.
 */
export function typedTranslations(
  texts: readonly (string | undefined)[],
  partyIds: readonly number[],
  translationLanguages: ReadonlyMap<number, 'bo' | 'mn'>,
): { partyId: number; language: 'bo' | 'mn'; text: string }[] {
  return partyIds.flatMap((partyId, i) => {
    const language = translationLanguages.get(partyId);
    const text = texts[i] ?? '';
    return language === undefined || text.trim() === '' ? [] : [{ partyId, language, text }];
  });
}

/** Maps a content path (`terms.0.obligation.amountFen`) to the form box that holds it. */
export function toFormPath(
  path: readonly (string | number)[],
  partyIds: readonly number[],
  /** The input the path points into: an agreement's content or an oral register. */
  content: Pick<AgreementContentInput, 'responsibilities' | 'translations'>,
): (string | number)[] {
  const p = [...path];
  const last = p[p.length - 1];
  if (last === 'amountFen') p[p.length - 1] = 'amountYuan';
  if ((p[0] === 'responsibilities' || p[0] === 'translations') && typeof p[1] === 'number') {
    const list = p[0] === 'responsibilities' ? content.responsibilities : content.translations;
    const partyId = list?.[p[1]]?.partyId;
    const index = partyId === undefined ? -1 : partyIds.indexOf(partyId);
    return index >= 0 ? [p[0], index] : [p[0]];
  }
  return p;
}
