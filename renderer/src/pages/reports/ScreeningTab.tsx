import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useCallback, useState } from 'react';
import {
  ISSUE_DISPOSITION_LABELS,
  ISSUE_DISPOSITIONS,
  SCREENING_PARTICIPANT_ROLE_LABELS,
  SCREENING_PARTICIPANT_ROLES,
  type ScreeningParticipantRole,
  type ScreeningRoundSummary,
} from '../../../../domain/screening';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import * as preventionFlags from '../../../../domain/taxonomy/prevention-flags';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.reports.screening;

interface IssueForm {
  description: string;
  category: string;
  disposition: 'OPEN' | 'CASE' | 'PREVENTED';
  caseId?: number | null;
  preventionCode?: string | null;
  preventionPersons?: number | null;
}
interface RoundForm {
  roundDate: string;
  area: string;
  grid?: string;
  householdsVisited: number;
  participants: { role: ScreeningParticipantRole; name: string }[];
  issues?: IssueForm[];
  note?: string;
}

/** 矛盾纠纷排查: the period's rounds and the form to record one (issue 9, must-have 4). */
export function ScreeningTab({ period, onSaved }: { period: string; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundForm>();
  const [editing, setEditing] = useState<{ id: number | null; version: number } | null>(null);
  const loadList = useCallback(() => api('screening.list', { period }), [period]);
  const { value: rounds, reload } = useApiValue(loadList);
  const loadCases = useCallback(() => api('screening.linkableCases', {}), []);
  const { value: cases } = useApiValue(loadCases);

  async function edit(id: number) {
    const r = await api('screening.get', { roundId: id });
    setEditing({ id: r.id, version: r.version });
    form.setFieldsValue({
      roundDate: r.roundDate,
      area: r.area,
      grid: r.grid ?? '',
      householdsVisited: r.householdsVisited,
      participants: [...r.participants],
      note: r.note ?? '',
      issues: r.issues.map((i) => ({
        description: i.description,
        category: i.category,
        disposition: i.disposition,
        caseId: i.caseId,
        preventionCode: i.prevention?.code ?? null,
        preventionPersons: i.prevention?.persons ?? null,
      })),
    });
  }

  async function save(v: RoundForm) {
    if (!editing) return;
    try {
      await api('screening.save', {
        roundId: editing.id,
        expectedVersion: editing.version,
        round: {
          roundDate: v.roundDate,
          area: v.area,
          grid: v.grid ?? null,
          householdsVisited: v.householdsVisited,
          participants: v.participants,
          note: v.note ?? null,
          issues: (v.issues ?? []).map((i) => ({
            description: i.description,
            category: i.category as disputeCategories.Code,
            disposition: i.disposition,
            caseId: i.disposition === 'CASE' ? (i.caseId ?? null) : null,
            prevention:
              i.disposition === 'PREVENTED' && i.preventionCode
                ? {
                    code: i.preventionCode as preventionFlags.Code,
                    persons: i.preventionPersons ?? 1,
                  }
                : null,
          })),
        },
      });
      void message.success(t.saved);
      setEditing(null);
      form.resetFields();
      await reload();
      onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        type="primary"
        data-testid="screening-add"
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({ participants: [{ role: 'GRID_WORKER', name: '' }], issues: [] });
          setEditing({ id: null, version: 0 });
        }}
      >
        {t.add}
      </Button>
      {editing ? (
        <Card size="small" data-testid="screening-form">
          <Form<RoundForm> form={form} layout="vertical" onFinish={(v) => void save(v)}>
            <Space wrap>
              <Form.Item name="roundDate" label={t.date} rules={[{ required: true }]}>
                <Input type="date" aria-label={t.date} />
              </Form.Item>
              <Form.Item name="area" label={t.area} rules={[{ required: true }]}>
                <Input aria-label={t.area} maxLength={60} />
              </Form.Item>
              <Form.Item name="grid" label={t.grid}>
                <Input aria-label={t.grid} maxLength={40} />
              </Form.Item>
              <Form.Item name="householdsVisited" label={t.households} rules={[{ required: true }]}>
                <InputNumber aria-label={t.households} min={0} max={100000} precision={0} />
              </Form.Item>
            </Space>
            <Form.List name="participants">
              {(fields, { add, remove }) => (
                <Form.Item label={t.participants}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                        <Select
                          aria-label={t.role}
                          style={{ width: 150 }}
                          options={SCREENING_PARTICIPANT_ROLES.map((r) => ({
                            value: r,
                            label: SCREENING_PARTICIPANT_ROLE_LABELS[r],
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                        <Input
                          aria-label={t.participantName}
                          placeholder={t.participantName}
                          maxLength={40}
                        />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>{t.remove}</Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({ role: 'VILLAGE_COMMITTEE', name: '' })}>
                    {t.addParticipant}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            <Form.List name="issues">
              {(fields, { add, remove }) => (
                <Form.Item label={t.issues}>
                  {fields.map((f) => (
                    <Card key={f.key} size="small" style={{ marginBottom: 8 }}>
                      <Form.Item
                        name={[f.name, 'description']}
                        label={t.issue}
                        rules={[{ required: true }]}
                      >
                        <Input.TextArea aria-label={t.issue} maxLength={500} rows={2} />
                      </Form.Item>
                      <Space wrap align="baseline">
                        <Form.Item
                          name={[f.name, 'category']}
                          label={t.category}
                          rules={[{ required: true }]}
                        >
                          <Select
                            aria-label={t.category}
                            style={{ width: 180 }}
                            options={disputeCategories.rows.map((r) => ({
                              value: r.code,
                              label: r.label,
                            }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'disposition']}
                          label={t.disposition}
                          rules={[{ required: true }]}
                        >
                          <Select
                            aria-label={t.disposition}
                            style={{ width: 180 }}
                            options={ISSUE_DISPOSITIONS.map((d) => ({
                              value: d,
                              label: ISSUE_DISPOSITION_LABELS[d],
                            }))}
                          />
                        </Form.Item>
                        <Form.Item noStyle shouldUpdate>
                          {() => {
                            const d = form.getFieldValue(['issues', f.name, 'disposition']) as
                              string | undefined;
                            if (d === 'CASE') {
                              return (
                                <Form.Item
                                  name={[f.name, 'caseId']}
                                  label={t.linkedCase}
                                  rules={[{ required: true }]}
                                >
                                  <Select
                                    aria-label={t.linkedCase}
                                    style={{ width: 280 }}
                                    options={(cases ?? []).map((c) => ({
                                      value: c.id,
                                      label: `${c.caseNumber ?? c.intakeDate} ${c.title}`,
                                    }))}
                                  />
                                </Form.Item>
                              );
                            }
                            if (d === 'PREVENTED') {
                              return (
                                <Space>
                                  <Form.Item name={[f.name, 'preventionCode']} label={t.prevention}>
                                    <Select
                                      aria-label={t.prevention}
                                      style={{ width: 220 }}
                                      allowClear
                                      placeholder={t.preventionNone}
                                      options={preventionFlags.rows.map((r) => ({
                                        value: r.code,
                                        label: r.label,
                                      }))}
                                    />
                                  </Form.Item>
                                  <Form.Item
                                    name={[f.name, 'preventionPersons']}
                                    label={t.preventionPersons}
                                  >
                                    <InputNumber
                                      aria-label={t.preventionPersons}
                                      min={1}
                                      precision={0}
                                    />
                                  </Form.Item>
                                </Space>
                              );
                            }
                            return null;
                          }}
                        </Form.Item>
                        <Button onClick={() => remove(f.name)}>{t.remove}</Button>
                      </Space>
                    </Card>
                  ))}
                  <Button
                    onClick={() =>
                      add({ disposition: 'OPEN', category: 'NEIGHBOUR', description: '' })
                    }
                  >
                    {t.addIssue}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            <Form.Item name="note" label={t.note}>
              <Input.TextArea aria-label={t.note} maxLength={2000} rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="screening-save">
              {t.save}
            </Button>
          </Form>
        </Card>
      ) : null}
      <div data-testid="screening-list">
        <Table<ScreeningRoundSummary>
          size="small"
          rowKey="id"
          pagination={false}
          locale={{ emptyText: t.empty }}
          dataSource={[...(rounds ?? [])]}
          columns={[
            { title: t.columns.date, dataIndex: 'roundDate' },
            {
              title: t.columns.area,
              key: 'area',
              render: (_: unknown, r) => (r.grid ? `${r.area} / ${r.grid}` : r.area),
            },
            { title: t.columns.households, dataIndex: 'householdsVisited' },
            { title: t.columns.participants, dataIndex: 'participantCount' },
            { title: t.columns.found, dataIndex: 'issuesFound' },
            { title: t.columns.cases, dataIndex: 'becameCases' },
            { title: t.columns.prevented, dataIndex: 'prevented' },
            {
              title: '',
              key: 'edit',
              render: (_: unknown, r) => (
                <Button size="small" onClick={() => void edit(r.id)}>
                  {t.edit}
                </Button>
              ),
            },
          ]}
        />
      </div>
    </Space>
  );
}
