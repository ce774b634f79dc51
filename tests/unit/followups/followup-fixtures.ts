import type { Agreement } from '../../../domain/agreements/agreement-views.js';
import { generated, mediatingCase, type MediatingCase } from '../agreements/agreement-fixtures.js';
import type { TestLedgerOptions } from '../services/case-fixtures.js';

/**
 * The grassland case settled with two instalments of 15 000 元 (due 2026-04-15 and 2026-05-15),
 * effective 2026-03-20 (seal date). `clock` is the ledger's now; tests move it forward.
 */
export interface SettledCase {
  readonly m: MediatingCase;
  readonly agreement: Agreement;
  setClock(iso: string): void;
}

/** The respondent pays the applicant 草场损失赔偿款 by bank transfer in these instalments. */
export function instalmentTerm(
  partyIds: readonly number[],
  instalments: readonly { dueDate: string; amountFen: number }[],
) {
  const [applicant, respondent] = partyIds;
  return {
    kind: 'OBLIGATION',
    obligation: {
      kind: 'MONEY',
      obligorPartyId: respondent,
      obligeePartyId: applicant,
      description: '草场损失赔偿款',
      amountFen: instalments.reduce((sum, i) => sum + i.amountFen, 0),
      method: '银行转账',
      instalments,
    },
  };
}

export async function settledWithInstalments(
  /** Runs while the case is still being mediated (e.g. to add a session record). */
  prepare: (m: MediatingCase) => Promise<void> = async () => undefined,
  options: TestLedgerOptions = {},
): Promise<SettledCase> {
  let clock = new Date('2026-03-10T02:00:00Z');
  const m = await mediatingCase(() => clock, options);
  await prepare(m);
  const gen = await generated(m, {
    terms: [
      instalmentTerm(m.partyIds, [
        { dueDate: '2026-04-15', amountFen: 1_500_000 },
        { dueDate: '2026-05-15', amountFen: 1_500_000 },
      ]),
    ],
  });
  clock = new Date('2026-03-21T02:00:00Z');
  const agreement = await m.l.call<Agreement>('agreements.recordSignatures', {
    agreementId: gen.id,
    expectedVersion: gen.version,
    signatures: {
      parties: m.partyIds.map((partyId) => ({ partyId, date: '2026-03-18', mode: 'SIGN' })),
      mediatorDate: '2026-03-18',
      recorderDate: '2026-03-18',
      sealDate: '2026-03-20',
    },
  });
  return {
    m,
    agreement,
    setClock: (iso) => {
      clock = new Date(iso);
    },
  };
}

export function visit(s: SettledCase, overrides: Record<string, unknown> = {}) {
  return {
    visitDate: '2026-04-23',
    mode: 'IN_PERSON',
    visitedPartyIds: [...s.m.partyIds],
    findings: '被申请人已支付第一期赔偿款 15000 元，第二期尚未到期。双方关系缓和。',
    performance: 'PARTLY',
    satisfaction: 'MOSTLY',
    risk: 'LOW',
    visitorId: s.m.mediatorId,
    nextStep: 'NEXT_VISIT',
    nextVisitDate: '2026-05-25',
    nextStepNote: null,
    ...overrides,
  };
}

export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
