import { Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { FLAG_FACTS, NUMERIC_FACTS } from '../../../../domain/subsidy/subsidy-rules';
import * as caseSources from '../../../../domain/taxonomy/case-sources';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import { fenAsYuanFieldProps } from '../../forms/money-field';
import { uiText } from '../../i18n/zh-CN';
import { isFlag, isNumeric, type Fact } from './rules-editor-values';

const t = uiText.subsidyEditor;

const FACTS: readonly Fact[] = [...NUMERIC_FACTS, ...FLAG_FACTS, 'category', 'subtype', 'source'];
const factOptions = FACTS.map((f) => ({ value: f, label: t.facts[f] }));

const LIST_OPTIONS = {
  category: disputeCategories.rows.map((r) => ({ value: r.code, label: r.label })),
  subtype: disputeCategories.subtypeRows.map((r) => ({ value: r.code, label: r.label })),
  source: caseSources.rows.map((r) => ({ value: r.code, label: r.label })),
} as const;

/** The value box that fits the chosen fact: a count, yuan, a risk level, or a list of codes. */
function ConditionValue({ path }: { path: (string | number)[] }) {
  const form = Form.useFormInstance();
  const fact = Form.useWatch([...path, 'fact'], form) as Fact | undefined;
  if (fact === undefined || isFlag(fact)) return null;
  if (fact === 'amountFen') {
    return (
      <Form.Item name={[path.at(-1) as number, 'atLeast']} {...fenAsYuanFieldProps} noStyle>
        <InputNumber min={0} precision={2} placeholder={t.atLeastYuan} style={{ width: 160 }} />
      </Form.Item>
    );
  }
  if (fact === 'riskRank') {
    return (
      <Form.Item name={[path.at(-1) as number, 'atLeast']} noStyle>
        <Select
          style={{ width: 140 }}
          placeholder={t.choose}
          options={riskLevels.rows.map((r) => ({ value: r.rank, label: `${r.label}及以上` }))}
        />
      </Form.Item>
    );
  }
  if (isNumeric(fact)) {
    return (
      <Form.Item name={[path.at(-1) as number, 'atLeast']} noStyle>
        <InputNumber min={0} precision={0} placeholder={t.atLeast} style={{ width: 120 }} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={[path.at(-1) as number, 'in']} noStyle>
      <Select
        mode="multiple"
        style={{ minWidth: 260 }}
        placeholder={t.choose}
        options={[...LIST_OPTIONS[fact]]}
        optionFilterProp="label"
      />
    </Form.Item>
  );
}

/**
 * A tier's 认定条件: any of the groups, each group all of its conditions — the rule file's own
 * shape, so what is saved is what the main process checks and the suggestion applies.
 * `tier` is the tier's field name inside the form's `tiers` list.
 */
export function TierConditionsField({ tier }: { tier: number }) {
  return (
    <Form.List name={[tier, 'when']}>
      {(groups, { add: addGroup, remove: removeGroup }) => (
        <Form.Item label={t.when} extra={t.whenHelp}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {groups.map((group, g) => (
              <Card
                key={group.key}
                size="small"
                title={<Typography.Text type="secondary">{t.groupNo(g + 1)}</Typography.Text>}
                extra={
                  <Button size="small" type="link" danger onClick={() => removeGroup(group.name)}>
                    {t.removeGroup}
                  </Button>
                }
                data-testid={`tier-${tier}-group-${g}`}
              >
                <Form.List name={[group.name]}>
                  {(conditions, { add, remove }) => (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      {conditions.map((condition) => (
                        <Space key={condition.key} wrap align="start">
                          <Form.Item name={[condition.name, 'fact']} noStyle>
                            <Select
                              style={{ width: 200 }}
                              placeholder={t.fact}
                              options={factOptions}
                              aria-label={t.fact}
                            />
                          </Form.Item>
                          <ConditionValue
                            path={['tiers', tier, 'when', group.name, condition.name]}
                          />
                          <Button type="link" danger onClick={() => remove(condition.name)}>
                            {uiText.common.remove}
                          </Button>
                        </Space>
                      ))}
                      <Button size="small" onClick={() => add({})}>
                        {t.addCondition}
                      </Button>
                    </Space>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              size="small"
              onClick={() => addGroup([{}])}
              data-testid={`tier-${tier}-add-group`}
            >
              {t.addGroup}
            </Button>
          </Space>
        </Form.Item>
      )}
    </Form.List>
  );
}
