import { Alert, Checkbox, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { useMemo } from 'react';
import type { CaseDetail, Mediator, SessionRecord } from '../../../../domain/cases/case-views';
import {
  RECORD_MODE_LABELS,
  RECORD_MODES,
  SESSION_RESULT_LABELS,
  SESSION_RESULTS,
  sessionInputSchema,
  type RecordMode,
  type SessionInput,
  type SessionResult,
} from '../../../../domain/cases/record-inputs';
import * as languages from '../../../../domain/taxonomy/languages';
import { api } from '../../api/client';
import { AutosavedRecordModal, useAutosavedRecord } from '../../forms/AutosavedRecordModal';
import { DateTimeField } from '../../forms/DateTimeField';
import { recordDateRule, sessionEndRule, useCaseDates } from '../../forms/record-date-rules';
import { sessionDefaultTimes } from '../../forms/session-defaults';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';
import { RecordStaffFields } from './RecordStaffFields';
import { ParticipantRows, participantsInput, type ParticipantFormValue } from './ParticipantRows';

const t = uiText.session;
const fields = sessionInputSchema.shape;

interface SessionFormValues {
  startAt?: string;
  endAt?: string;
  place?: string;
  subject?: string;
  partyIdsPresent?: number[];
  mediatorIds?: number[];
  recorder?: string;
  participants?: ParticipantFormValue[];
  interpreter?: { name?: string; language?: languages.Code };
  isPublic?: boolean;
  recordMode?: RecordMode;
  content?: string;
  result?: SessionResult;
  readBackConfirmed?: boolean;
}

const optional = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);

function toSessionInput(v: SessionFormValues): SessionInput {
  const interpreterGiven = Boolean(v.interpreter?.name?.trim() || v.interpreter?.language);
  return {
    startAt: v.startAt ?? '',
    endAt: v.endAt ?? '',
    place: v.place ?? '',
    subject: optional(v.subject),
    partyIdsPresent: v.partyIdsPresent ?? [],
    mediatorIds: v.mediatorIds ?? [],
    recorder: v.recorder ?? '',
    participants: participantsInput(v.participants),
    interpreter: interpreterGiven
      ? { name: v.interpreter?.name ?? '', language: v.interpreter?.language as languages.Code }
      : null,
    isPublic: v.isPublic ?? false,
    recordMode: v.recordMode as RecordMode,
    content: v.content ?? '',
    result: v.result as SessionResult,
    readBackConfirmed: v.readBackConfirmed ?? false,
  };
}

/** The autosave key of a new session record of this case (the case page looks for it too). */
export const sessionDraftKey = (caseId: number) => `session:${caseId}:new`;

function formValuesOf(s: SessionRecord): SessionFormValues {
  return {
    startAt: s.startAt,
    endAt: s.endAt,
    place: s.place,
    subject: s.subject,
    partyIdsPresent: [...s.partyIdsPresent],
    mediatorIds: [...s.mediatorIds],
    recorder: s.recorder,
    participants: s.participants.map((p) => ({
      name: p.name,
      role: p.role,
      affiliation: p.affiliation ?? undefined,
    })),
    interpreter: s.interpreter ? { ...s.interpreter } : {},
    isPublic: s.isPublic,
    recordMode: s.recordMode,
    content: s.content,
    result: s.result,
    readBackConfirmed: s.readBackConfirmed,
  };
}

interface Props {
  readonly detail: CaseDetail;
  readonly mediators: readonly Mediator[];
  /** A saved record to correct; without it the form adds the next session. */
  readonly editing?: SessionRecord | undefined;
  readonly onClose: () => void;
  readonly onDone: (updated: CaseDetail) => void;
}

/**
 * 人民调解记录 (§2.8): one session, new or corrected; an interpreter is required when a party
 * needs one. A correction is saved against the record's version and goes into the history.
 */
export function SessionModal({ detail, mediators, editing, onClose, onDone }: Props) {
  const record = useAutosavedRecord<SessionFormValues>(
    editing ? `session:${detail.id}:${editing.id}` : sessionDraftKey(detail.id),
  );
  const { form } = record;
  const hosts = mediators.filter((m) => m.active && m.isPeopleMediator);
  const present = Form.useWatch('partyIdsPresent', form) ?? [];
  const dates = useCaseDates(detail);

  const initial = useMemo<SessionFormValues>(() => {
    if (editing) return formValuesOf(editing);
    const firstForeign = detail.parties.find((p) => p.preferredLanguage !== 'zh');
    return {
      ...sessionDefaultTimes(),
      partyIdsPresent: detail.parties.map((p) => p.id),
      mediatorIds: detail.mediatorIds.filter((id) => hosts.some((m) => m.id === id)),
      participants: [],
      interpreter: firstForeign ? { language: firstForeign.preferredLanguage } : {},
      isPublic: false,
      recordMode: 'FULL',
      result: 'CONTINUE',
      readBackConfirmed: false,
    };
    // The form keeps its own state once open; later mediator loads must not reset it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail]);

  const needing = detail.parties.filter(
    (p) => present.includes(p.id) && (p.preferredLanguage !== 'zh' || p.needsInterpreter),
  );
  const interpreterRequired = needing.length > 0;

  async function submit() {
    const saved = await record.save({
      schema: sessionInputSchema,
      input: toSessionInput(form.getFieldsValue(true) as SessionFormValues),
      fieldsAt: ['session'],
      submit: (session) =>
        editing
          ? api('sessions.update', {
              caseId: detail.id,
              sessionId: editing.id,
              expectedVersion: editing.version,
              session,
            })
          : api('sessions.add', { caseId: detail.id, session }),
    });
    if (saved) onDone(saved);
  }

  return (
    <AutosavedRecordModal
      record={record}
      name="session"
      title={
        editing
          ? `${t.editTitle}（${t.sessionNo(editing.sessionNo)}）`
          : `${t.title}（${t.sessionNo(detail.sessions.length + 1)}）`
      }
      saveLabel={t.save}
      restoredTitle={t.restored}
      initialValues={initial}
      refusalTestId="session-refusal"
      onSave={() => void submit()}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={6}>
          <DateTimeField
            name="startAt"
            label={t.startAt}
            rules={[zodRule(fields.startAt), recordDateRule(t.startAt, dates)]}
          />
        </Col>
        <Col span={6}>
          <DateTimeField
            name="endAt"
            label={t.endAt}
            dependencies={['startAt']}
            rules={[
              zodRule(fields.endAt),
              recordDateRule(t.endAt, dates),
              sessionEndRule(form, 'startAt'),
            ]}
          />
        </Col>
        <Col span={12}>
          <Form.Item name="place" label={t.place} required rules={[zodRule(fields.place)]}>
            <Input placeholder={t.placePlaceholder} autoFocus />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="subject" label={`${t.subject}${uiText.common.optional}`}>
        <Input placeholder={t.subjectPlaceholder} />
      </Form.Item>
      <Form.Item
        name="partyIdsPresent"
        label={t.partiesPresent}
        required
        rules={[zodRule(fields.partyIdsPresent)]}
      >
        <Checkbox.Group options={detail.parties.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <RecordStaffFields
        name="mediatorIds"
        label={t.mediators}
        staff={hosts}
        noStaffHint={t.noMediators}
        recorderLabel={t.recorder}
        schemas={{ staff: fields.mediatorIds, recorder: fields.recorder }}
      />
      <div data-testid="interpreter-section">
        {interpreterRequired ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={t.interpreterNeeded(needing.map((p) => p.name).join('、'))}
          />
        ) : null}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name={['interpreter', 'name']}
              label={
                interpreterRequired
                  ? t.interpreterName
                  : `${t.interpreterName}${uiText.common.optional}`
              }
              required={interpreterRequired}
              rules={[
                {
                  required: interpreterRequired,
                  whitespace: true,
                  message: t.interpreterNameRequired,
                },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['interpreter', 'language']}
              label={t.interpreterLanguage}
              required={interpreterRequired}
              rules={[{ required: interpreterRequired, message: t.interpreterLanguageRequired }]}
            >
              <Select
                allowClear
                options={languages.rows
                  .filter((r) => r.code !== 'zh')
                  .map((r) => ({ value: r.code, label: r.label }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </div>
      <ParticipantRows label={t.participants} />
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="isPublic" label={t.isPublic} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="recordMode" label={t.recordMode} required>
            <Radio.Group
              options={RECORD_MODES.map((m) => ({ value: m, label: RECORD_MODE_LABELS[m] }))}
            />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="result" label={t.result} required>
            <Select
              options={SESSION_RESULTS.map((r) => ({
                value: r,
                label: SESSION_RESULT_LABELS[r],
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={t.content} required rules={[zodRule(fields.content)]}>
        <Input.TextArea rows={5} placeholder={t.contentPlaceholder} />
      </Form.Item>
      <Form.Item name="readBackConfirmed" valuePropName="checked">
        <Checkbox>{t.readBack}</Checkbox>
      </Form.Item>
    </AutosavedRecordModal>
  );
}
