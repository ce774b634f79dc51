import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import {
  OBLIGATION_KINDS,
  OBLIGATION_KIND_LABELS,
} from '../../../../domain/agreements/agreement-input';
import type { Party } from '../../../../domain/cases/case-views';
import { formatAmountForDocument } from '../../../../domain/money-words';
import { dateFieldProps } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import {
  emptyTerm,
  readYuan,
  yuanRule,
  type EditorValues,
  type InstalmentForm,
} from './agreement-form';
import { chineseOrdinal } from './chinese-ordinal';
import { InstalmentsField } from './InstalmentsField';
import { ObligeeSharesEditor } from './ObligeeSharesEditor';

const t = uiText.agreement.editor;
const o = t.obligation;

const kindOptions = OBLIGATION_KINDS.map((k) => ({ value: k, label: OBLIGATION_KIND_LABELS[k] }));

/** `人民币叁万元整（¥30,000.00）` under the box while the amount is typed. */
function AmountWords({ text, testId }: { text: string | undefined; testId?: string }) {
  const read = readYuan(text);
  if (!read || 'message' in read) return null;
  return (
    <Typography.Text type="success" data-testid={testId}>
      {formatAmountForDocument(read.fen)}
    </Typography.Text>
  );
}

function ObligationFields({
  form,
  name,
  partyOptions,
}: {
  form: FormInstance<EditorValues>;
  name: number;
  partyOptions: { value: number; label: string }[];
}) {
  const base = ['terms', name, 'obligation'] as const;
  const kind = Form.useWatch([...base, 'kind'], form) as string | undefined;
  const amount = Form.useWatch([...base, 'amountYuan'], form) as string | undefined;
  const instalments = (Form.useWatch([...base, 'instalments'], form) ?? []) as InstalmentForm[];
  const money = kind === 'MONEY';
  const multiple = Form.useWatch([...base, 'multipleObligees'], form) === true;
  const group = money && multiple;
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={[name, 'obligation', 'kind']} label={o.kind} required>
            <Select options={kindOptions} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'obligation', 'obligorPartyId']} label={o.obligor} required>
            <Select options={partyOptions} />
          </Form.Item>
        </Col>
        <Col span={1} style={{ textAlign: 'center', paddingTop: 34 }}>
          {o.arrow}
        </Col>
        {group ? null : (
          <Col span={5}>
            <Form.Item name={[name, 'obligation', 'obligeePartyId']} label={o.obligee} required>
              <Select options={partyOptions} />
            </Form.Item>
          </Col>
        )}
        {money ? (
          <Col span={group ? 11 : 6}>
            <Form.Item name={[name, 'obligation', 'multipleObligees']} label={o.obligeeMode}>
              <Radio.Group
                data-testid={`obligee-mode-${name}`}
                options={[
                  { value: false, label: o.singleObligee },
                  { value: true, label: o.multipleObligees },
                ]}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item name={[name, 'obligation', 'description']} label={o.description}>
        <Input
          placeholder={
            o.descriptionPlaceholder[(kind ?? 'MONEY') as keyof typeof o.descriptionPlaceholder]
          }
        />
      </Form.Item>
      {money ? (
        <Form.Item
          name={[name, 'obligation', 'amountYuan']}
          label={o.amount}
          required
          rules={[yuanRule]}
          extra={<AmountWords text={amount} testId={`amount-words-${name}`} />}
        >
          <Input placeholder={o.amountPlaceholder} style={{ maxWidth: 260 }} />
        </Form.Item>
      ) : null}
      {group ? <ObligeeSharesEditor form={form} name={name} partyOptions={partyOptions} /> : null}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name={[name, 'obligation', 'dueDate']}
            label={o.dueDate}
            required={instalments.length === 0 && !group}
            {...dateFieldProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name={[name, 'obligation', 'place']} label={o.place}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name={[name, 'obligation', 'method']} label={o.method}>
            <Input placeholder={o.methodPlaceholder} />
          </Form.Item>
        </Col>
      </Row>
      {money ? (
        <InstalmentsField
          name={[name, 'obligation', 'instalments']}
          total={amount}
          list={instalments}
          label={o.instalments}
          addLabel={o.addInstalment}
          mismatch={o.instalmentMismatch}
          testId="instalment-sum"
        />
      ) : null}
    </>
  );
}

/** 一、二、三、 terms: free text or a structured obligation; add, remove, reorder. */
export function TermsEditor({
  form,
  parties,
}: {
  form: FormInstance<EditorValues>;
  parties: readonly Party[];
}) {
  const partyIds = parties.map((p) => p.id);
  const partyOptions = parties.map((p) => ({ value: p.id, label: p.name }));
  // preserve: the term kind has no box of its own, so it is not a registered field.
  const kinds = (Form.useWatch('terms', { form, preserve: true }) ?? []) as EditorValues['terms'];
  return (
    <Form.List name="terms">
      {(fields, { add, remove, move }) => (
        <>
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t.termsEmpty}</Typography.Paragraph>
          ) : null}
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid={`term-${i}`}
              title={`${chineseOrdinal(i + 1)}、`}
              extra={
                <Space>
                  <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    {t.moveUp}
                  </Button>
                  <Button
                    size="small"
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    {t.moveDown}
                  </Button>
                  <Button size="small" danger onClick={() => remove(field.name)}>
                    {t.removeTerm}
                  </Button>
                </Space>
              }
            >
              {kinds[i]?.kind === 'OBLIGATION' ? (
                <ObligationFields form={form} name={field.name} partyOptions={partyOptions} />
              ) : (
                <Form.Item name={[field.name, 'text']} label={t.termText} required>
                  <Input.TextArea rows={2} />
                </Form.Item>
              )}
            </Card>
          ))}
          <Space>
            <Button onClick={() => add(emptyTerm('TEXT', partyIds))}>{t.addTextTerm}</Button>
            <Button onClick={() => add(emptyTerm('OBLIGATION', partyIds))}>
              {t.addObligationTerm}
            </Button>
          </Space>
        </>
      )}
    </Form.List>
  );
}
