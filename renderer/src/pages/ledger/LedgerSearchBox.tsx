import { Input } from 'antd';
import { memo, useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.ledger;

// Keystrokes typed within one short burst make one request; every request's answer is shown
// only if it is still the newest (latestOnly), so the wait can be this short. A keystroke after
// a pause (an input method's committed word, a paste, a person's ordinary pace) searches at
// once, as Enter does; nothing is searched while an input method is still composing.
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
  // The text last searched for, and when the last keystroke came (for "after a pause").
  const sent = useRef(initial);
  const lastKeyAt = useRef(-Infinity);
  const searchFor = useCallback(
    (value: string) => {
      sent.current = value;
      onQuery(value);
    },
    [onQuery],
  );
  useEffect(() => {
    if (composing || text === sent.current) return;
    const timer = setTimeout(() => searchFor(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, composing, searchFor]);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setText(value);
    const at = e.timeStamp;
    const paused = at - lastKeyAt.current >= DEBOUNCE_MS;
    lastKeyAt.current = at;
    const nativeComposing = (e.nativeEvent as InputEvent).isComposing === true;
    if (paused && !composing && !nativeComposing) searchFor(value);
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
        searchFor(value);
      }}
      onCompositionStart={() => setComposing(true)}
      onCompositionEnd={(e) => {
        setComposing(false);
        // The committed word is a whole one: searched at once, not after a burst's wait.
        searchFor((e.target as HTMLInputElement).value);
      }}
      aria-label={t.searchPlaceholder}
      data-testid="ledger-search"
    />
  );
});
