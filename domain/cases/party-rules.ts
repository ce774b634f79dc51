import type { z } from 'zod';
import { checkPartyPerson, type PartyIssue } from '../validation/party-checks';
import type { PartyValues } from './party-input';

/**
 * Runs the §6.9 person checks on parties about to be saved. ERRORs become zod issues at the
 * party's field (so the form marks the right box); WARNINGs are returned to be shown beside
 * the saved result, because they ask the mediator to check, not to stop.
 */
export interface PartyWarning {
  /** Index of the party in the submitted list (or 0 for a single party). */
  readonly partyIndex: number;
  readonly field: string;
  readonly message: string;
}

export function partyIssues(party: PartyValues, onDate: string): PartyIssue[] {
  if (party.kind !== 'NATURAL') return [];
  return checkPartyPerson(
    {
      kind: party.kind,
      birthDate: party.birthDate,
      gender: party.gender,
      idDocType: party.idDocument?.type ?? null,
      idNumber: party.idDocument?.number ?? null,
      hasGuardian: party.representatives.some((r) => r.kind === 'GUARDIAN'),
      genderConfirmed: party.genderConfirmed,
    },
    { onDate },
  );
}

export function refineParties(
  parties: readonly PartyValues[],
  onDate: string,
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
): void {
  parties.forEach((party, index) => {
    for (const issue of partyIssues(party, onDate)) {
      if (issue.level === 'ERROR') {
        ctx.addIssue({
          code: 'custom',
          path: [...path, index, issue.field],
          message: issue.message,
        });
      }
    }
  });
}

export function partyWarnings(
  parties: readonly PartyValues[],
  onDate: string,
  firstIndex = 0,
): PartyWarning[] {
  return parties.flatMap((party, index) =>
    partyIssues(party, onDate)
      .filter((issue) => issue.level === 'WARNING')
      .map((issue) => ({
        partyIndex: firstIndex + index,
        field: issue.field,
        message: issue.message,
      })),
  );
}
