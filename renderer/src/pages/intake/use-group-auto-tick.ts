import { Form, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import {
  groupTickByHand,
  groupTickFor,
  NO_GROUP_TICK,
  type GroupTick,
} from '../../../../domain/cases/group-dispute';
import type * as riskFactors from '../../../../domain/taxonomy/risk-factors';
import type { IntakeFormValues } from './intake-values';

const GROUP: riskFactors.Code = 'MANY_PARTIES';

/** Parties with a name: the blank rows a table keeps at its end are nobody yet. */
const personsOf = (values: IntakeFormValues | undefined): number =>
  (values?.parties ?? []).filter((p) => (p?.name ?? '').trim() !== '').length;

/**
 * Ticks 群体性纠纷 (the MANY_PARTIES risk factor) by itself when the intake reaches the group
 * threshold of persons, and remembers when the mediator unticks it (domain/cases/group-dispute).
 * `onAutoChange` tells the autosave, which hears only typed changes.
 */
export function useGroupAutoTick(
  form: FormInstance<IntakeFormValues>,
  onAutoChange: () => void,
): { readonly persons: number; readonly box: GroupTick } {
  const persons = Form.useWatch(personsOf, form) ?? 0;
  const ticked =
    Form.useWatch((v: IntakeFormValues) => (v.riskFactors ?? []).includes(GROUP), form) ?? false;
  const [box, setBox] = useState<GroupTick>(NO_GROUP_TICK);

  // A change of the box that this hook did not make is the mediator's.
  useEffect(() => {
    if (ticked !== box.ticked) setBox(groupTickByHand(persons, ticked));
    // Only the box's own changes: a new count is the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticked]);

  useEffect(() => {
    const next = groupTickFor(persons, { ...box, ticked });
    if (next.ticked === ticked && next.declined === box.declined && next.auto === box.auto) return;
    setBox(next);
    if (next.ticked !== ticked) {
      const current = (form.getFieldValue('riskFactors') ?? []) as riskFactors.Code[];
      form.setFieldValue(
        'riskFactors',
        next.ticked ? [...current, GROUP] : current.filter((c) => c !== GROUP),
      );
      onAutoChange();
    }
    // The count is what moves the box here; the box and form are read as they are now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [persons]);

  return { persons, box };
}
