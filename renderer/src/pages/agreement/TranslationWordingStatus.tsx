import { Alert, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router';
import type { WordingLanguage } from '../../../../domain/documents/translation-wording';
import { api } from '../../api/client';
import { mayCall } from '../../app/role-access';
import { useDesk } from '../../desk/desk-context';
import { useApiValue } from '../../hooks/use-api-value';
import { uiText } from '../../i18n/zh-CN';
import { WordingStatusTag } from '../settings/WordingSection';

const t = uiText.wording;

/**
 * The review status of the translation page's fixed wording for the languages the draft uses:
 * a draft we shipped is 待审校 and never presented as reviewed (the page prints the Chinese).
 */
export function TranslationWordingStatus({
  languages,
}: {
  readonly languages: readonly WordingLanguage[];
}) {
  const { user } = useDesk();
  const load = useCallback(() => api('settings.wording', {}), []);
  const { value } = useApiValue(load);
  if (value === undefined) return null;
  return (
    <>
      {value.languages
        .filter((l) => languages.includes(l.language))
        .map((l) => {
          const reviewed = l.entries.filter((e) => e.status === 'REVIEWED').length;
          return (
            <Alert
              key={l.language}
              type={reviewed === l.entries.length ? 'success' : 'warning'}
              style={{ marginBottom: 8 }}
              data-testid={`wording-status-${l.language}`}
              title={t.editorSummary(t.languages[l.language], reviewed, l.entries.length)}
              description={
                <Space orientation="vertical" size={0}>
                  {l.entries.map((e) => (
                    <span key={e.key} data-testid={`wording-status-${l.language}-${e.key}`}>
                      <Typography.Text>{t.entryLabel(t.keys[e.key])}</Typography.Text>
                      <WordingStatusTag entry={e} />
                    </span>
                  ))}
                  {mayCall(user.role, 'settings.saveWording') ? (
                    <Link to="/settings">{t.toSettings}</Link>
                  ) : null}
                </Space>
              }
            />
          );
        })}
    </>
  );
}
