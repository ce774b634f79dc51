import type { Db } from '../../db/connection.js';
import { getMediators } from '../../db/cases/mediator-queries.js';
import { missingDeadline, type AgreementContent } from '../../domain/agreements/agreement-input.js';
import type { DraftIssue } from '../../domain/agreements/agreement-views.js';
import { agreementDateIssue, type CaseDates } from '../../domain/cases/record-dates.js';
import {
  confusableTermIssues,
  MONGOLIAN_NOTICE,
  type TextField,
} from '../../domain/agreements/drafting-checks.js';
import { buildAgreementDocumentData } from '../documents/agreement-data.js';
import type { DocumentData } from '../documents/document-data.js';
import type { ResolvedAgreement } from './agreement-document-input.js';
import { partyAge } from './document-ledger-data.js';
import type { DocumentEngine } from './document-engine.js';

/**
 * Everything the mediator should hear about a draft before printing it. ERRORs mean the paper
 * would be wrong or unprintable (a minor without guardian, missing terms, Mongolian in the
 * body); WARNINGs ask for a look (confusable terms, characters the font lacks); NOTICEs explain.
 */
export interface PreparedDraft {
  readonly issues: readonly DraftIssue[];
  /** Null when the draft cannot be laid out yet (an ERROR says why). */
  readonly data: DocumentData | null;
}

const incomplete = (field: string, message: string): DraftIssue => ({
  code: 'INCOMPLETE',
  level: 'ERROR',
  field,
  message,
});

function completenessIssues(db: Db, content: AgreementContent): DraftIssue[] {
  const issues: DraftIssue[] = [];
  if (content.partyIds.length < 2) {
    issues.push(incomplete('content.partyIds', '人民调解协议书至少要有两方当事人'));
  }
  if (content.facts.trim() === '') {
    issues.push(incomplete('content.facts', '请填写纠纷主要事实'));
  }
  if (content.terms.length === 0) {
    issues.push(incomplete('content.terms', '请至少填写一条协议内容'));
  }
  if (content.recorderName.trim() === '') {
    issues.push(incomplete('content.recorderName', '请填写记录人'));
  }
  if (content.mediatorIds.length === 0) {
    issues.push(incomplete('content.mediatorIds', '请至少选择一名人民调解员'));
  }
  content.terms.forEach((term, i) => {
    if (term.kind !== 'OBLIGATION') return;
    // 履行期限 is what makes an obligation enforceable; without it the paper says “时限：／”.
    const missing = missingDeadline(term.obligation);
    if (missing !== null) {
      issues.push(incomplete(`content.terms.${i}.obligation.dueDate`, `第${i + 1}条：${missing}`));
    }
  });
  const mediators = getMediators(db, content.mediatorIds);
  for (const m of mediators) {
    if (!m.active || !m.isPeopleMediator) {
      issues.push(
        incomplete(
          'content.mediatorIds',
          `“${m.name}”不是在岗的人民调解员，不能在协议书上以人民调解员身份签名（《人民调解法》第十三条）`,
        ),
      );
    }
  }
  return issues;
}

function guardianIssues(content: AgreementContent, resolved: ResolvedAgreement): DraftIssue[] {
  return resolved.parties.flatMap((p, i) => {
    const age = partyAge(p.row, content.agreementDate);
    if (age === null || age >= 18) return [];
    const hasGuardian = content.agents.some((a) => a.partyId === p.row.id && a.kind === 'GUARDIAN');
    if (hasGuardian) return [];
    return [
      {
        code: 'MINOR_WITHOUT_GUARDIAN' as const,
        level: 'ERROR' as const,
        field: `content.partyIds.${i}`,
        message: `当事人${p.row.name}未满十八周岁（${age}岁），须列明其法定代理人（监护人）并由其签署协议`,
      },
    ];
  });
}

/** Every free text a mediator typed into the draft, with its input path. */
export function draftTextFields(content: AgreementContent): TextField[] {
  const fields: TextField[] = [
    { field: 'content.facts', text: content.facts },
    { field: 'content.disputedMatters', text: content.disputedMatters },
  ];
  content.responsibilities.forEach((r, i) =>
    fields.push({ field: `content.responsibilities.${i}.text`, text: r.text }),
  );
  content.terms.forEach((t, i) => {
    if (t.kind === 'TEXT') fields.push({ field: `content.terms.${i}.text`, text: t.text });
    else if (t.obligation.description !== null) {
      fields.push({
        field: `content.terms.${i}.obligation.description`,
        text: t.obligation.description,
      });
    }
  });
  if (content.performance !== null) {
    fields.push({ field: 'content.performance', text: content.performance });
  }
  return fields;
}

export function prepareDraft(
  db: Db,
  engine: DocumentEngine,
  content: AgreementContent,
  resolved: ResolvedAgreement,
  dates: CaseDates,
): PreparedDraft {
  // A 协议日期 before the case began would start the confirmation window in the past (§6).
  const dateIssue = agreementDateIssue('协议日期', content.agreementDate, dates);
  const issues: DraftIssue[] = [
    ...(dateIssue
      ? [
          {
            code: 'DATE_OUT_OF_RANGE' as const,
            level: 'ERROR' as const,
            field: 'content.agreementDate',
            message: dateIssue,
          },
        ]
      : []),
    ...completenessIssues(db, content),
    ...guardianIssues(content, resolved),
  ];
  issues.push(...confusableTermIssues(draftTextFields(content)));
  if (issues.some((i) => i.level === 'ERROR')) return { issues, data: null };
  let data: DocumentData;
  try {
    data = buildAgreementDocumentData(resolved.input);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    issues.push(incomplete('content', error.message));
    return { issues, data: null };
  }
  for (const issue of engine.check('AGREEMENT', data)) {
    issues.push(
      issue.code === 'MONGOLIAN_SCRIPT' ? { ...issue, message: MONGOLIAN_NOTICE } : issue,
    );
  }
  return { issues, data };
}
