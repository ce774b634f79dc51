import { Alert, Button, Col, DatePicker, Form, Modal, Row, Select, Typography } from 'antd';
import {
  SIGNATURE_MODES,
  SIGNATURE_MODE_LABELS,
  signaturesSchema,
  type SignatureMode,
} from '../../../../domain/agreements/agreement-input';
import type { Agreement } from '../../../../domain/agreements/agreement-views';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { useSchemaSubmit } from '../../forms/use-schema-submit';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.agreement.signatures;
const modeOptions = SIGNATURE_MODES.map((m) => ({ value: m, label: SIGNATURE_MODE_LABELS[m] }));

interface Values {
  parties: { partyId: number; date: string | null; mode: SignatureMode | null }[];
  mediatorDate: string | null;
  recorderDate: string | null;
  sealDate: string | null;
}

/** The dates on the signed paper (PML 29); the agreement takes effect when all are there. */
export function SignaturesModal({
  agreement,
  onClose,
  onDone,
}: {
  agreement: Agreement;
  onClose: () => void;
  onDone: (next: Agreement) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, refusal, run } = useSchemaSubmit();
  const s = agreement.signatures;
  const initial: Values = {
    parties: s.parties.map((p) => ({ partyId: p.partyId, date: p.date, mode: p.mode })),
    mediatorDate: s.mediatorDate,
    recorderDate: s.recorderDate,
    sealDate: s.sealDate,
  };

  async function submit() {
    const values = form.getFieldsValue(true) as Values;
    const input = {
      parties: values.parties.map((p) => ({ ...p })),
      mediatorDate: values.mediatorDate,
      recorderDate: values.recorderDate,
      sealDate: values.sealDate,
    };
    const done = await run({
      form,
      schema: signaturesSchema,
      input,
      inputAt: ['signatures'],
      fieldsAt: ['signatures'],
      conflictMessage: uiText.agreement.editor.conflict,
      submit: () =>
        api('agreements.recordSignatures', {
          agreementId: agreement.id,
          expectedVersion: agreement.version,
          signatures: input,
        }),
    });
    if (done.ok) onDone(done.value);
  }

  return (
    <Modal
      open
      title={t.title}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {uiText.common.cancel}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()}>
          {t.save}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="signatures" initialValues={initial}>
        {s.parties.map((p, i) => (
          <Row gutter={12} key={p.partyId} data-testid={`signature-party-${i}`}>
            <Col span={8} style={{ paddingTop: 34 }}>
              <Typography.Text strong>{t.party(p.name)}</Typography.Text>
            </Col>
            <Col span={8}>
              <Form.Item name={['parties', i, 'date']} label={t.date} {...dateFieldProps}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['parties', i, 'mode']} label={t.mode}>
                <Select options={modeOptions} allowClear />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="mediatorDate" label={t.mediatorDate} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="recorderDate" label={t.recorderDate} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sealDate" label={t.sealDate} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {refusal ? (
        <Alert type="error" showIcon title={refusal.message} data-testid="signatures-refusal" />
      ) : null}
    </Modal>
  );
}
