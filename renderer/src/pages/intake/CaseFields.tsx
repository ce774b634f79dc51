import {
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { caseIntakeSchema } from '../../../../domain/cases/case-input';
import { GROUP_DISPUTE_MIN_PERSONS } from '../../../../domain/cases/group-dispute';
import type { CaseSettings, Mediator } from '../../../../domain/cases/case-views';
import * as caseSources from '../../../../domain/taxonomy/case-sources';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import * as preventionFlags from '../../../../domain/taxonomy/prevention-flags';
import * as riskFactors from '../../../../domain/taxonomy/risk-factors';
import * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import { RiskTag } from '../../components/RiskTag';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';
import { CaseFactFields } from './CaseFactFields';

const t = uiText.intake;
const fields = caseIntakeSchema.shape;

const selectableSources = caseSources.rows
  .filter((r) => !caseSources.rows.some((child) => 'parent' in child && child.parent === r.code))
  .map((r) => ({ value: r.code, label: r.label }));

/**
 * The case's own fields (source, category, summary, requests, risk, mediators, remarks) as one
 * block of form items named as the API names them. Intake and the case-details correction use
 * this same block, so a rule or a picker changed here changes in both.
 */
export function CaseFields(props: {
  readonly form: FormInstance;
  readonly settings: CaseSettings | undefined;
  readonly mediators: readonly Mediator[];
  /** A column placed first in the first row (intake puts its 登记日期 there). */
  readonly dateColumn?: ReactNode;
  /** Said under 群体性纠纷 instead of the general help (intake: why it was ticked by itself). */
  readonly groupNote?: ReactNode;
}) {
  const { form, settings, mediators } = props;
  const category = Form.useWatch('category', form) as disputeCategories.Code | undefined;
  const riskLevel = (Form.useWatch('riskLevel', form) as riskLevels.Code | undefined) ?? 'LOW';
  const chosenFactors =
    (Form.useWatch('riskFactors', form) as riskFactors.Code[] | undefined) ?? [];
  const subtypes = category ? disputeCategories.subtypesOf(category) : [];
  const dueDays = settings?.dueDays[riskLevel] ?? riskLevels.defaultDueDaysOf(riskLevel);
  const isGroup = chosenFactors.includes('MANY_PARTIES');

  function setGroup(on: boolean) {
    const current = (form.getFieldValue('riskFactors') ?? []) as riskFactors.Code[];
    const next = on
      ? [...new Set([...current, 'MANY_PARTIES' as const])]
      : current.filter((c) => c !== 'MANY_PARTIES');
    form.setFieldValue('riskFactors', next);
  }

  return (
    <>
      <Typography.Title level={5}>{t.caseSection}</Typography.Title>
      <Row gutter={12}>
        {props.dateColumn}
        <Col span={5}>
          <Form.Item name="source" label={t.source} required rules={[zodRule(fields.source)]}>
            <Select options={selectableSources} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="category" label={t.category} required rules={[zodRule(fields.category)]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={disputeCategories.rows.map((r) => ({ value: r.code, label: r.label }))}
              onChange={() => form.setFieldValue('subtype', null)}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="subtype" label={`${t.subtype}${uiText.common.optional}`}>
            <Select
              allowClear
              disabled={subtypes.length === 0}
              placeholder={t.subtypePlaceholder}
              options={subtypes.map((r) => ({ value: r.code, label: r.label }))}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item
            name="amountClaimedFen"
            label={`${t.amountClaimed}${uiText.common.optional}`}
            getValueProps={(fen: unknown) => ({
              value: typeof fen === 'number' ? fen / 100 : null,
            })}
            normalize={(yuan: number | null) => (yuan === null ? null : Math.round(yuan * 100))}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={`${t.title_}${uiText.common.optional}`}
        rules={[zodRule(fields.title)]}
      >
        <Input placeholder={t.titlePlaceholder} />
      </Form.Item>
      <Form.Item name="summary" label={t.summary} required rules={[zodRule(fields.summary)]}>
        <Input.TextArea rows={3} placeholder={t.summaryPlaceholder} />
      </Form.Item>
      <Form.List name="requests">
        {(requestFields, { add, remove }) => (
          <Form.Item label={t.requests}>
            {requestFields.map((field, i) => (
              <Space key={field.key} style={{ display: 'flex', marginBottom: 4 }} align="start">
                <Form.Item name={field.name} noStyle>
                  <Input placeholder={t.requestPlaceholder(i + 1)} style={{ width: 600 }} />
                </Form.Item>
                {requestFields.length > 1 ? (
                  <Button type="link" danger onClick={() => remove(field.name)} tabIndex={-1}>
                    {uiText.common.remove}
                  </Button>
                ) : null}
              </Space>
            ))}
            <Button size="small" onClick={() => add('')}>
              {t.addRequest}
            </Button>
          </Form.Item>
        )}
      </Form.List>

      <CaseFactFields form={form} />

      <Typography.Title level={5}>{t.riskSection}</Typography.Title>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="riskLevel" label={t.riskLevel} required extra={t.dueDaysHint(dueDays)}>
            <Select
              options={riskLevels.rows.map((r) => ({
                value: r.code,
                label: <RiskTag level={r.code} />,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label=" "
            extra={props.groupNote ?? t.groupDisputeHelp(GROUP_DISPUTE_MIN_PERSONS)}
          >
            <Checkbox
              checked={isGroup}
              onChange={(e) => setGroup(e.target.checked)}
              data-testid="group-dispute"
            >
              {t.groupDispute}
            </Checkbox>
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="isDifficult" label=" " valuePropName="checked">
            <Checkbox>{t.isDifficult}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="riskFactors" label={`${t.riskFactors}${uiText.common.optional}`}>
        <Checkbox.Group
          options={riskFactors.rows.map((r) => ({ value: r.code, label: r.label }))}
        />
      </Form.Item>
      <Form.List name="preventionFlags">
        {(flagFields, { add, remove }) => (
          <Form.Item label={`${t.preventionFlags}${uiText.common.optional}`}>
            {flagFields.map((field) => (
              <Row gutter={8} key={field.key}>
                <Col span={8}>
                  <Form.Item
                    name={[field.name, 'code']}
                    rules={[zodRule(preventionFlags.codeSchema)]}
                  >
                    <Select
                      options={preventionFlags.rows.map((r) => ({
                        value: r.code,
                        label: r.label,
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, 'persons']}>
                    <InputNumber
                      min={1}
                      placeholder={t.preventionPersons}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name={[field.name, 'note']}>
                    <Input placeholder={t.preventionNote} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {uiText.common.remove}
                  </Button>
                </Col>
              </Row>
            ))}
            <Button size="small" onClick={() => add({ code: 'CRIMINAL', persons: 1 })}>
              {t.addPrevention}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="mediatorIds"
            label={t.mediators}
            extra={mediators.length === 0 ? t.noMediators : undefined}
          >
            <Select
              mode="multiple"
              placeholder={t.mediatorsPlaceholder}
              optionFilterProp="label"
              options={mediators.map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="remarks"
            label={`${t.remarks}${uiText.common.optional}`}
            rules={[zodRule(fields.remarks)]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
