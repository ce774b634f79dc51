import { DatePicker, Form } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { dateTimeFieldProps } from './date-field';

/**
 * A date-and-minute box kept in the API's `YYYY-MM-DDTHH:mm` shape: the session, investigation
 * and notice forms ask for their times the same way.
 */
export function DateTimeField(props: {
  readonly name: string;
  readonly label: ReactNode;
  readonly rules?: Rule[];
  /** Fields whose change re-checks this one (an end time against its start). */
  readonly dependencies?: string[];
}) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      required
      {...(props.rules ? { rules: props.rules } : {})}
      {...(props.dependencies ? { dependencies: props.dependencies } : {})}
      {...dateTimeFieldProps}
    >
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}
