import { Alert, App, Form, Input, Modal } from 'antd';
import { useMemo, useState } from 'react';
import type { CaseDetail, Party } from '../../../../domain/cases/case-views';
import { partyInputSchema } from '../../../../domain/cases/party-input';
import type { Extension } from '../../../../domain/taxonomy/ethnic-groups';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { applyFieldIssues, badInputIssues } from '../../forms/field-issues';
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

// The server names the party as `party.…`; the card's boxes are `parties.0.…`.
const toCardPath = (path: readonly (string | number)[]) =>
  path[0] === 'party' ? ['parties', 0, ...path.slice(1)] : [...path];

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
  const [saving, setSaving] = useState(false);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const original = useMemo(
    () =>
      party
        ? partyToFormValues(party)
        : newParty(detail.parties.map((p) => ({ kind: p.kind, role: p.role }))),
    [party, detail.parties],
  );

  async function save() {
    setUnplaced([]);
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
    const local = partyInputSchema.safeParse(input);
    if (!local.success) {
      applyFieldIssues(
        form,
        local.error.issues.map((i) => ({
          path: [
            'parties',
            0,
            ...i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          ],
          message: i.message,
        })),
      );
      message.error(uiText.common.fixFields);
      return;
    }
    setSaving(true);
    try {
      const saved = party
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
          });
      message.success(party ? t.partySaved : t.partyAdded);
      props.onDone(saved.case);
    } catch (error) {
      const issues = badInputIssues(error);
      if (issues) {
        const left = applyFieldIssues(
          form,
          issues.map((i) => ({ ...i, path: toCardPath(i.path) })),
        );
        setUnplaced(left.map((i) => i.message));
        message.error(uiText.common.fixFields);
      } else {
        message.error(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={1100}
      title={party ? t.correctPartyTitle(party.name) : t.addPartyTitle}
      okText={uiText.common.save}
      confirmLoading={saving}
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
