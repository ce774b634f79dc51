import { Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import type { FormItemProps } from 'antd';
import { formatYuanFigures } from '../../../../domain/money-words';
import { dateFieldProps } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { readYuan, yuanRule, type InstalmentForm } from './agreement-form';

const o = uiText.agreement.editor.obligation;

function InstalmentSum({
  total,
  list,
  testId,
  mismatch,
}: {
  total: string | undefined;
  list: readonly (InstalmentForm | undefined)[];
  testId: string;
  mismatch: string;
}) {
  const totalFen = readYuan(total);
  if (!totalFen || 'message' in totalFen || list.length === 0) return null;
  let sum = 0;
  for (const x of list) {
    const r = readYuan(x?.amountYuan);
    if (r && 'fen' in r) sum += r.fen;
  }
  const ok = sum === totalFen.fen;
  return (
    <Typography.Text type={ok ? 'secondary' : 'danger'} data-testid={testId}>
      {o.instalmentSum(formatYuanFigures(sum), formatYuanFigures(totalFen.fen))}
      {ok ? '' : `：${mismatch}`}
    </Typography.Text>
  );
}

/**
 * Instalments (第 n 期: date, amount) with their running sum against the amount they split: the
 * obligation's shared schedule, and one obligee's own schedule in a group obligation. `name` is
 * the list's path inside the enclosing Form.List (or form).
 */
export function InstalmentsField({
  name,
  total,
  list,
  label,
  addLabel,
  mismatch,
  testId,
  layout,
}: {
  name: (string | number)[];
  total: string | undefined;
  list: readonly (InstalmentForm | undefined)[];
  label?: string | undefined;
  addLabel: string;
  mismatch: string;
  testId: string;
  /** `noStyle` inside an obligee row; a labelled form item for the obligation. */
  layout?: Pick<FormItemProps, 'noStyle'> | undefined;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item
          label={label}
          {...layout}
          extra={<InstalmentSum total={total} list={list} testId={testId} mismatch={mismatch} />}
        >
          {fields.map((field, j) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <span>{o.instalmentNo(j + 1)}</span>
              <Form.Item name={[field.name, 'dueDate']} {...dateFieldProps} noStyle>
                <DatePicker placeholder={o.instalmentDate} />
              </Form.Item>
              <Form.Item name={[field.name, 'amountYuan']} rules={[yuanRule]}>
                <Input placeholder={o.instalmentAmount} style={{ width: 160 }} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(field.name)}>
                {uiText.common.remove}
              </Button>
            </Space>
          ))}
          <Button size="small" onClick={() => add({ dueDate: null, amountYuan: '' })}>
            {addLabel}
          </Button>
          {layout?.noStyle && fields.length > 0 ? (
            <div>
              <InstalmentSum total={total} list={list} testId={testId} mismatch={mismatch} />
            </div>
          ) : null}
        </Form.Item>
      )}
    </Form.List>
  );
}
