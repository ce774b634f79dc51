import { Alert, Tag } from 'antd';
import type { DraftCheck } from '../../../../domain/agreements/agreement-views';
import { uiText } from '../../i18n/zh-CN';
import { chineseOrdinal } from './chinese-ordinal';
import { MissingGlyphsChoice } from './MissingGlyphsChoice';

const t = uiText.agreement.editor;
const COLOURS = { ERROR: 'red', WARNING: 'orange', NOTICE: 'blue' } as const;

/** Where an issue is: `content.terms.1.text` → 第二条; `content.facts` → 纠纷主要事实. */
export function issuePlace(field: string): string | null {
  const parts = field
    .replace(/^content\./, '')
    .split(/[.[\]]+/)
    .filter((p) => p !== '');
  const [head, index] = parts;
  if (head === 'terms' && index !== undefined && /^\d+$/.test(index)) {
    return t.termLabel(chineseOrdinal(Number(index) + 1));
  }
  return head ? (t.fieldLabels[head] ?? null) : null;
}

/** The drafting check as a list the mediator reads; only ERRORs hold back preview/generation. */
export function DraftIssues({
  check,
  allowMissingGlyphs,
  onAllowMissingGlyphs,
}: {
  check: DraftCheck | null;
  allowMissingGlyphs: boolean;
  onAllowMissingGlyphs: (allow: boolean) => void;
}) {
  if (!check) return null;
  if (check.issues.length === 0) {
    return <Alert type="success" showIcon title={t.checkOk} data-testid="draft-issues" />;
  }
  const hasError = check.issues.some((i) => i.level === 'ERROR');
  const missingGlyphs = check.issues.some((i) => i.code === 'MISSING_GLYPHS');
  return (
    <Alert
      type={hasError ? 'error' : 'warning'}
      showIcon
      data-testid="draft-issues"
      title={t.checkTitle}
      description={
        <>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {check.issues.map((issue, i) => (
              <li key={`${issue.code}:${issue.field}:${i}`} data-testid="draft-issue">
                <Tag color={COLOURS[issue.level]}>{t.levels[issue.level]}</Tag>
                {issuePlace(issue.field) ? <strong>{issuePlace(issue.field)}：</strong> : null}
                {issue.message}
              </li>
            ))}
          </ul>
          {missingGlyphs ? (
            <MissingGlyphsChoice checked={allowMissingGlyphs} onChange={onAllowMissingGlyphs} />
          ) : null}
        </>
      }
    />
  );
}
