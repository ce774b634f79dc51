import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { caseIntakeSchema } from '../../../../domain/cases/case-input';
import * as courtKinds from '../../../../domain/taxonomy/court-kinds';
import * as warningLevels from '../../../../domain/taxonomy/warning-levels';
import { dateFieldProps } from '../../forms/date-field';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.intake.facts;
const fields = caseIntakeSchema.shape;
const optional = uiText.common.optional;

/** The court's lines; cleared when the source stops being the court. */
export const COURT_FIELD_NAMES = [
  'courtKind',
  'courtName',
  'courtReference',
  'courtReceivedOn',
] as const;

/**
 * What the 综治 centre asks of a case (发生时间地点, 涉及人数, 预警等级, 包案领导) and, for a
 * case the court sent, the court's lines. Part of `CaseFields`, so intake and the case-details
 * correction show the same boxes with the same rules.
 */
export function CaseFactFields(props: { readonly form: FormInstance }) {
  const { form } = props;
  const source = Form.useWatch('source', form) as string | undefined;
  const fromCourt = source === 'ENTRUSTED_COURT';

  useEffect(() => {
    if (source === undefined || fromCourt) return;
    // Hidden court lines would otherwise still be sent, and refused, with another source.
    const stale = COURT_FIELD_NAMES.filter((n) => {
      const v: unknown = form.getFieldValue(n);
      return v !== undefined && v !== null && v !== '';
    });
    if (stale.length > 0) form.setFields(stale.map((name) => ({ name, value: null })));
  }, [form, source, fromCourt]);

  return (
    <>
      <Typography.Title level={5}>{t.section}</Typography.Title>
      <Row gutter={12}>
        <Col span={4}>
          <Form.Item
            name="occurredOn"
            label={`${t.occurredOn}${optional}`}
            rules={[zodRule(fields.occurredOn)]}
            {...dateFieldProps}
          >
            <DatePicker style={{ width: '100%' }} data-testid="occurred-on" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="occurredPlace"
            label={`${t.occurredPlace}${optional}`}
            rules={[zodRule(fields.occurredPlace)]}
          >
            <Input placeholder={t.occurredPlacePlaceholder} />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item
            name="personsInvolved"
            label={`${t.personsInvolved}${optional}`}
            rules={[zodRule(fields.personsInvolved, { empty: null })]}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="warningLevel" label={`${t.warningLevel}${optional}`}>
            <Select
              allowClear
              placeholder={t.warningLevelNone}
              options={warningLevels.rows.map((r) => ({ value: r.code, label: r.label }))}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item
            name="responsibleLeader"
            label={`${t.responsibleLeader}${optional}`}
            rules={[zodRule(fields.responsibleLeader)]}
          >
            <Input placeholder={t.responsibleLeaderPlaceholder} />
          </Form.Item>
        </Col>
      </Row>
      {fromCourt ? (
        <Row gutter={12} data-testid="court-fields">
          <Col span={5}>
            <Form.Item name="courtKind" label={t.courtKind} required>
              <Select options={courtKinds.rows.map((r) => ({ value: r.code, label: r.label }))} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="courtName"
              label={t.courtName}
              required
              rules={[zodRule(fields.courtName)]}
            >
              <Input placeholder={t.courtNamePlaceholder} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="courtReference"
              label={`${t.courtReference}${optional}`}
              rules={[zodRule(fields.courtReference)]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="courtReceivedOn"
              label={t.courtReceivedOn}
              required
              extra={t.courtReceivedOnHint}
              rules={[zodRule(fields.courtReceivedOn)]}
              {...dateFieldProps}
            >
              <DatePicker style={{ width: '100%' }} data-testid="court-received-on" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
