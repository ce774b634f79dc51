import { Input } from 'antd';
import { memo, useRef, useState, type ChangeEvent } from 'react';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.ledger;

interface Props {
  /** The text the box opens with (the URL's `q`). */
  readonly initial: string;
  /** The text to search for, at every keystroke but while composing. Stable across renders. */
  readonly onQuery: (text: string) => void;
}

/**
 * The ledger's search box. It holds the typed text itself, so a keystroke redraws the box alone,
 * not the ledger page with its filters and table. Every keystroke searches at once, as Enter and
 * an input method's committed word do: only the newest request's answer is shown (latestOnly),
 * so waiting out a burst of keys only delayed the last key's rows. Nothing is searched while an
 * input method composes (its letters are not the word yet).
 */
export const LedgerSearchBox = memo(function LedgerSearchBox({ initial, onQuery }: Props) {
  const [text, setText] = useState(initial);
  // Read in the key's own event (no render between): composition start and end set it.
  const composing = useRef(false);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setText(value);
    const nativeComposing = (e.nativeEvent as InputEvent).isComposing === true;
    if (!composing.current && !nativeComposing) onQuery(value);
  };
  return (
    <Input.Search
      allowClear
      size="large"
      autoFocus
      placeholder={t.searchPlaceholder}
      value={text}
      onChange={onChange}
      onSearch={(value) => {
        setText(value);
        onQuery(value);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        // Chromium's last input event of a composition comes before its end: the committed
        // word is searched here.
        onQuery((e.target as HTMLInputElement).value);
      }}
      aria-label={t.searchPlaceholder}
      data-testid="ledger-search"
    />
  );
});
