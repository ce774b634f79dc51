import {
  Alert,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
} from 'antd';
import { saveRulesSchema } from '../../../../domain/subsidy/subsidy-input';
import {
  MULTI_MEDIATOR_RULES,
  ORAL_PROOF_LABELS,
  ORAL_PROOFS,
} from '../../../../domain/subsidy/subsidy-rules';
import type { ImportRulesResult } from '../../../../domain/subsidy/subsidy-views';
import { api } from '../../api/client';
import { dateFieldProps } from '../../forms/date-field';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { uiText } from '../../i18n/zh-CN';
import { rulesInput } from './rules-editor-values';
import { SubsidyTiersField } from './SubsidyTiersField';

const t = uiText.subsidyEditor;
const r = uiText.subsidy.rules;

/**
 * 设置 → 以案定补规则 → 新建/编辑: the whole county rule (tiers with criteria and amounts,
 * committee levels, oral cases and their proof, papers per tier, period) in one form. It is
 * checked with `subsidy.saveRules`'s own schema before sending, and again in the main process;
 * saving stores a new row, never over the rule it started from.
 */
export function RulesEditorModal({
  title,
  initialValues,
  onDone,
  onClose,
}: {
  title: string;
  initialValues: Record<string, unknown>;
  onDone: (result: ImportRulesResult) => void;
  onClose: () => void;
}) {
  return (
    <SchemaFormModal
      title={title}
      okText={t.save}
      name="subsidy-rules-editor"
      width={1040}
      schema={saveRulesSchema}
      initialValues={initialValues}
      toInput={rulesInput}
      fieldPrefix={['rules']}
      submit={(input) => api('subsidy.saveRules', input)}
      onDone={onDone}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t.storedAsNew} style={{ marginBottom: 12 }} />
      <Divider titlePlacement="start">{t.general}</Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="title" label={t.title}>
            <Input maxLength={60} data-testid="rules-title" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="id" label={t.id} tooltip={t.idHelp}>
            <Input maxLength={60} data-testid="rules-id" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="issuer" label={t.issuer}>
            <Input maxLength={60} data-testid="rules-issuer" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="validFrom" label={t.validFrom} {...dateFieldProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="validTo" label={t.validTo} {...dateFieldProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isExample" label={t.isExample} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="basis" label={t.basis}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>

      <Divider titlePlacement="start">{t.tiers}</Divider>
      <SubsidyTiersField />

      <Divider titlePlacement="start">{t.oral}</Divider>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={['oral', 'paid']} label={t.oralPaid} valuePropName="checked">
            <Switch data-testid="rules-oral-paid" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['oral', 'percent']} label={t.oralPercent}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              suffix="%"
              style={{ width: '100%' }}
              data-testid="rules-oral-percent"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['oral', 'proof']} label={t.oralProof}>
            <Select options={ORAL_PROOFS.map((p) => ({ value: p, label: ORAL_PROOF_LABELS[p] }))} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t.requires}</Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['requires', 'completeVolume']} valuePropName="checked" noStyle>
            <Checkbox>{t.requireCompleteVolume}</Checkbox>
          </Form.Item>
          <Form.Item name={['requires', 'countyRegister']} valuePropName="checked" noStyle>
            <Checkbox>{t.requireCountyRegister}</Checkbox>
          </Form.Item>
          <Form.Item name={['requires', 'mediatorFiled']} valuePropName="checked" noStyle>
            <Checkbox>{t.requireMediatorFiled}</Checkbox>
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="multipleMediators" label={t.multipleMediators}>
            <Select
              options={MULTI_MEDIATOR_RULES.map((m) => ({
                value: m,
                label: r.multipleMediatorLabels[m],
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="duplicateWindowDays" label={t.duplicateWindowDays}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </SchemaFormModal>
  );
}
