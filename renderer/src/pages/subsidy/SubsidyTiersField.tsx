import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import {
  VOLUME_DOCUMENT_LABELS,
  VOLUME_DOCUMENTS,
  type SubsidyTier,
} from '../../../../domain/subsidy/subsidy-rules';
import * as organisationTypes from '../../../../domain/taxonomy/organisation-types';
import { fenAsYuanFieldProps } from '../../forms/money-field';
import { uiText } from '../../i18n/zh-CN';
import { TierConditionsField } from './TierConditionsField';

const t = uiText.subsidyEditor;

const documentOptions = VOLUME_DOCUMENTS.map((d) => ({
  value: d,
  label: VOLUME_DOCUMENT_LABELS[d],
}));

/** What "添加档次" starts from: a tier with no conditions (a default tier) and the usual papers. */
export function blankTier(rank: number): Partial<SubsidyTier> {
  return {
    code: '',
    label: '',
    rank,
    amountFen: null,
    amountByLevel: {},
    paidElsewhereNote: null,
    when: [],
    criteriaText: null,
    requiredDocuments: ['APPLICATION_OR_REGISTER', 'SESSION_RECORD', 'AGREEMENT'],
  };
}

/** The tiers of a county rule: name, order, amount (per committee level), criteria, papers. */
export function SubsidyTiersField() {
  return (
    <Form.List name="tiers">
      {(tiers, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {tiers.map((tier, i) => (
            <Card
              key={tier.key}
              size="small"
              title={t.tierNo(i + 1)}
              data-testid={`tier-${i}`}
              extra={
                tiers.length > 1 ? (
                  <Button size="small" type="link" danger onClick={() => remove(tier.name)}>
                    {t.removeTier}
                  </Button>
                ) : null
              }
            >
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item name={[tier.name, 'label']} label={t.label}>
                    <Input maxLength={20} data-testid={`tier-${i}-label`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[tier.name, 'code']} label={t.code} tooltip={t.codeHelp}>
                    <Input maxLength={20} data-testid={`tier-${i}-code`} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[tier.name, 'rank']} label={t.rank}>
                    <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item
                    name={[tier.name, 'amountFen']}
                    label={t.amount}
                    tooltip={t.amountNone}
                    {...fenAsYuanFieldProps}
                  >
                    <InputNumber
                      min={0}
                      precision={2}
                      style={{ width: '100%' }}
                      data-testid={`tier-${i}-amount`}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t.byLevel}>
                <Space wrap>
                  {organisationTypes.rows.map((level) => (
                    <Form.Item
                      key={level.code}
                      name={[tier.name, 'amountByLevel', level.code]}
                      noStyle
                      {...fenAsYuanFieldProps}
                    >
                      <InputNumber
                        min={0}
                        precision={2}
                        prefix={level.label}
                        style={{ width: 230 }}
                        aria-label={level.label}
                      />
                    </Form.Item>
                  ))}
                </Space>
              </Form.Item>
              <Form.Item name={[tier.name, 'paidElsewhereNote']} label={t.paidElsewhereNote}>
                <Input maxLength={100} />
              </Form.Item>
              <TierConditionsField tier={tier.name} />
              <Form.Item name={[tier.name, 'criteriaText']} label={t.criteriaText}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Form.Item name={[tier.name, 'requiredDocuments']} label={t.requiredDocuments}>
                <Checkbox.Group options={documentOptions} />
              </Form.Item>
            </Card>
          ))}
          <Button onClick={() => add(blankTier(tiers.length + 1))} data-testid="tier-add">
            {t.addTier}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
