import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Mediator } from '../../../../domain/cases/case-views';
import { mediatorInputSchema } from '../../../../domain/cases/ledger-inputs';
import {
  EMPTY_MEDIATOR_PROFILE,
  FILING_STATUS_LABELS,
  MEDIATOR_GRADE_LABELS,
  type MediatorProfile,
} from '../../../../domain/cases/mediator-profile';
import * as languages from '../../../../domain/taxonomy/languages';
import { api, ApiCallError } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { applyFieldIssues, badInputIssues } from '../../forms/field-issues';
import { zodRule } from '../../forms/zod-rule';
import { useMayCall } from '../../desk/use-may-call';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { MediatorProfileFields } from './MediatorProfileFields';
import { MediatorRegisterModal } from './MediatorRegisterModal';
import { MediatorWorkloadModal } from './MediatorWorkloadModal';

const t = uiText.mediators;
const fields = mediatorInputSchema.shape;

interface FormValues {
  name?: string;
  isPeopleMediator?: boolean;
  languages?: languages.Code[];
  active?: boolean;
  profile?: Partial<MediatorProfile>;
}

/** Cleared selects come back undefined; the API wants null for "not given". */
function profileInput(p: Partial<MediatorProfile> | undefined): MediatorProfile {
  return {
    ...EMPTY_MEDIATOR_PROFILE,
    ...p,
    grade: p?.grade ?? null,
    gender: p?.gender ?? null,
    birthDate: p?.birthDate ?? null,
    trainings: (p?.trainings ?? []).map((tr) => ({ ...tr, organiser: tr.organiser || null })),
  };
}

function MediatorModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: Mediator | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      await api('mediators.save', {
        id: editing?.id ?? null,
        expectedVersion: editing?.version ?? 0,
        name: values.name ?? '',
        isPeopleMediator: values.isPeopleMediator ?? false,
        languages: values.languages ?? ['zh'],
        active: values.active ?? true,
        profile: profileInput(values.profile),
      });
      message.success(t.saved);
      onSaved();
    } catch (error) {
      const issues = badInputIssues(error);
      const unplaced = issues ? applyFieldIssues(form, issues) : [];
      if (!issues || unplaced.length > 0) {
        message.error(
          error instanceof ApiCallError && error.code === 'CONFLICT'
            ? uiText.common.conflict
            : (unplaced[0]?.message ?? errorMessage(error)),
        );
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={editing ? t.edit : t.add}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={uiText.common.save}
      confirmLoading={saving}
      destroyOnHidden
      width={820}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="mediator"
        onFinish={(v) => void submit(v)}
        initialValues={
          editing
            ? { ...editing, languages: [...editing.languages], profile: editing.profile }
            : {
                isPeopleMediator: true,
                languages: ['zh'],
                active: true,
                profile: EMPTY_MEDIATOR_PROFILE,
              }
        }
      >
        <Form.Item name="name" label={t.name} required rules={[zodRule(fields.name)]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="isPeopleMediator" valuePropName="checked" extra={t.isPeopleMediatorHelp}>
          <Checkbox>{t.isPeopleMediator}</Checkbox>
        </Form.Item>
        <Form.Item name="languages" label={t.languages}>
          <Select
            mode="multiple"
            options={languages.rows.map((r) => ({ value: r.code, label: r.label }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t.active} valuePropName="checked">
          <Switch />
        </Form.Item>
        <MediatorProfileFields />
      </Form>
    </Modal>
  );
}

/** 设置 → 调解员: who may be chosen to handle cases and host sessions. */
export function MediatorsSection() {
  const may = useMayCall();
  const { mediators, reload } = useMediators(true);
  const [editing, setEditing] = useState<Mediator | null | undefined>(undefined);
  const [registerOf, setRegisterOf] = useState<Mediator | null>(null);
  const [workloadOf, setWorkloadOf] = useState<Mediator | null>(null);

  return (
    <Card
      title={t.title}
      data-testid="mediators-section"
      extra={
        <Button type="primary" onClick={() => setEditing(null)}>
          {t.add}
        </Button>
      }
    >
      <Table<Mediator>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...mediators]}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.name, dataIndex: 'name', key: 'name' },
          {
            title: t.isPeopleMediator,
            key: 'isPeopleMediator',
            render: (_, m) => (m.isPeopleMediator ? uiText.common.yes : uiText.common.no),
          },
          {
            title: t.languages,
            key: 'languages',
            render: (_, m) => m.languages.map((l) => languages.labelOf(l)).join('、'),
          },
          {
            title: uiText.subsidy.profile.filingStatus,
            key: 'filing',
            render: (_, m) =>
              [
                m.profile.grade ? MEDIATOR_GRADE_LABELS[m.profile.grade] : null,
                FILING_STATUS_LABELS[m.profile.filingStatus],
                m.profile.filingNumber,
              ]
                .filter(Boolean)
                .join(' · '),
          },
          {
            title: t.active,
            key: 'active',
            render: (_, m) =>
              m.active ? <Tag color="green">{t.active}</Tag> : <Tag>{t.inactive}</Tag>,
          },
          {
            key: 'edit',
            width: 220,
            render: (_, m) => (
              <>
                <Button type="link" onClick={() => setEditing(m)}>
                  {uiText.common.edit}
                </Button>
                {may('mediators.registerForm') ? (
                  <Button type="link" onClick={() => setRegisterOf(m)}>
                    {t.registerButton}
                  </Button>
                ) : null}
                {may('mediators.workload') ? (
                  <Button type="link" onClick={() => setWorkloadOf(m)}>
                    {t.workloadButton}
                  </Button>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {editing !== undefined ? (
        <MediatorModal
          editing={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      ) : null}
      {registerOf ? (
        <MediatorRegisterModal mediator={registerOf} onClose={() => setRegisterOf(null)} />
      ) : null}
      {workloadOf ? (
        <MediatorWorkloadModal mediator={workloadOf} onClose={() => setWorkloadOf(null)} />
      ) : null}
    </Card>
  );
}
