import { Alert, App, Button, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  checkCaseNumberPattern,
  DEFAULT_CASE_NUMBER_PATTERN,
  renderCaseNumber,
} from '../../../../domain/case-number-pattern';
import { DOCUMENT_DATE_STYLES } from '../../../../domain/document-date';
import { roomSettingsInputSchema } from '../../../../domain/room-settings';
import type { RoomSettings, RoomSettingsInput } from '../../../../domain/room-settings';
import * as organisationTypes from '../../../../domain/taxonomy/organisation-types';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api, ApiCallError } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { zodRule } from '../../forms/zod-rule';
import { showServerIssues } from '../../forms/server-issues';
import { uiText } from '../../i18n/zh-CN';

const fields = roomSettingsInputSchema.shape;
const t = uiText.settings;

interface Props {
  readonly initial: RoomSettings | null;
  readonly submitLabel: string;
  readonly onSaved: (settings: RoomSettings) => void;
}

type FormValues = Omit<RoomSettingsInput, 'divisionCode'> & { divisionCode?: string };

export function RoomSettingsForm({ initial, submitLabel, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const pattern = Form.useWatch('caseNumberPattern', form);
  const abbreviation = Form.useWatch('numberAbbreviation', form);

  const initialValues = useMemo<Partial<FormValues>>(
    () =>
      initial
        ? { ...initial, divisionCode: initial.divisionCode ?? '' }
        : { caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERN, documentDateStyle: 'ARABIC' },
    [initial],
  );

  const preview =
    typeof pattern === 'string' && checkCaseNumberPattern(pattern).ok
      ? renderCaseNumber(pattern, {
          year: Number(chinaToday().slice(0, 4)),
          abbreviation: abbreviation || '某某',
          sequence: 1,
        })
      : null;

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const saved = await api('settings.save', {
        settings: { ...values, divisionCode: values.divisionCode || null },
        expectedVersion: initial?.version ?? 0,
      });
      message.success(t.savedMessage);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT') setConflict(true);
      if (!showServerIssues(form, error, ['settings'])) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      style={{ maxWidth: 640 }}
      requiredMark
    >
      {conflict ? (
        <Alert type="warning" showIcon title={t.conflict} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="committeeName"
        label={t.committeeName}
        required
        rules={[zodRule(fields.committeeName)]}
      >
        <Input placeholder={t.committeeNamePlaceholder} autoFocus />
      </Form.Item>
      <Form.Item name="roomName" label={t.roomName} required rules={[zodRule(fields.roomName)]}>
        <Input placeholder={t.roomNamePlaceholder} />
      </Form.Item>
      <Form.Item
        name="organisationType"
        label={t.organisationType}
        required
        extra={t.organisationTypeHelp}
        rules={[zodRule(fields.organisationType)]}
      >
        <Select
          options={organisationTypes.rows.map((row) => ({ value: row.code, label: row.label }))}
          placeholder={t.organisationType}
        />
      </Form.Item>
      <Form.Item
        name="divisionCode"
        label={`${t.divisionCode}${uiText.common.optional}`}
        extra={t.divisionCodeHelp}
        rules={[zodRule(fields.divisionCode)]}
      >
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item
        name="numberAbbreviation"
        label={t.numberAbbreviation}
        required
        rules={[zodRule(fields.numberAbbreviation)]}
      >
        <Input placeholder={t.numberAbbreviationPlaceholder} />
      </Form.Item>
      <Form.Item
        name="caseNumberPattern"
        label={t.caseNumberPattern}
        required
        extra={t.caseNumberPatternHelp}
        rules={[zodRule(fields.caseNumberPattern)]}
      >
        <Input />
      </Form.Item>
      {preview ? (
        <Typography.Paragraph data-testid="case-number-preview">
          {t.caseNumberPreview}：{preview}
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="documentDateStyle"
        label={t.documentDateStyle}
        required
        rules={[zodRule(fields.documentDateStyle)]}
      >
        <Select
          options={DOCUMENT_DATE_STYLES.map((style) => ({
            value: style.value,
            label: `${style.label}：${style.example}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="countyOfficeName"
        label={t.countyOfficeName}
        required
        rules={[zodRule(fields.countyOfficeName)]}
      >
        <Input placeholder={t.countyOfficeNamePlaceholder} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {saving ? uiText.common.saving : submitLabel}
      </Button>
    </Form>
  );
}
