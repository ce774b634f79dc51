import { Col, Form, Input, Row } from 'antd';
import type { FormInstance, InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect } from 'react';
import { naturalPartyInputSchema } from '../../../../domain/cases/party-input';
import { cleanText } from '../../../../domain/text-discipline';
import {
  ownScriptProblem,
  SCRIPT_LABELS,
  scriptOfLanguage,
  scriptOfText,
  type OwnScriptField,
  type ScriptKind,
} from '../../../../domain/validation/own-script';
import { loadOwnScriptFont } from '../../app/own-script-fonts';
import { OwnScriptText } from '../../components/OwnScriptText';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.intake;
const LANG: Readonly<Record<ScriptKind, string>> = { MONGOLIAN: 'mn-Mong', TIBETAN: 'bo' };
const natural = naturalPartyInputSchema.shape;

/** The script check as the save makes it, with the language as the card now stands. */
export function ownScriptRule(
  form: FormInstance,
  party: (string | number)[],
  field: OwnScriptField,
): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string') return;
      const cleaned = cleanText(value, 'LINE');
      if (!cleaned.ok) return; // the field's own zod rule names the character
      const language = (form.getFieldValue([...party, 'preferredLanguage']) as string) ?? 'zh';
      const problem = ownScriptProblem(field, cleaned.value, language);
      if (problem !== null) throw new Error(problem.message);
    },
  };
}

/**
 * A text box for own-script text: the script's font and `lang` follow the party's language or,
 * where the language is not known yet (a table row still on 汉语), the text itself; the font
 * is loaded when the box first holds that script. A plain input otherwise, so the operating
 * system's input method composes into it undisturbed.
 */
export function OwnScriptInput(props: InputProps & { readonly language: string | undefined }) {
  const { language, ...input } = props;
  const value = typeof input.value === 'string' ? input.value : '';
  const script = scriptOfLanguage(language ?? 'zh') ?? scriptOfText(value);
  useEffect(() => {
    if (script !== null) void loadOwnScriptFont(script);
  }, [script]);
  return (
    <Input
      {...input}
      lang={script === null ? undefined : LANG[script]}
      className={script === null ? undefined : `own-script-input-${script.toLowerCase()}`}
      autoComplete="off"
    />
  );
}

/**
 * The party's name and address in traditional Mongolian or Tibetan, shown when the party's
 * 使用语言 is 蒙古语 or 藏语. The boxes take whatever the operating system's input method
 * composes (no key handler here); Mongolian is previewed in vertical columns, as printed.
 */
export function OwnScriptFields(props: {
  readonly form: FormInstance;
  readonly index: number;
  readonly language: string | undefined;
  readonly name: string | undefined;
  readonly address: string | undefined;
}) {
  const { form, index } = props;
  const script = scriptOfLanguage(props.language ?? 'zh');
  if (script === null) return null;
  const base = ['parties', index];
  const label = SCRIPT_LABELS[script];
  const dependencies = [[...base, 'preferredLanguage']];
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name={[index, 'ownScriptName']}
            label={t.ownScriptName(label)}
            dependencies={dependencies}
            rules={[zodRule(natural.ownScriptName), ownScriptRule(form, base, 'ownScriptName')]}
          >
            <OwnScriptInput language={props.language} data-testid={`party-${index}-own-name`} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name={[index, 'ownScriptAddress']}
            label={t.ownScriptAddress(label)}
            dependencies={dependencies}
            extra={t.ownScriptHint}
            rules={[
              zodRule(natural.ownScriptAddress),
              ownScriptRule(form, base, 'ownScriptAddress'),
            ]}
          >
            <OwnScriptInput language={props.language} data-testid={`party-${index}-own-address`} />
          </Form.Item>
        </Col>
      </Row>
      {script === 'MONGOLIAN' && (props.name || props.address) ? (
        <div className="own-script-preview" data-testid={`party-${index}-own-preview`}>
          <span>{t.ownScriptPreview}</span>
          {props.name ? <OwnScriptText text={props.name} script={script} /> : null}
          {props.address ? <OwnScriptText text={props.address} script={script} /> : null}
        </div>
      ) : null}
    </>
  );
}
