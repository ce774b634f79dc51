import * as disputeCategories from '../taxonomy/dispute-categories';

/**
 * The generated case title (卷名): "<first applicant>与<first respondent><category>". A title the
 * mediator typed is kept as typed; a generated one follows corrections of the parties' names
 * (issue 8), otherwise the old, wrong name stays searchable and printed on the volume cover.
 */
export interface TitleParty {
  readonly role: string;
  readonly name: string;
}

export const CASE_TITLE_MAX = 100;

export function generatedCaseTitle(
  parties: readonly TitleParty[],
  category: disputeCategories.Code,
): string {
  const applicant = parties.find((p) => p.role === 'APPLICANT') ?? parties[0];
  const respondent = parties.find((p) => p.role === 'RESPONDENT' && p !== applicant);
  const label = disputeCategories.labelOf(category);
  const names = [applicant?.name, respondent?.name].filter((n) => n !== undefined).join('与');
  return Array.from(`${names}${label}`).slice(0, CASE_TITLE_MAX).join('');
}
