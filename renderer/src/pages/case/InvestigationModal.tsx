import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type {
  CaseDetail,
  InvestigationRecord,
  Mediator,
} from '../../../../domain/cases/case-views';
import {
  investigatedPersonSchema,
  investigationInputSchema,
} from '../../../../domain/cases/record-inputs';
import * as genders from '../../../../domain/taxonomy/genders';
import { api } from '../../api/client';
import { AutosavedRecordModal, useAutosavedRecord } from '../../forms/AutosavedRecordModal';
import { chinaDateTime, DATE_TIME_FORMAT } from '../../forms/date-field';
import { DateTimeField } from '../../forms/DateTimeField';
import { recordDateRule, useCaseDates } from '../../forms/record-date-rules';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';
import { RecordStaffFields } from './RecordStaffFields';
import { ParticipantRows, participantsInput, type ParticipantFormValue } from './ParticipantRows';

const t = uiText.investigation;
const fields = investigationInputSchema.shape;
const person = investigatedPersonSchema.shape;
/** Headings over the 被调查人 rows: a filled box no longer shows its placeholder. */
const PERSON_COLUMNS: readonly (readonly [string, number])[] = [
  [t.personName, 4],
  [t.personGender, 3],
  [t.personAge, 3],
  [t.personAddress, 6],
  [t.personRelationHead, 6],
];

interface PersonFormValue {
  name?: string;
  gender?: genders.Code | null;
  age?: number | null;
  address?: string;
  relation?: string;
}

interface InvestigationFormValues {
  at?: string;
  place?: string;
  investigatedPersons?: PersonFormValue[];
  participants?: ParticipantFormValue[];
  investigatorIds?: number[];
  recorder?: string;
  content?: string;
}

const optional = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === '' ? null : v;

function toInput(v: InvestigationFormValues) {
  return {
    at: v.at ?? '',
    place: v.place ?? '',
    investigatedPersons: (v.investigatedPersons ?? []).map((p) => ({
      name: p.name ?? '',
      gender: p.gender ?? null,
      age: p.age ?? null,
      address: optional(p.address),
      relation: optional(p.relation),
    })),
    participants: participantsInput(v.participants),
    investigatorIds: v.investigatorIds ?? [],
    recorder: v.recorder ?? '',
    content: v.content ?? '',
  };
}

function formValuesOf(r: InvestigationRecord): InvestigationFormValues {
  return {
    at: r.at,
    place: r.place,
    investigatedPersons: r.investigatedPersons.map((p) => ({
      name: p.name,
      gender: p.gender,
      age: p.age,
      address: p.address ?? undefined,
      relation: p.relation ?? undefined,
    })),
    participants: r.participants.map((p) => ({
      name: p.name,
      role: p.role,
      affiliation: p.affiliation ?? undefined,
    })),
    investigatorIds: [...r.investigatorIds],
    recorder: r.recorder,
    content: r.content,
  };
}

interface Props {
  readonly detail: CaseDetail;
  readonly mediators: readonly Mediator[];
  /** A saved record to correct; without it the form adds a new one. */
  readonly editing?: InvestigationRecord | undefined;
  readonly onClose: () => void;
  readonly onDone: (updated: CaseDetail, edited: boolean) => void;
}

/**
 * 人民调解调查记录 (§2.7): who was asked (with enough about them that a court knows who spoke),
 * by whom, and the questions and answers. A correction is saved against the record's version and
 * goes into the case's history.
 */
export function InvestigationModal({ detail, mediators, editing, onClose, onDone }: Props) {
  const record = useAutosavedRecord<InvestigationFormValues>(
    `investigation:${detail.id}:${editing ? String(editing.id) : 'new'}`,
  );
  const { form, autosave } = record;
  const investigators = mediators.filter(
    (m) => m.active || (editing?.investigatorIds.includes(m.id) ?? false),
  );
  const dates = useCaseDates(detail);

  const initial = useMemo<InvestigationFormValues>(() => {
    if (editing) return formValuesOf(editing);
    return {
      at: dayjs(chinaDateTime(), DATE_TIME_FORMAT).format(DATE_TIME_FORMAT),
      investigatedPersons: [{}],
      participants: [],
      investigatorIds: detail.mediatorIds.filter((id) =>
        mediators.some((m) => m.id === id && m.active),
      ),
    };
    // The form keeps its own state once open; later mediator loads must not reset it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail, editing]);

  /** Starts a new line with 问： or 答： at the end of the record, as the paper form has them. */
  function insertCue(cue: string) {
    const current = (form.getFieldValue('content') as string | undefined) ?? '';
    const next =
      current === '' || current.endsWith('\n') ? `${current}${cue}` : `${current}\n${cue}`;
    form.setFieldValue('content', next);
    autosave.onValuesChange();
  }

  async function submit() {
    const saved = await record.save({
      schema: investigationInputSchema,
      input: toInput(form.getFieldsValue(true) as InvestigationFormValues),
      fieldsAt: ['investigation'],
      submit: (investigation) =>
        editing
          ? api('investigations.update', {
              caseId: detail.id,
              investigationId: editing.id,
              expectedVersion: editing.version,
              investigation,
            })
          : api('investigations.add', { caseId: detail.id, investigation }),
    });
    if (saved) onDone(saved, editing !== undefined);
  }

  return (
    <AutosavedRecordModal
      record={record}
      name="investigation"
      title={editing ? t.editTitle : t.title}
      saveLabel={t.save}
      restoredTitle={t.restored}
      initialValues={initial}
      refusalTestId="investigation-refusal"
      onSave={() => void submit()}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={8}>
          <DateTimeField
            name="at"
            label={t.at}
            rules={[zodRule(fields.at), recordDateRule(t.at, dates)]}
          />
        </Col>
        <Col span={16}>
          <Form.Item name="place" label={t.place} required rules={[zodRule(fields.place)]}>
            <Input placeholder={t.placePlaceholder} autoFocus />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="investigatedPersons">
        {(list, { add, remove }) => (
          <Form.Item label={t.persons} required>
            <Row gutter={8}>
              {PERSON_COLUMNS.map(([label, span]) => (
                <Col span={span} key={label}>
                  <Typography.Text type="secondary">{label}</Typography.Text>
                </Col>
              ))}
            </Row>
            {list.map((field) => (
              <Row gutter={8} key={field.key} data-testid={`investigated-${field.name}`}>
                <Col span={4}>
                  <Form.Item name={[field.name, 'name']} rules={[zodRule(person.name)]}>
                    <Input placeholder={t.personName} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[field.name, 'gender']}>
                    <Select
                      allowClear
                      placeholder={t.personGender}
                      options={genders.rows.map((r) => ({ value: r.code, label: r.label }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[field.name, 'age']} rules={[zodRule(person.age)]}>
                    <InputNumber placeholder={t.personAge} min={0} max={120} precision={0} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'address']} rules={[zodRule(person.address)]}>
                    <Input placeholder={t.personAddress} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'relation']} rules={[zodRule(person.relation)]}>
                    <Input placeholder={t.personRelation} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  {list.length > 1 ? (
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {uiText.common.remove}
                    </Button>
                  ) : null}
                </Col>
              </Row>
            ))}
            <Button size="small" onClick={() => add({})} data-testid="add-investigated">
              {t.addPerson}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <RecordStaffFields
        name="investigatorIds"
        label={t.investigators}
        staff={investigators}
        noStaffHint={t.noMediators}
        recorderLabel={t.recorder}
        schemas={{ staff: fields.investigatorIds, recorder: fields.recorder }}
      />
      <ParticipantRows label={uiText.session.participants} />
      <Form.Item
        name="content"
        label={t.content}
        required
        rules={[zodRule(fields.content)]}
        extra={
          <Space size={4} style={{ marginTop: 4 }}>
            <Button size="small" onClick={() => insertCue('问：')}>
              {t.insertQuestion}
            </Button>
            <Button size="small" onClick={() => insertCue('答：')}>
              {t.insertAnswer}
            </Button>
          </Space>
        }
      >
        <Input.TextArea rows={8} placeholder={t.contentPlaceholder} />
      </Form.Item>
    </AutosavedRecordModal>
  );
}
