import { Card, Form, Input, Radio } from 'antd';
import type { Party } from '../../../../domain/cases/case-views';
import { uiText } from '../../i18n/zh-CN';
import { MongolianTranslationField } from './MongolianTranslationField';
import { TranslationWordingStatus } from './TranslationWordingStatus';

const t = uiText.agreement.editor;

/**
 * The translation pages of a signed document (written agreement, oral register): a box per
 * party whose language is Tibetan or Mongolian (`translations[i]`, i the party's place in the
 * document's list) and which text prevails. Nothing when no party needs a translation.
 */
export function TranslationFields({
  parties: all,
  shown,
}: {
  readonly parties: readonly Pick<Party, 'id' | 'name' | 'preferredLanguage'>[];
  /** Boxes only for these parties; a box keeps its index (its text survives a deselection). */
  readonly shown?: ReadonlySet<number> | undefined;
}) {
  const parties = all.map((p) => (shown === undefined || shown.has(p.id) ? p : null));
  const used = (['bo', 'mn'] as const).filter((l) =>
    parties.some((p) => p?.preferredLanguage === l),
  );
  if (used.length === 0) return null;
  return (
    <Card size="small" title={t.translationsTitle}>
      <TranslationWordingStatus languages={used} />
      {parties.map((p, i) =>
        p === null ? null : p.preferredLanguage === 'bo' ? (
          <Form.Item
            key={p.id}
            name={['translations', i]}
            label={t.tibetanFor(p.name)}
            extra={t.tibetanHelp}
          >
            <Input.TextArea rows={3} lang="bo" />
          </Form.Item>
        ) : p.preferredLanguage === 'mn' ? (
          <MongolianTranslationField
            key={p.id}
            name={['translations', i]}
            label={t.mongolianFor(p.name)}
            help={t.mongolianHelp}
            previewLabel={t.mongolianPreview}
          />
        ) : null,
      )}
      <Form.Item name="translationPrevails" label={t.translationPrevails}>
        <Radio.Group
          data-testid="translation-prevails"
          options={[
            { value: 'CHINESE', label: t.prevailsChinese },
            { value: 'EQUAL', label: t.prevailsEqual },
          ]}
        />
      </Form.Item>
    </Card>
  );
}
