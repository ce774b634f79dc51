import { Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { cleanText } from '../../../../domain/text-discipline';
import { translationScriptProblem } from '../../../../domain/validation/own-script';
import { OwnScriptText } from '../../components/OwnScriptText';

/** The script check the save makes (a Chinese letter here has no glyph in the annex's font). */
const mongolianScriptRule: Rule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string') return;
    const cleaned = cleanText(value, 'MULTILINE');
    if (!cleaned.ok) return; // the save names the character the discipline refuses
    const problem = translationScriptProblem(cleaned.value, 'mn');
    if (problem !== null) throw new Error(problem.message);
  },
};

/**
 * The traditional Mongolian translation of the agreement for one party: typed horizontally
 * with the system's Mongolian input method (a vertical textarea puts the caret where nobody
 * expects it), shown below as it will print, in vertical columns.
 */
export function MongolianTranslationField(props: {
  readonly name: readonly [string, number];
  readonly label: string;
  readonly help: string;
  readonly previewLabel: string;
}) {
  const text = (Form.useWatch([...props.name]) as string | undefined) ?? '';
  return (
    <>
      <Form.Item
        name={[...props.name]}
        label={props.label}
        extra={props.help}
        rules={[mongolianScriptRule]}
      >
        <Input.TextArea
          rows={3}
          lang="mn-Mong"
          className="own-script-input-mongolian"
          data-testid="mongolian-translation"
        />
      </Form.Item>
      {text.trim() !== '' ? (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{props.previewLabel}</Typography.Text>
          <div className="own-script-preview">
            <OwnScriptText text={text} script="MONGOLIAN" testId="mongolian-translation-preview" />
          </div>
        </div>
      ) : null}
    </>
  );
}
