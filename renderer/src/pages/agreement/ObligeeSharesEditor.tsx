import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { MAX_OBLIGEE_SHARES } from '../../../../domain/agreements/agreement-input';
import { formatYuanFigures } from '../../../../domain/money-words';
import { dateFieldProps } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import {
  emptyShare,
  readYuan,
  yuanRule,
  type EditorValues,
  type ShareForm,
} from './agreement-form';
import { InstalmentsField } from './InstalmentsField';

const o = uiText.agreement.editor.obligation;

function sumOf(shares: readonly (ShareForm | undefined)[]): number {
  let sum = 0;
  for (const x of shares) {
    const r = readYuan(x?.amountYuan);
    if (r && 'fen' in r) sum += r.fen;
  }
  return sum;
}

/**
 * The obligees of one money obligation owed to several people (a group wage claim): one row per
 * obligee with their amount and, optionally, their own deadline or instalments. The running sum is checked
 * against the total the way the instalments are.
 */
export function ObligeeSharesEditor({
  form,
  name,
  partyOptions,
}: {
  form: FormInstance<EditorValues>;
  name: number;
  partyOptions: { value: number; label: string }[];
}) {
  const base = ['terms', name, 'obligation'] as const;
  const shares = (Form.useWatch([...base, 'shares'], form) ?? []) as ShareForm[];
  const obligor = Form.useWatch([...base, 'obligorPartyId'], form) as number | null | undefined;
  const total = readYuan(Form.useWatch([...base, 'amountYuan'], form) as string | undefined);
  const sum = sumOf(shares);
  const totalFen = total && 'fen' in total ? total.fen : null;
  const ok = totalFen !== null && sum === totalFen;
  const used = new Set(shares.map((x) => x?.partyId));

  return (
    <Form.List name={[name, 'obligation', 'shares']}>
      {(fields, { add, remove }) => (
        <Form.Item
          label={o.shares}
          extra={
            <Space orientation="vertical" size={0}>
              <Typography.Text type="secondary">{o.multipleHelp}</Typography.Text>
              {fields.length > 0 ? (
                <Space>
                  <Typography.Text type={ok ? 'secondary' : 'danger'} data-testid="share-sum">
                    {o.shareSum(
                      formatYuanFigures(sum),
                      totalFen === null ? '—' : formatYuanFigures(totalFen),
                    )}
                    {ok ? '' : `：${o.shareMismatch}`}
                  </Typography.Text>
                  {!ok && sum > 0 ? (
                    <Button
                      size="small"
                      type="link"
                      onClick={() =>
                        form.setFieldValue([...base, 'amountYuan'], formatYuanFigures(sum))
                      }
                    >
                      {o.useShareSumAsTotal}
                    </Button>
                  ) : null}
                </Space>
              ) : null}
            </Space>
          }
        >
          {fields.map((field, j) => (
            <div key={field.key} data-testid={`share-${name}-${j}`}>
              <Space align="baseline" style={{ display: 'flex' }}>
                <span style={{ display: 'inline-block', width: 28 }}>{j + 1}.</span>
                <Form.Item name={[field.name, 'partyId']} noStyle>
                  <Select
                    options={partyOptions.filter((p) => p.value !== obligor)}
                    placeholder={o.shareParty}
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'amountYuan']} rules={[yuanRule]}>
                  <Input placeholder={o.shareAmount} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} {...dateFieldProps} noStyle>
                  <DatePicker placeholder={o.shareDueDate} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)}>
                  {uiText.common.remove}
                </Button>
              </Space>
              {/* This obligee's own instalments, instead of the shared schedule. */}
              <div className="share-instalments">
                <InstalmentsField
                  name={[field.name, 'instalments']}
                  total={shares[j]?.amountYuan}
                  list={shares[j]?.instalments ?? []}
                  addLabel={o.addShareInstalment}
                  mismatch={o.shareInstalmentMismatch}
                  testId={`share-instalment-sum-${name}-${j}`}
                  layout={{ noStyle: true }}
                />
              </div>
            </div>
          ))}
          <Space>
            <Button
              size="small"
              disabled={fields.length >= MAX_OBLIGEE_SHARES}
              onClick={() => add(emptyShare(null))}
            >
              {o.addShare}
            </Button>
            <Button
              size="small"
              data-testid={`add-all-obligees-${name}`}
              onClick={() =>
                partyOptions
                  .filter((p) => p.value !== obligor && !used.has(p.value))
                  .forEach((p) => add(emptyShare(p.value)))
              }
            >
              {o.addAllOthers}
            </Button>
          </Space>
        </Form.Item>
      )}
    </Form.List>
  );
}
