import { Alert, App, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import type { CaseDetail, Party } from '../../../../domain/cases/case-views';
import { partyInputSchema } from '../../../../domain/cases/party-input';
import type { Extension } from '../../../../domain/taxonomy/ethnic-groups';
import { api } from '../../api/client';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { uiText } from '../../i18n/zh-CN';
import { PartyCard } from '../intake/PartyCard';
import { CorrectionDocumentsNotice } from './CorrectionDocumentsNotice';
import {
  newParty,
  partyToFormValues,
  toPartyInput,
  type PartyFormValues,
} from '../intake/intake-values';

const t = uiText.case.edit;

interface FormValues {
  parties: PartyFormValues[];
  reason?: string;
}

/** Who the person is: correcting these needs a reason (issue 8). */
function identityChanged(before: PartyFormValues, after: PartyFormValues): boolean {
  return (
    (before.name ?? '').trim() !== (after.name ?? '').trim() ||
    before.gender !== after.gender ||
    (before.birthDate ?? null) !== (after.birthDate ?? null) ||
    before.idDocument?.type !== after.idDocument?.type ||
    (before.idDocument?.number ?? '') !== (after.idDocument?.number ?? '')
  );
}

/**
 * Adds a party to a saved case or corrects one, with the intake's own party card and the same
 * checks. What a correction means for documents is said up front: drafts follow the ledger,
 * generated and signed agreements are originals and do not.
 */
export function PartyEditModal(props: {
  readonly detail: CaseDetail;
  /** The party to correct, or null to add one. */
  readonly party: Party | null;
  readonly extensions: readonly Extension[];
  readonly onClose: () => void;
  readonly onDone: (next: CaseDetail) => void;
}) {
  const { detail, party } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const submitter = useSchemaSubmit();
  // Issues no box can show are listed under the form; a conflict or refusal is a toast.
  const unplaced = submitter.refusal?.conflict === false ? submitter.refusal.unplaced : [];
  const original = useMemo(
    () =>
      party
        ? partyToFormValues(party)
        : newParty(detail.parties.map((p) => ({ kind: p.kind, role: p.role }))),
    [party, detail.parties],
  );

  async function save() {
    submitter.clearRefusal();
    try {
      await form.validateFields();
    } catch {
      message.error(uiText.common.fixFields);
      return;
    }
    const values = form.getFieldsValue(true) as FormValues;
    const current = values.parties[0] ?? original;
    const reason = values.reason?.trim() ? values.reason : null;
    if (party && reason === null && identityChanged(original, current)) {
      form.setFields([{ name: 'reason', errors: [t.reasonRequired] }]);
      return;
    }
    const input = toPartyInput(current);
    const done = await submitter.run({
      form,
      schema: partyInputSchema,
      input,
      // The server names the party as `party.…`; the card's boxes are `parties.0.…`.
      inputAt: ['party'],
      fieldsAt: ['party'],
      formPrefix: ['parties', 0],
      // The values as typed go to the API (its door cleans and checks them again); the local
      // parse only finds what to mark.
      submit: async () =>
        (party
          ? await api('parties.update', {
              caseId: detail.id,
              partyId: party.id,
              expectedVersion: party.version,
              party: input,
              reason,
            })
          : await api('parties.add', {
              caseId: detail.id,
              expectedVersion: detail.version,
              party: input,
              reason,
            })
        ).case,
    });
    if (done.ok) {
      message.success(party ? t.partySaved : t.partyAdded);
      props.onDone(done.value);
    } else if (done.fieldIssues) {
      message.error(uiText.common.fixFields);
    } else if (done.refusal) {
      message.error(done.refusal.message);
    }
  }

  return (
    <Modal
      open
      width={1100}
      title={party ? t.correctPartyTitle(party.name) : t.addPartyTitle}
      okText={uiText.common.save}
      confirmLoading={submitter.saving}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
      data-testid="party-edit-modal"
    >
      <CorrectionDocumentsNotice caseId={detail.id} />
      <Form<FormValues>
        form={form}
        name="party-edit"
        layout="vertical"
        initialValues={{ parties: [original], reason: '' }}
      >
        <Form.List name="parties">
          {(fields) =>
            fields.map((field) => (
              <PartyCard
                key={field.key}
                form={form}
                index={field.name}
                intakeDate={detail.intakeDate}
                extensions={props.extensions}
                duplicate={undefined}
                autoFocus
                canRemove={false}
                onRemove={() => undefined}
                onLastFieldEnter={() => undefined}
                onIdentityBlur={() => undefined}
              />
            ))
          }
        </Form.List>
        <Form.Item
          name="reason"
          label={party ? t.reasonLabel : t.addReasonLabel}
          extra={party ? t.reasonHint : undefined}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            data-testid="party-edit-reason"
            onChange={() => form.setFields([{ name: 'reason', errors: [] }])}
          />
        </Form.Item>
        {unplaced.length > 0 ? <Alert type="error" title={unplaced.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
