import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import * as languages from '../../../../domain/taxonomy/languages';

const languageOptions = languages.rows
  .filter((r) => r.code !== 'zh')
  .map((r) => ({ value: r.code, label: r.label }));

/**
 * Who signs an agreement besides the parties (§2.4, §2.10): the people's mediators, the
 * recorder and, when one was used, the interpreter. The written agreement and the oral register
 * ask for them the same way; the written one also says which parties the interpreter served
 * (`interpreterExtra`).
 */
export function SignerFields(props: {
  readonly mediatorOptions: readonly { value: number; label: string }[];
  readonly interpreterUsed: boolean;
  readonly labels: {
    readonly mediators: string;
    readonly recorder: string;
    readonly interpreterUsed: string;
    readonly interpreterName: string;
    readonly interpreterLanguage: string;
  };
  readonly interpreterExtra?: ReactNode;
}) {
  const { labels } = props;
  const span = props.interpreterExtra ? 6 : 12;
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="mediatorIds" label={labels.mediators} required>
            <Select mode="multiple" options={[...props.mediatorOptions]} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="recorderName" label={labels.recorder} required>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="interpreterUsed" valuePropName="checked">
        <Checkbox>{labels.interpreterUsed}</Checkbox>
      </Form.Item>
      {props.interpreterUsed ? (
        <Row gutter={16}>
          <Col span={span}>
            <Form.Item name={['interpreter', 'name']} label={labels.interpreterName} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name={['interpreter', 'language']}
              label={labels.interpreterLanguage}
              required
            >
              <Select options={languageOptions} />
            </Form.Item>
          </Col>
          {props.interpreterExtra ? <Col span={12}>{props.interpreterExtra}</Col> : null}
        </Row>
      ) : null}
    </>
  );
}
