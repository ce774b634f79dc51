import { Button, Form } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { DuplicateMatch } from '../../../../domain/cases/case-views';
import type { Extension } from '../../../../domain/taxonomy/ethnic-groups';
import { uiText } from '../../i18n/zh-CN';
import { newParty, type PartyFormValues } from './intake-values';
import { matchOf } from './duplicate-warning';
import { PartyCard } from './PartyCard';

const t = uiText.intake;

interface Props {
  readonly form: FormInstance;
  readonly intakeDate: string;
  readonly extensions: readonly Extension[];
  readonly duplicates: readonly DuplicateMatch[];
  /** A card was removed: the duplicate warnings no longer match the cards' positions. */
  readonly onRemoved: () => void;
  readonly onIdentityBlur: () => void;
}

interface ListOps {
  readonly add: (party: PartyFormValues) => void;
  readonly remove: (index: number) => void;
  readonly count: number;
}

/**
 * The intake's party cards. The cards are memoised (a 15-party save must not re-render them),
 * so each gets the same functions on every render; those reach the list's operations as they
 * are when the event happens.
 */
export function PartyCardList(props: Props) {
  const { form, onRemoved } = props;
  const [focusParty, setFocusParty] = useState(0);
  const ops = useRef<ListOps | null>(null);

  const addParty = useCallback(() => {
    const list = ops.current;
    if (!list) return;
    const current = (form.getFieldValue('parties') ?? []) as PartyFormValues[];
    setFocusParty(list.count);
    list.add(newParty(current));
  }, [form]);
  const onRemove = useCallback(
    (index: number) => {
      ops.current?.remove(index);
      onRemoved();
    },
    [onRemoved],
  );
  const onLastFieldEnter = useCallback(
    (index: number) => {
      if (index === (ops.current?.count ?? 0) - 1) addParty();
      else document.getElementById(`intake_parties_${index + 1}_name`)?.focus();
    },
    [addParty],
  );

  return (
    <Form.List name="parties">
      {(partyFields, { add, remove }) => (
        <>
          <ListOpsKeeper ops={ops} add={add} remove={remove} count={partyFields.length} />
          {partyFields.map((field, position) => (
            <PartyCard
              key={field.key}
              form={form}
              index={field.name}
              intakeDate={props.intakeDate}
              extensions={props.extensions}
              duplicate={matchOf(props.duplicates, field.name)}
              autoFocus={position === focusParty}
              canRemove={partyFields.length > 1}
              onRemove={onRemove}
              onIdentityBlur={props.onIdentityBlur}
              onLastFieldEnter={onLastFieldEnter}
            />
          ))}
          <Button onClick={addParty} style={{ marginBottom: 16 }}>
            {t.addParty}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Keeps the Form.List's operations of the last render where the stable callbacks find them. */
function ListOpsKeeper(props: {
  ops: { current: ListOps | null };
  add: (party: PartyFormValues) => void;
  remove: (index: number) => void;
  count: number;
}) {
  const { ops, add, remove, count } = props;
  useLayoutEffect(() => {
    ops.current = { add, remove, count };
  }, [ops, add, remove, count]);
  return null;
}
