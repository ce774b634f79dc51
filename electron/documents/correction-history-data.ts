import type { ChangeSetView } from '../../domain/cases/change-history.js';
import { formatDocumentDate, type DocumentDateStyle } from '../../domain/document-date.js';
import type { DocumentData } from './document-data.js';

/**
 * 案件信息更正记录 (issue 8, must-have 2), template `correction-history.v1.json`: the printed
 * summary of a case's change history for the 结案 volume. One numbered paragraph per save, oldest
 * first, in the same masked, labelled wording as the case timeline (`caseHistoryViews`), so a
 * long history or a long corrected text breaks across pages like any paragraph.
 */
export interface CorrectionHistoryInput {
  readonly committeeName: string;
  readonly caseNumber: string | null;
  readonly caseTitle: string;
  /** As `caseHistoryViews` returns them (newest first). */
  readonly history: readonly ChangeSetView[];
  readonly preparedBy: string;
  /**
   * 记录截至: the China date of the last correction, or the intake date when there is none.
   * Not the day of printing, so an unchanged history reprints as the same frozen copy.
   */
  readonly asOf: string;
  readonly dateStyle: DocumentDateStyle;
}

/** Most saves the printed summary holds (the document data's list limit). */
export const MAX_PRINTED_CORRECTIONS = 1000;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026年11月29日 10:05` on the China wall clock. */
function whenOf(isoInstant: string, style: DocumentDateStyle): string {
  const china = new Date(Date.parse(isoInstant) + CHINA_OFFSET_MS).toISOString();
  return `${formatDocumentDate(china.slice(0, 10), style)} ${china.slice(11, 16)}`;
}

const quoted = (text: string) => (text === '' ? '（空）' : text);

export function correctionEntryText(set: ChangeSetView, style: DocumentDateStyle): string {
  const changes = set.fields
    .map((f) => {
      if (set.action === 'ADD') return `${f.label}：${quoted(f.newText)}`;
      if (set.action === 'REMOVE') return `${f.label}：${quoted(f.oldText)}`;
      return `${f.label}由“${quoted(f.oldText)}”改为“${quoted(f.newText)}”`;
    })
    .join('；');
  const parts = [
    `${whenOf(set.at, style)}，${set.actor}${set.actionLabel}${set.subject}${changes ? `：${changes}` : ''}。`,
    set.reason ? `原因：${set.reason}。` : '',
    set.confirmations.length > 0 ? `已核实：${set.confirmations.join('；')}。` : '',
  ];
  return parts.join('');
}

export function buildCorrectionHistoryDocumentData(input: CorrectionHistoryInput): DocumentData {
  const sets = [...input.history].reverse();
  if (sets.length > MAX_PRINTED_CORRECTIONS) {
    throw new RangeError(
      `本案更正记录共 ${sets.length} 次，超过一份更正记录能列出的 ${MAX_PRINTED_CORRECTIONS} 次，无法打印；请在案件页“办理经过”中查看`,
    );
  }
  const fieldCount = sets.reduce((n, s) => n + s.fields.length, 0);
  const summary =
    sets.length === 0
      ? '本案自登记至今未作更正。'
      : `本案自登记至今共更正 ${sets.length} 次，涉及 ${fieldCount} 项，按时间先后列明如下（证件号码只显示前 6 位和后 4 位）：`;
  return {
    fields: {
      'committee.name': input.committeeName,
      'case.number': input.caseNumber ?? '（未编号）',
      'case.name': input.caseTitle,
      'history.summary': summary,
      'history.preparedBy': input.preparedBy,
      'history.date': formatDocumentDate(input.asOf, input.dateStyle),
    },
    lists: {
      corrections: sets.map((s) => ({
        'correction.text': correctionEntryText(s, input.dateStyle),
      })),
    },
  };
}
