import { Alert, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';

import { transitionsFrom, type CaseAction } from '../../../../domain/case-lifecycle';
import { transitionInputSchemas } from '../../../../domain/case-transition-inputs';
import type { CaseDetail } from '../../../../domain/cases/case-views';
import * as advisedRoutes from '../../../../domain/taxonomy/advised-routes';
import * as referralTargets from '../../../../domain/taxonomy/referral-targets';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.case;
const f = t.field;

const routeOptions = advisedRoutes.rows.map((r) => ({ value: r.code, label: r.label }));
const referralOptions = referralTargets.rows
  .filter((r) => !referralTargets.rows.some((c) => 'parent' in c && c.parent === r.code))
  .map((r) => ({
    value: r.code,
    label: 'parent' in r ? `${referralTargets.labelOf(r.parent)} · ${r.label}` : r.label,
  }));

type Values = Record<string, unknown>;

/** Today's date for every date field the action asks for: most are recorded on the day. */
function defaults(action: CaseAction): Values {
  const today = chinaToday();
  switch (action) {
    case 'ACCEPT':
      return { acceptedDate: today };
    case 'TERMINATE_FAILED':
      return { terminatedDate: today, advisedRoutes: [] };
    case 'TERMINATE_REFUSED':
      return { terminatedDate: today };
    case 'REFER':
      return { referredDate: today };
    case 'RETURN_FROM_REFERRAL':
      return { returnedDate: today };
    case 'REOPEN_MEDIATION':
      return { reopenedDate: today };
    case 'CLOSE':
      return { closedDate: today };
    default:
      return {};
  }
}

function DateItem({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} required {...dateFieldProps}>
      <DatePicker style={{ width: 200 }} allowClear={false} />
    </Form.Item>
  );
}

function NoteItem({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} required>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
}

function ActionFields({ action, detail }: { action: CaseAction; detail: CaseDetail }) {
  switch (action) {
    case 'ACCEPT':
      return <DateItem name="acceptedDate" label={f.acceptedDate} />;
    case 'REJECT':
      return (
        <>
          <NoteItem name="reason" label={f.reason} />
          <Form.Item name="advisedRoute" label={f.advisedRoute} required>
            <Select options={routeOptions} />
          </Form.Item>
          <Form.Item
            name="advisedRouteNote"
            label={`${f.advisedRouteNote}${uiText.common.optional}`}
          >
            <Input />
          </Form.Item>
        </>
      );
    case 'TERMINATE_FAILED':
      return (
        <>
          <DateItem name="terminatedDate" label={f.terminatedDate} />
          <Form.Item name="advisedRoutes" label={f.advisedRoutes} required>
            <Select mode="multiple" options={routeOptions} />
          </Form.Item>
          <NoteItem name="note" label={f.terminateNote} />
        </>
      );
    case 'TERMINATE_REFUSED':
      return (
        <>
          <DateItem name="terminatedDate" label={f.terminatedDate} />
          <Form.Item name="refusedBy" label={f.refusedBy} required>
            <Select
              options={[
                { value: 'ALL', label: t.refusedByAll },
                ...detail.parties.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
          </Form.Item>
          <NoteItem name="note" label={f.terminateNote} />
        </>
      );
    case 'REFER':
      return (
        <>
          <Form.Item name="target" label={f.target} required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={referralOptions} />
          </Form.Item>
          <DateItem name="referredDate" label={f.referredDate} />
          <NoteItem name="reason" label={f.referReason} />
        </>
      );
    case 'RETURN_FROM_REFERRAL':
      return (
        <>
          <DateItem name="returnedDate" label={f.returnedDate} />
          <NoteItem name="note" label={f.returnNote} />
        </>
      );
    case 'REOPEN_MEDIATION':
      return (
        <>
          <Typography.Paragraph type="secondary">{t.reopenHelp}</Typography.Paragraph>
          <DateItem name="reopenedDate" label={f.reopenedDate} />
          <NoteItem name="reason" label={f.reopenReason} />
        </>
      );
    case 'CLOSE':
      return (
        <>
          <DateItem name="closedDate" label={f.closedDate} />
          {detail.status === 'FOLLOW_UP' ? (
            <Form.Item
              name="unperformedReason"
              label={`${f.unperformedReason}${uiText.common.optional}`}
              extra={f.unperformedReasonHelp}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          ) : null}
        </>
      );
    case 'START_INVESTIGATION':
    case 'START_MEDIATION':
    case 'SETTLE_WRITTEN':
    case 'SETTLE_ORAL':
    case 'START_PERFORMANCE':
    case 'START_FOLLOW_UP':
    case 'ARCHIVE':
      return null;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

interface Props {
  readonly detail: CaseDetail;
  readonly action: CaseAction;
  readonly onClose: () => void;
  readonly onDone: (updated: CaseDetail) => void;
  readonly onReload: () => void;
}

/**
 * Collects what one lifecycle action needs and sends it with the version the page was loaded
 * with, so an action taken on an out-of-date page is refused instead of applied blindly.
 */
export function ActionModal({ detail, action, onClose, onDone, onReload }: Props) {
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();
  const label = transitionsFrom(detail.status).find((tr) => tr.action === action)?.label ?? action;

  async function submit() {
    const input = { ...form.getFieldsValue(true), action };
    const done = await run({
      form,
      schema: transitionInputSchemas[action],
      input,
      inputAt: ['input'],
      fieldsAt: ['input'],
      conflictMessage: t.conflictReload,
      submit: (checked) =>
        api('cases.transition', {
          caseId: detail.id,
          expectedVersion: detail.version,
          input: checked,
        }),
    });
    if (done.ok) onDone(done.value);
  }

  return (
    <Modal
      open
      title={t.actionTitle(label)}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {uiText.common.cancel}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()}>
          {label}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={defaults(action)} name="case-action">
        <Typography.Paragraph>{t.actionConfirm(label)}</Typography.Paragraph>
        <ActionFields action={action} detail={detail} />
      </Form>
      {refusal ? (
        <Alert
          type="error"
          showIcon
          data-testid="action-refusal"
          title={refusal.message}
          action={
            refusal.conflict ? (
              <Button size="small" onClick={onReload}>
                {t.reload}
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </Modal>
  );
}
