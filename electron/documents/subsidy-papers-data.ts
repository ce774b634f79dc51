import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import type { ClaimLine, ClaimPack } from '../../domain/subsidy/claim-pack.js';
import type { DocumentData } from './document-data.js';

/**
 * The two 以案定补 papers (issue 15, domain §4.11): the 调解案件认定表 of one case and the
 * 申报表 of one mediator's period. Both are filled from what the claim pack computed, so the
 * paper, the screen and the xlsx say the same; both carry the sentence that the app estimates
 * and the county decides.
 */

const yuanText = (fen: number) => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);

/** “一般（已确认）” / “疑难（按数据建议，尚未确认）”. */
export function tierText(line: Pick<ClaimLine, 'tierLabel' | 'tierSource' | 'isOral'>): string {
  const source = line.tierSource === 'CONFIRMED' ? '调解员已确认' : '按数据建议，尚未确认';
  return `${line.tierLabel}（${source}${line.isOral ? '，口头调解' : ''}）`;
}

/** What the line is worth, as the paper words it. */
export function amountText(line: ClaimLine, oralPercent: number): string {
  if (!line.claimable) return '—';
  const parts = [`${yuanText(line.amountFen)} 元`];
  if (line.isOral) parts.push(`口头调解按档次金额的 ${oralPercent}%`);
  if (line.share) parts.push(`本人分得 ${line.share}`);
  return parts.length === 1
    ? (parts[0] ?? '')
    : `${parts[0] ?? ''}（${parts.slice(1).join('，')}）`;
}

const OUTCOME_TEXT: Readonly<Record<ClaimLine['outcome'], string>> = {
  SUCCESS_WRITTEN: '调解成功，达成书面人民调解协议',
  SUCCESS_ORAL: '调解成功，达成口头调解协议',
  FAILED: '调解不成，终止调解',
  REFERRED: '移交有关单位处理',
  OPEN: '尚未调解结束',
};

export function rulesTitleText(pack: Pick<ClaimPack, 'rulesTitle' | 'rulesIsExample'>): string {
  return pack.rulesIsExample
    ? `${pack.rulesTitle}（示例规则，金额不是任何县的现行标准）`
    : pack.rulesTitle;
}

export interface RecognitionInput {
  readonly committeeName: string;
  readonly caseReference: string;
  readonly caseTitle: string;
  readonly disputeType: string;
  readonly mediatorNames: readonly string[];
  readonly rules: Pick<ClaimPack, 'rulesTitle' | 'rulesIsExample'>;
  readonly oralPercent: number;
  readonly line: ClaimLine;
  /** The tier's papers and whether the volume holds each. */
  readonly documents: readonly { readonly label: string; readonly present: boolean }[];
  readonly disclaimer: string;
  readonly noticeDate: string;
  readonly dateStyle: DocumentDateStyle;
}

export function buildRecognitionData(input: RecognitionInput): DocumentData {
  const { line } = input;
  if (line.outcomeDate === null) throw new RangeError('案件尚未调解结束，结案后才能填写认定表');
  const date = (iso: string) => formatDocumentDate(iso, input.dateStyle);
  return {
    fields: {
      'committee.name': input.committeeName,
      'case.reference': input.caseReference,
      'case.name': input.caseTitle,
      'dispute.type': input.disputeType,
      'mediator.names': input.mediatorNames.join('、'),
      'subsidy.outcome': OUTCOME_TEXT[line.outcome],
      'subsidy.outcomeDate': date(line.outcomeDate),
      'subsidy.rulesTitle': rulesTitleText(input.rules),
      'subsidy.tier': tierText(line),
      'subsidy.amount': line.claimable
        ? amountText(line, input.oralPercent)
        : line.tierAmountFen === null
          ? '—'
          : `—（档次金额 ${yuanText(line.tierAmountFen)} 元，暂不能申报）`,
      'subsidy.tierReasons': line.tierReasons.map((r, i) => `${i + 1}. ${r}`).join('\n'),
      'subsidy.documents':
        input.documents.length === 0
          ? '本规则未对该档次列出材料'
          : input.documents.map((d) => `${d.label}（${d.present ? '已有' : '缺'}）`).join('、'),
      'subsidy.claimable': line.claimable
        ? '可以申报'
        : `暂不能申报：${line.notClaimableReasons.join('；')}`,
      'subsidy.disclaimer': input.disclaimer,
      'notice.date': date(input.noticeDate),
    },
    lists: {},
  };
}

/**
 * A row of the 申报表 never breaks across pages, so its cells are kept to a few lines; the
 * 认定表 and the xlsx carry every reason in full.
 */
const NOTE_MAX = 120;
const TITLE_MAX = 60;
function clip(text: string, max: number, more: string): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…${more}`;
}

/** The longest list a document takes (document-data.ts); a longer period is split by the room. */
export const MAX_CLAIM_SHEET_LINES = 1000;

export interface ClaimSheetInput {
  readonly committeeName: string;
  readonly periodLabel: string;
  readonly pack: ClaimPack;
  readonly oralPercent: number;
  readonly noticeDate: string;
  readonly dateStyle: DocumentDateStyle;
}

export function buildClaimSheetData(input: ClaimSheetInput): DocumentData {
  const { pack } = input;
  if (pack.lines.length > MAX_CLAIM_SHEET_LINES) {
    throw new RangeError(
      `该期间有 ${pack.lines.length} 件案件，一张申报表最多 ${MAX_CLAIM_SHEET_LINES} 件，请按季度或月份分别申报`,
    );
  }
  const date = (iso: string) => formatDocumentDate(iso, input.dateStyle);
  const notClaimable = pack.totals.cases - pack.totals.claimable;
  const byTier = pack.totals.byTier
    .filter((t) => t.cases > 0)
    .map((t) => `${t.tierLabel} ${t.cases} 件 ${yuanText(t.amountFen)} 元`);
  return {
    fields: {
      'committee.name': input.committeeName,
      'mediator.names': pack.mediator.name,
      'subsidy.period': `${input.periodLabel}（${pack.periodStart} 至 ${pack.periodEnd}）`,
      'subsidy.rulesTitle': rulesTitleText(pack),
      'subsidy.totals':
        `合计：调结 ${pack.totals.cases} 件，可申报 ${pack.totals.claimable} 件` +
        `${notClaimable > 0 ? `，暂不能申报 ${notClaimable} 件` : ''}，估算金额 ${yuanText(pack.totals.amountFen)} 元。`,
      'subsidy.byTier': byTier.length > 0 ? `其中：${byTier.join('；')}。` : '其中：无可申报案件。',
      'subsidy.disclaimer': pack.disclaimer,
      'notice.date': date(input.noticeDate),
    },
    lists: {
      claimLines: pack.lines.map((line) => ({
        'line.caseNumber': line.caseNumber ?? `（未编号）${line.caseId}`,
        'line.title': clip(line.title, TITLE_MAX, ''),
        'line.outcomeDate': line.outcomeDate ?? '',
        'line.tier': line.isOral ? `${line.tierLabel}（口头）` : line.tierLabel,
        'line.amount': line.claimable ? yuanText(line.amountFen) : '—',
        'line.note': line.claimable
          ? `${line.tierSource === 'CONFIRMED' ? '已确认' : '建议档次，未确认'}${line.share ? `；分得 ${line.share}` : ''}`
          : clip(`不能申报：${line.notClaimableReasons.join('；')}`, NOTE_MAX, '（详见认定表）'),
      })),
    },
  };
}
