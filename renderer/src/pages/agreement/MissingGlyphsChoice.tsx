import { Checkbox } from 'antd';
import { uiText } from '../../i18n/zh-CN';

/**
 * The one missing-glyph choice of every document (agreement editor and document preview): the
 * check's message names each character by code point; printing anyway is an explicit choice,
 * worded the same everywhere.
 */
export function MissingGlyphsChoice({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (allow: boolean) => void;
}) {
  return (
    <Checkbox
      style={{ marginTop: 8 }}
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      data-testid="allow-missing-glyphs"
    >
      {uiText.agreement.allowMissingGlyphs}
    </Checkbox>
  );
}
