import type { Db } from '../../db/connection.js';
import type {
  AgreementContent,
  ObligationValues,
} from '../../domain/agreements/agreement-input.js';
import * as languages from '../../domain/taxonomy/languages.js';
import type {
  AgreementDocumentInput,
  AgreementObligationInput,
  AgreementTermInput,
} from '../documents/agreement-data.js';
import {
  casePartiesById,
  documentParty,
  letterhead,
  mediatorNames,
  pickParties,
  type LedgerParty,
} from './document-ledger-data.js';
import { documentTranslations } from './document-translations.js';

/**
 * A draft (ids into the ledger) → the agreement document input (names, ages, labels). The
 * result is what gets frozen as canonical JSON at generation: everything printed, nothing more.
 */
export interface ResolvedAgreement {
  readonly input: AgreementDocumentInput;
  readonly parties: readonly LedgerParty[];
  readonly pageEdgeSealMark: boolean;
}

/** 纠纷主要事实、争议事项 and each party's responsibility (PML 29(二)) as one printed section. */
export function factsSection(
  content: AgreementContent,
  names: ReadonlyMap<number, string>,
): string {
  const parts = [content.facts];
  if (content.disputedMatters !== '') parts.push(`争议事项：${content.disputedMatters}`);
  if (content.responsibilities.length > 0) {
    parts.push(
      [
        '各方责任：',
        ...content.responsibilities.map((r) => `${names.get(r.partyId) ?? ''}：${r.text}`),
      ].join('\n'),
    );
  }
  return parts.filter((p) => p.trim() !== '').join('\n');
}

function obligation(
  o: ObligationValues,
  names: ReadonlyMap<number, string>,
): AgreementObligationInput {
  return {
    kind: o.kind,
    obligor: names.get(o.obligorPartyId) ?? '',
    obligee: o.obligeePartyId === null ? '' : (names.get(o.obligeePartyId) ?? ''),
    description: o.description ?? undefined,
    amountFen: o.amountFen ?? undefined,
    dueDate: o.dueDate ?? undefined,
    place: o.place ?? undefined,
    method: o.method ?? undefined,
    instalments: o.instalments.length > 0 ? o.instalments : undefined,
    shares:
      o.shares.length > 0
        ? o.shares.map((share) => ({
            name: names.get(share.partyId) ?? '',
            amountFen: share.amountFen,
            dueDate: share.dueDate ?? undefined,
            instalments: share.instalments.length > 0 ? share.instalments : undefined,
          }))
        : undefined,
  };
}

export function resolveAgreement(
  db: Db,
  caseId: number,
  content: AgreementContent,
): ResolvedAgreement {
  const head = letterhead(db);
  const parties = pickParties(casePartiesById(db, caseId), content.partyIds, [
    'content',
    'partyIds',
  ]);
  const names = new Map(parties.map((p) => [p.row.id, p.row.name]));
  const terms: AgreementTermInput[] = content.terms.map((t) =>
    t.kind === 'TEXT' ? t.text : obligation(t.obligation, names),
  );
  const interpreter = content.interpreter;
  const input: AgreementDocumentInput = {
    committeeName: head.committeeName,
    agreementNumber: content.agreementNumber,
    parties: parties.map((p) => documentParty(db, p.row, content.agreementDate)),
    agents: content.agents.map((a) => ({
      kind: a.kind === 'GUARDIAN' ? '法定代理人' : '委托代理人',
      name: a.name,
      principal: names.get(a.partyId) ?? '',
      detail: a.detail ?? undefined,
    })),
    factsAndIssues: factsSection(content, names),
    terms,
    performance: content.performance ?? undefined,
    amountFen: content.amountFen ?? undefined,
    copies: content.copies ?? undefined,
    agreementDate: content.agreementDate,
    dateStyle: head.dateStyle,
    mediatorNames: mediatorNames(db, content.mediatorIds, ['content', 'mediatorIds']),
    recorderName: content.recorderName,
    interpreter:
      interpreter === null
        ? undefined
        : {
            name: interpreter.name,
            language: languages.labelOf(interpreter.language),
            partyNames: interpreter.partyIds.map((id) => names.get(id) ?? ''),
          },
    printIdNumbers: content.printIdNumbers,
    translations: documentTranslations(db, {
      translations: content.translations,
      prevails: content.translationPrevails,
      parties,
      copies: content.copies ?? parties.length + 1,
      translator: interpreter?.name,
      titleKey: 'title',
      signatureLabels: true,
    }),
  };
  return { input, parties, pageEdgeSealMark: content.pageEdgeSealMark };
}
