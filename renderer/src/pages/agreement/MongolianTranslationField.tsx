import { Form, Input, Typography } from 'antd';
import { OwnScriptText } from '../../components/OwnScriptText';

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
      <Form.Item name={[...props.name]} label={props.label} extra={props.help}>
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
