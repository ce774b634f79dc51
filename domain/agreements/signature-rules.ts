import type { SignaturesValues } from './agreement-input';

/**
 * PML 29: a written agreement takes effect on the day every party has signed, sealed or
 * fingerprinted, the mediator has signed and the committee seal is affixed. The recorder's
 * signature belongs on the form (§2.9) but is not a condition of effect, so it is recorded and
 * required for completeness of the paper but does not move the effective date.
 */
export interface SignatureState {
  readonly complete: boolean;
  /** The last of the party, mediator and seal dates, when all are present. */
  readonly effectiveDate: string | null;
  /** Slots still empty, for the mediator (当事人张三、记录人…). */
  readonly missing: readonly string[];
}

export function signatureState(
  s: SignaturesValues,
  partyNames: ReadonlyMap<number, string>,
): SignatureState {
  const missing: string[] = [];
  const dates: string[] = [];
  for (const [id, name] of partyNames) {
    const slot = s.parties.find((p) => p.partyId === id);
    if (!slot || slot.date === null || slot.mode === null) missing.push(`当事人${name}`);
    else dates.push(slot.date);
  }
  if (s.mediatorDate === null) missing.push('人民调解员');
  else dates.push(s.mediatorDate);
  if (s.recorderDate === null) missing.push('记录人');
  if (s.sealDate === null) missing.push('调解委员会印章');
  else dates.push(s.sealDate);
  const complete = missing.length === 0;
  return {
    complete,
    effectiveDate: complete ? dates.reduce((a, b) => (b > a ? b : a)) : null,
    missing,
  };
}
