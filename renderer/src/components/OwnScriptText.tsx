import { useEffect } from 'react';
import type { ScriptKind } from '../../../domain/validation/own-script';
import { loadOwnScriptFont } from '../app/own-script-fonts';

const LANG: Readonly<Record<ScriptKind, string>> = { MONGOLIAN: 'mn-Mong', TIBETAN: 'bo' };

/**
 * A name or address in a party's own script, as it is read: traditional Mongolian in vertical
 * columns running left to right (`writing-mode: vertical-lr`), Tibetan on a line. The `lang`
 * attribute lets Chromium's shaper pick the Mongolian forms.
 */
export function OwnScriptText(props: {
  readonly text: string;
  readonly script: ScriptKind;
  readonly testId?: string;
}) {
  const { script } = props;
  useEffect(() => {
    void loadOwnScriptFont(script);
  }, [script]);
  return (
    <span
      lang={LANG[script]}
      className={`own-script own-script-${script.toLowerCase()}`}
      data-testid={props.testId}
    >
      {props.text}
    </span>
  );
}
