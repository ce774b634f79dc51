import type { Db } from '../../db/connection.js';
import {
  ORAL_PERFORMANCE_STATUS_LABELS,
  type OralRegisterValues,
} from '../../domain/agreements/agreement-input.js';
import * as languages from '../../domain/taxonomy/languages.js';
import type {
  OralAgreementDocumentInput,
  OralPerformanceStatus,
} from '../documents/oral-agreement-data.js';
import {
  casePartiesById,
  documentParty,
  ledgerAgents,
  letterhead,
  mediatorNames,
  pickParties,
} from './document-ledger-data.js';
import { documentTranslations } from './document-translations.js';

/** An oral register (ids) → the 口头协议登记表 document input (names, labels). */
export function resolveOralRegister(
  db: Db,
  caseId: number,
  register: OralRegisterValues,
  path: readonly string[] = ['register'],
): OralAgreementDocumentInput {
  const head = letterhead(db);
  const parties = pickParties(casePartiesById(db, caseId), register.partyIds, [
    ...path,
    'partyIds',
  ]);
  const names = new Map(parties.map((p) => [p.row.id, p.row.name]));
  const interpreter = register.interpreter;
  const translations = documentTranslations(db, {
    translations: register.translations,
    prevails: register.translationPrevails,
    parties,
    copies: null,
    translator: interpreter?.name,
    titleKey: 'oralTitle',
    signatureLabels: false,
  });
  return {
    committeeName: head.committeeName,
    registerNumber: register.registerNumber,
    parties: parties.map((p) => documentParty(db, p.row, register.agreedDate)),
    agents: ledgerAgents(parties),
    factsAndIssues: register.facts,
    oralTerms: register.oralTerms,
    performance: register.performance ?? undefined,
    amountFen: register.amountFen,
    // The labels are exactly the printed values of the form (§2.10).
    performanceStatus: ORAL_PERFORMANCE_STATUS_LABELS[
      register.performanceStatus
    ] as OralPerformanceStatus,
    agreedDate: register.agreedDate,
    dateStyle: head.dateStyle,
    mediatorNames: mediatorNames(db, register.mediatorIds, [...path, 'mediatorIds']),
    recorderName: register.recorderName,
    interpreter:
      interpreter === null
        ? undefined
        : {
            name: interpreter.name,
            language: languages.labelOf(interpreter.language),
            partyNames: interpreter.partyIds.map((id) => names.get(id) ?? ''),
          },
    // no key without translations: registers frozen before them keep their canonical input
    ...(translations.length > 0 ? { translations } : {}),
  };
}
