import { Col, DatePicker, Form } from 'antd';
import type { Rule } from 'antd/es/form';
import { dateFieldProps } from '../../forms/date-field';

/**
 * A case's start date box (登记日期 at intake; 登记日期 and 受理日期 when correcting a saved case),
 * placed as the first column of the case fields' first row.
 */
export function StartDateItem(props: {
  readonly name: 'intakeDate' | 'acceptedDate';
  readonly label: string;
  readonly rules: Rule[];
  readonly extra?: string;
  /** The other start date: a change there re-checks this one. */
  readonly dependencies?: string[];
}) {
  return (
    <Col span={4}>
      <Form.Item
        name={props.name}
        label={props.label}
        required
        rules={props.rules}
        extra={props.extra}
        dependencies={props.dependencies}
        {...dateFieldProps}
      >
        <DatePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
    </Col>
  );
}
