import type { DraftIssue } from './agreement-views';

/**
 * Drafting lint for agreements (domain §2.9, after S49): legal terms that are easily confused.
 * Each pair means different things in law, so using one for the other can change who owes
 * what. The check cannot know which one was meant; it shows both meanings so the mediator
 * decides. These are WARNINGs, never errors.
 */
interface ConfusablePair {
  readonly terms: readonly [string, string];
  readonly guidance: string;
}

export const CONFUSABLE_TERMS: readonly ConfusablePair[] = [
  {
    terms: ['抚养', '扶养'],
    guidance:
      '“抚养”专指父母等长辈对子女等晚辈的养育（如抚养费）；“扶养”指夫妻、兄弟姐妹等平辈之间的相互供养和扶助。请确认用词与当事人关系一致',
  },
  {
    terms: ['赔偿', '补偿'],
    guidance:
      '“赔偿”是因违约或侵权等过错造成损失而承担的责任；“补偿”用于没有过错或合法行为造成损失的情形（如公平分担、征收补偿）。请确认用词与责任认定一致',
  },
  {
    terms: ['定金', '订金'],
    guidance:
      '“定金”适用定金罚则（《民法典》第五百八十六、五百八十七条：给付方违约无权请求返还，收受方违约应双倍返还，且不得超过主合同标的额的百分之二十）；“订金”没有担保效力，一般只作预付款。请确认当事人的真实意思',
  },
];

export interface TextField {
  /** Input path, e.g. `content.terms.2.text`. */
  readonly field: string;
  readonly text: string;
}

/**
 * The words of a text. A substring test would find 定金 in 约定金额 (约定 + 金额); a word
 * segmenter (ICU's dictionary for Chinese, shipped with Node and Electron) sees 约定/金额 there
 * and 支付/定金 where the word is meant. Without a segmenter the whole text is one "word", which
 * errs towards warning.
 */
function wordsOf(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return [text];
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike === true).map((s) => s.segment);
}

/** Whether `term` is used as a word (or the head or tail of a longer word: 定金罚则, 赔偿款). */
export function usesTerm(text: string, term: string): boolean {
  if (!text.includes(term)) return false;
  return wordsOf(text).some((w) => w.includes(term));
}

export function confusableTermIssues(fields: readonly TextField[]): DraftIssue[] {
  const issues: DraftIssue[] = [];
  for (const { field, text } of fields) {
    for (const pair of CONFUSABLE_TERMS) {
      const found = pair.terms.filter((t) => usesTerm(text, t));
      if (found.length === 0) continue;
      issues.push({
        code: 'CONFUSABLE_TERM',
        level: 'WARNING',
        field,
        message: `用了“${found.join('”“')}”：${pair.guidance}`,
      });
    }
  }
  return issues;
}

/** PMR-2002 Art. 34: civil rights and obligations (money, property) call for a written agreement. */
export function oralWithMoneyIssue(field: string): DraftIssue {
  return {
    code: 'ORAL_WITH_MONEY',
    level: 'WARNING',
    field,
    message:
      '协议涉及金钱或财物给付，按《人民调解工作若干规定》第三十四条应当制作书面调解协议书。确需采用口头协议的，请与当事人确认后勾选“仍采用口头协议”',
  };
}

export const MONGOLIAN_NOTICE =
  '含有传统蒙古文：协议书正文使用中文，蒙古文请写在“译文”中的蒙古文译文里（竖排印在协议书内）';
