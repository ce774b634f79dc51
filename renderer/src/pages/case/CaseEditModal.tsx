import { Alert, App, Form, Input, Modal } from 'antd';
import { useCallback, useMemo } from 'react';
import { caseChangesSchema } from '../../../../domain/cases/case-input';
import type { CaseDetail } from '../../../../domain/cases/case-views';
import { api } from '../../api/client';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { useApiValue } from '../../hooks/use-api-value';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { CaseFields } from '../intake/CaseFields';
import { StartDateItem } from '../intake/StartDateItem';
import { startDateRule, useCaseDates } from '../../forms/record-date-rules';
import { caseChangesOf, caseToFormValues, type IntakeFormValues } from '../intake/intake-values';
import { CorrectionDocumentsNotice } from './CorrectionDocumentsNotice';

const t = uiText.case.edit;

type FormValues = IntakeFormValues & { acceptedDate?: string | null; reason?: string };

/**
 * Corrects a saved case's own fields with the intake's own block (`CaseFields`) and the same
 * schema. Only what changed is sent, so the history lists exactly the corrected fields.
 */
export function CaseEditModal(props: {
  readonly detail: CaseDetail;
  readonly onClose: () => void;
  readonly onDone: (next: CaseDetail) => void;
}) {
  const { detail } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const submitter = useSchemaSubmit();
  // Issues no box can show are listed under the form; a conflict or refusal is a toast.
  const unplaced = submitter.refusal?.conflict === false ? submitter.refusal.unplaced : [];
  // Active mediators, plus any no longer active who are already on the case (shown by name).
  const { mediators: all } = useMediators(true);
  const mediators = all.filter((m) => m.active || detail.mediatorIds.includes(m.id));
  const loadSettings = useCallback(() => api('caseSettings.get', {}), []);
  const settings = useApiValue(loadSettings).value;
  const original = useMemo(() => caseToFormValues(detail), [detail]);
  const caseDates = useCaseDates(detail);
  const accepted = detail.acceptedDate !== null;

  async function save() {
    submitter.clearRefusal();
    try {
      await form.validateFields();
    } catch {
      message.error(uiText.common.fixFields);
      return;
    }
    const values = form.getFieldsValue(true) as FormValues;
    const changes: Record<string, unknown> = caseChangesOf(original, values);
    // The start dates are corrected here, not at intake: they travel only when changed.
    if (values.intakeDate && values.intakeDate !== detail.intakeDate) {
      changes.intakeDate = values.intakeDate;
    }
    if (accepted && values.acceptedDate && values.acceptedDate !== detail.acceptedDate) {
      changes.acceptedDate = values.acceptedDate;
    }
    const datesChanged = 'intakeDate' in changes || 'acceptedDate' in changes;
    if (datesChanged && !values.reason?.trim()) {
      form.setFields([{ name: 'reason', errors: [t.dateReasonRequired] }]);
      message.error(uiText.common.fixFields);
      return;
    }
    if (Object.keys(changes).length === 0) {
      message.info(t.nothingChanged);
      props.onClose();
      return;
    }
    const done = await submitter.run({
      form,
      schema: caseChangesSchema,
      input: changes,
      inputAt: ['changes'],
      fieldsAt: ['changes'],
      submit: () =>
        api('cases.update', {
          caseId: detail.id,
          expectedVersion: detail.version,
          changes,
          reason: values.reason?.trim() ? values.reason : null,
        }),
    });
    if (done.ok) {
      message.success(t.caseSaved);
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
      title={t.editCaseTitle}
      okText={uiText.common.save}
      confirmLoading={submitter.saving}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
      data-testid="case-edit-modal"
    >
      <CorrectionDocumentsNotice caseId={detail.id} />
      <Form<FormValues>
        form={form}
        name="case-edit"
        layout="vertical"
        initialValues={{
          ...original,
          intakeDate: detail.intakeDate,
          acceptedDate: detail.acceptedDate,
          reason: '',
        }}
      >
        <CaseFields
          form={form}
          settings={settings}
          mediators={mediators}
          dateColumn={
            <>
              <StartDateItem
                name="intakeDate"
                label={uiText.case.intakeDate}
                rules={[startDateRule(form, 'intakeDate', detail, caseDates)]}
                dependencies={accepted ? ['acceptedDate'] : []}
              />
              {accepted ? (
                <StartDateItem
                  name="acceptedDate"
                  label={uiText.case.acceptedDate}
                  rules={[startDateRule(form, 'acceptedDate', detail, caseDates)]}
                  dependencies={['intakeDate']}
                  extra={t.acceptedYearHint}
                />
              ) : null}
            </>
          }
        />
        <Form.Item name="reason" label={t.caseReasonLabel} extra={t.caseReasonHint}>
          <Input.TextArea rows={2} maxLength={500} data-testid="case-edit-reason" />
        </Form.Item>
        {unplaced.length > 0 ? <Alert type="error" title={unplaced.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
