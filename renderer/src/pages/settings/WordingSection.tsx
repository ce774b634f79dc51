import { App, Button, Card, Form, Input, Table, Tabs, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useState } from 'react';
import {
  saveWordingInputSchema,
  wordingEntryInputSchema,
  wordingTextProblem,
  type WordingEntryView,
  type WordingKey,
  type WordingLanguage,
} from '../../../../domain/documents/translation-wording';
import { cleanText } from '../../../../domain/text-discipline';
import { scriptOfLanguage } from '../../../../domain/validation/own-script';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/ErrorPanel';
import { OwnScriptText } from '../../components/OwnScriptText';
import { SchemaFormModal } from '../../forms/SchemaFormModal';
import { zodRule } from '../../forms/zod-rule';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { OwnScriptInput } from '../intake/OwnScriptFields';

const t = uiText.wording;

/** 待审校 / 已审校（审校人，日期）/ 过长: the one tag of an entry's review status. */
export function WordingStatusTag({ entry }: { readonly entry: WordingEntryView }) {
  return entry.status === 'REVIEWED' ? (
    <Tag color="green">{t.reviewed(entry.reviewer ?? '', entry.reviewedAt ?? '')}</Tag>
  ) : entry.status === 'TOO_LONG' ? (
    <Tag color="red">{t.tooLong}</Tag>
  ) : (
    <Tag color="orange">{t.unreviewed}</Tag>
  );
}

// The save's own script and placeholder check, so the box is marked while typing.
const textRule = (language: WordingLanguage, key: WordingKey): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string') return;
    const cleaned = cleanText(value, 'LINE');
    if (!cleaned.ok || cleaned.value === '') return; // the zod rule names it
    const problem = wordingTextProblem(language, key, cleaned.value);
    if (problem !== null) throw new Error(problem.message);
  },
});

function WordingText({ language, text }: { language: WordingLanguage; text: string }) {
  const script = scriptOfLanguage(language);
  return script === null ? text : <OwnScriptText text={text} script={script} />;
}

/** 设置 → 译文固定用语: the shipped drafts (待审校) and the room's reviewed wording. */
export function WordingSection() {
  const { message } = App.useApp();
  const load = useCallback(() => api('settings.wording', {}), []);
  const { value, error, reload } = useApiValue(load);
  const [editing, setEditing] = useState<{
    language: WordingLanguage;
    entry: WordingEntryView;
  } | null>(null);

  const table = (language: WordingLanguage, entries: readonly WordingEntryView[]) => (
    <Table<WordingEntryView>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={[...entries]}
      onRow={(e) => ({ 'data-testid': `wording-${language}-${e.key}` }) as object}
      columns={[
        { title: t.columns.entry, key: 'entry', width: 140, render: (_, e) => t.keys[e.key] },
        { title: t.columns.source, dataIndex: 'source', key: 'source' },
        {
          title: t.columns.text,
          key: 'text',
          render: (_, e) =>
            e.reviewedText !== null ? (
              <WordingText language={language} text={e.reviewedText} />
            ) : e.draft !== null ? (
              <Typography.Text type="secondary">
                {t.draftLabel}
                <WordingText language={language} text={e.draft} />
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t.noDraft}</Typography.Text>
            ),
        },
        {
          title: t.columns.status,
          key: 'status',
          width: 200,
          render: (_, e) => <WordingStatusTag entry={e} />,
        },
        {
          key: 'actions',
          width: 130,
          render: (_, e) => (
            <Button type="link" onClick={() => setEditing({ language, entry: e })}>
              {t.edit}
            </Button>
          ),
        },
      ]}
    />
  );

  return (
    <Card title={t.title} data-testid="wording-section">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {error ? <ErrorPanel error={error} onRetry={() => void reload()} /> : null}
      {value ? (
        <Tabs
          items={value.languages.map((l) => ({
            key: l.language,
            label: t.languages[l.language],
            children: (
              <>
                {l.language === 'mn' ? (
                  <Typography.Paragraph type="secondary">{t.mongolianNote}</Typography.Paragraph>
                ) : null}
                {table(l.language, l.entries)}
              </>
            ),
          }))}
        />
      ) : null}
      {editing ? (
        <SchemaFormModal
          name="wording"
          title={t.editTitle(t.languages[editing.language], t.keys[editing.entry.key])}
          okText={uiText.common.save}
          schema={saveWordingInputSchema}
          initialValues={{
            text: editing.entry.reviewedText ?? editing.entry.draft ?? '',
            reviewer: editing.entry.reviewer ?? '',
          }}
          fieldPrefix={['entries', 0]}
          toInput={(v) => ({
            language: editing.language,
            entries: [{ key: editing.entry.key, text: v['text'], reviewer: v['reviewer'] }],
          })}
          submit={(input) => api('settings.saveWording', input)}
          onDone={() => {
            message.success(t.saved);
            setEditing(null);
            void reload();
          }}
          onClose={() => setEditing(null)}
        >
          <Typography.Paragraph>{editing.entry.source}</Typography.Paragraph>
          <Form.Item
            name="text"
            label={t.text}
            required
            extra={editing.entry.key === 'copies' ? t.copiesHelp : undefined}
            rules={[
              zodRule(wordingEntryInputSchema.shape.text),
              textRule(editing.language, editing.entry.key),
            ]}
          >
            <OwnScriptInput language={editing.language} data-testid="wording-text" />
          </Form.Item>
          {editing.language === 'mn' ? (
            // Mongolian is read in columns: the preview shows the text as it will stand.
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) => {
                const typed = getFieldValue('text') as unknown;
                return typeof typed === 'string' && typed !== '' ? (
                  <div className="own-script-preview" data-testid="wording-preview">
                    <OwnScriptText text={typed} script="MONGOLIAN" />
                  </div>
                ) : null;
              }}
            </Form.Item>
          ) : null}
          <Form.Item
            name="reviewer"
            label={t.reviewer}
            required
            extra={t.reviewerHelp}
            rules={[zodRule(wordingEntryInputSchema.shape.reviewer)]}
          >
            <Input data-testid="wording-reviewer" autoComplete="off" />
          </Form.Item>
        </SchemaFormModal>
      ) : null}
    </Card>
  );
}
