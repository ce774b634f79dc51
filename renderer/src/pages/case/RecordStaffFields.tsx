import { Col, Form, Input, Row, Select } from 'antd';
import type { z } from 'zod';
import type { Mediator } from '../../../../domain/cases/case-views';
import { zodRule } from '../../forms/zod-rule';

/**
 * Who held a session or an investigation and who wrote it down (§2.7, §2.8): the mediators to
 * choose from (with a hint when there are none) beside the recorder's name.
 */
export function RecordStaffFields(props: {
  readonly name: 'mediatorIds' | 'investigatorIds';
  readonly label: string;
  readonly staff: readonly Mediator[];
  readonly noStaffHint: string;
  readonly recorderLabel: string;
  readonly schemas: { readonly staff: z.ZodType; readonly recorder: z.ZodType };
}) {
  return (
    <Row gutter={12}>
      <Col span={14}>
        <Form.Item
          name={props.name}
          label={props.label}
          required
          rules={[zodRule(props.schemas.staff)]}
          extra={props.staff.length === 0 ? props.noStaffHint : undefined}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={props.staff.map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item
          name="recorder"
          label={props.recorderLabel}
          required
          rules={[zodRule(props.schemas.recorder)]}
        >
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}
