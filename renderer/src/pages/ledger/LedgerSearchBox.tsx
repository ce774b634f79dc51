import { Input } from 'antd';
import { memo, useEffect, useState } from 'react';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.ledger;

// Keystrokes typed within one short burst make one request; every request's answer is shown
// only if it is still the newest (latestOnly), so the wait can be this short. Enter searches
// at once, and nothing is searched while an input method is still composing a character.
const DEBOUNCE_MS = 30;

interface Props {
  /** The text the box opens with (the URL's `q`). */
  readonly initial: string;
  /** The text to search for, once typing pauses (at once on Enter). Stable across renders. */
  readonly onQuery: (text: string) => void;
}

/**
 * The ledger's search box. It holds the typed text itself, so a keystroke redraws the box alone,
 * not the ledger page with its filters and table.
 */
export const LedgerSearchBox = memo(function LedgerSearchBox({ initial, onQuery }: Props) {
  const [text, setText] = useState(initial);
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    if (composing) return;
    const timer = setTimeout(() => onQuery(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, composing, onQuery]);
  return (
    <Input.Search
      allowClear
      size="large"
      autoFocus
      placeholder={t.searchPlaceholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(value) => {
        setText(value);
        onQuery(value);
      }}
      onCompositionStart={() => setComposing(true)}
      onCompositionEnd={() => setComposing(false)}
      aria-label={t.searchPlaceholder}
      data-testid="ledger-search"
    />
  );
});
