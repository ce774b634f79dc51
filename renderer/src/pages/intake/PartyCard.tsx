import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
} from 'antd';
import type { FormInstance } from 'antd';
import { memo, useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../../../../domain/cases/case-views';
import {
  naturalPartyInputSchema,
  legalPartyInputSchema,
  REPRESENTATIVE_KIND_LABELS,
  representativeInputSchema,
} from '../../../../domain/cases/party-input';
import { stateLabelOf } from '../../../../domain/case-lifecycle';
import type { Extension } from '../../../../domain/taxonomy/ethnic-groups';
import * as genders from '../../../../domain/taxonomy/genders';
import * as idDocTypes from '../../../../domain/taxonomy/id-doc-types';
import * as languages from '../../../../domain/taxonomy/languages';
import * as partyRoles from '../../../../domain/taxonomy/party-roles';
import { ageOn } from '../../../../domain/validation/calendar-date';
import { checkIdNumber, genderMismatchWarning } from '../../../../domain/validation/id-number';
import {
  GB11643_ID_DOC_TYPES,
  GENDER_CONFIRM_HINT,
} from '../../../../domain/validation/party-checks';
import { isNoPhoneMarker } from '../../../../domain/validation/phone';
import { dateFieldProps } from '../../forms/date-field';
import { zodRule } from '../../forms/zod-rule';
import { uiText } from '../../i18n/zh-CN';
import { ethnicOptionGroups, matchesEthnic } from './ethnic-options';
import { keepsStoredNumber, type PartyFormValues } from './intake-values';
import { OwnScriptFields } from './OwnScriptFields';
import { idNumberRule, noPhoneReasonRule, phoneRule } from './party-field-rules';

const t = uiText.intake;
const natural = naturalPartyInputSchema.shape;
const organisation = legalPartyInputSchema.shape;

const personDocTypes = idDocTypes.rows
  .filter((r) => r.holder !== 'ORGANISATION')
  .map((r) => ({ value: r.code, label: r.label }));

interface Props {
  readonly form: FormInstance;
  /** Position in the Form.List (the field name), and the card's number for people. */
  readonly index: number;
  readonly intakeDate: string;
  readonly extensions: readonly Extension[];
  readonly duplicate: DuplicateMatch | undefined;
  readonly autoFocus: boolean;
  readonly canRemove: boolean;
  /** Called with `index`: one stable function serves every card (see the memo below). */
  readonly onRemove: (index: number) => void;
  /** Enter in the last box, with `index`: add a party (or go to the next card). */
  readonly onLastFieldEnter: (index: number) => void;
  /** Name, ID or phone changed and lost focus: time to look for open cases of this person. */
  readonly onIdentityBlur: () => void;
}

/**
 * Memoised: saving or re-rendering the intake page (busy button, problems list, a duplicate
 * warning on another card) leaves the 15 cards of a group dispute alone; each card still follows
 * its own values through `Form.useWatch`. Its props must therefore stay stable.
 */
export const PartyCard = memo(function PartyCard(props: Props) {
  const { form, index, intakeDate, duplicate } = props;
  const base: (string | number)[] = ['parties', index];
  // preserve: the values no box holds too (`idDocument.kept`, the masked saved number)
  const party = Form.useWatch(base, { form, preserve: true }) as PartyFormValues | undefined;
  const kind = party?.kind ?? 'NATURAL';

  const idType = party?.idDocument?.type;
  const keepsNumber = keepsStoredNumber(party?.idDocument);
  const idResult =
    kind === 'NATURAL' &&
    !keepsNumber &&
    idType !== undefined &&
    GB11643_ID_DOC_TYPES.has(idType) &&
    party?.idDocument?.number
      ? checkIdNumber(party.idDocument.number, { today: intakeDate })
      : null;
  const age = party?.birthDate ? ageOn(party.birthDate, intakeDate) : null;
  const genderWarning =
    idResult?.valid && party?.gender ? genderMismatchWarning(idResult.gender, party.gender) : null;
  const hasGuardian = (party?.representatives ?? []).some((r) => r.kind === 'GUARDIAN');
  const minorWithoutGuardian =
    kind === 'NATURAL' && age !== null && age >= 0 && age < 18 && !hasGuardian;

  // Birth date and gender follow the number as it finally stands. While an 18-digit number is
  // typed, its first 15 digits are a valid legacy number with another birth date and often
  // another gender; so every valid reading overwrites both, and what an earlier reading filled
  // in is cleared again while the number is incomplete (never what the mediator chose).
  const autoFilled = useRef<{ birthDate: string; gender: string } | null>(null);
  function onIdNumberChange(raw: string) {
    if (idType === undefined || !GB11643_ID_DOC_TYPES.has(idType)) return;
    const checked = checkIdNumber(raw, { today: intakeDate });
    const current = {
      birthDate: form.getFieldValue([...base, 'birthDate']) as string | undefined,
      gender: form.getFieldValue([...base, 'gender']) as string | undefined,
    };
    if (!checked.valid) {
      const filled = autoFilled.current;
      if (filled && current.birthDate === filled.birthDate) {
        form.setFieldValue([...base, 'birthDate'], null);
      }
      if (filled && current.gender === filled.gender) {
        form.setFieldValue([...base, 'gender'], undefined);
      }
      autoFilled.current = null;
      return;
    }
    form.setFieldValue([...base, 'birthDate'], checked.birthDate);
    form.setFieldValue([...base, 'gender'], checked.gender);
    form.setFieldValue([...base, 'genderConfirmed'], false);
    autoFilled.current = { birthDate: checked.birthDate, gender: checked.gender };
    void form
      .validateFields([
        [...base, 'birthDate'],
        [...base, 'gender'],
      ])
      .catch(() => undefined);
  }

  const nameRule = zodRule(kind === 'NATURAL' ? natural.name : organisation.name);
  const enterToNext = (e: KeyboardEvent) => {
    // keyCode 229: Chromium's keydown for a key the input method takes (isComposing may lag).
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      props.onLastFieldEnter(index);
    }
  };

  return (
    <Card
      size="small"
      title={t.party(index + 1)}
      data-testid={`party-card-${index}`}
      style={{ marginBottom: 12 }}
      extra={
        props.canRemove ? (
          <Button
            size="small"
            type="link"
            danger
            onClick={() => props.onRemove(index)}
            tabIndex={-1}
          >
            {t.removeParty}
          </Button>
        ) : null
      }
    >
      <Row gutter={12}>
        <Col span={4}>
          <Form.Item name={[index, 'role']} label={t.role} required>
            <Select options={partyRoles.rows.map((r) => ({ value: r.code, label: r.label }))} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={[index, 'kind']} label={t.kind} required>
            <Select options={partyRoles.kindRows.map((r) => ({ value: r.code, label: r.label }))} />
          </Form.Item>
        </Col>
        <Col span={kind === 'NATURAL' ? 6 : 8}>
          <Form.Item
            name={[index, 'name']}
            label={kind === 'NATURAL' ? t.name : t.orgName}
            required
            rules={[nameRule]}
          >
            <Input autoFocus={props.autoFocus} onBlur={props.onIdentityBlur} />
          </Form.Item>
        </Col>
        {kind === 'NATURAL' ? (
          <>
            <Col span={4}>
              <Form.Item name={[index, 'idDocument', 'type']} label={t.idType}>
                <Select options={personDocTypes} />
              </Form.Item>
            </Col>
            <Col span={6}>
              {idType === 'NONE' ? (
                <Form.Item
                  name={[index, 'idDocument', 'noneReason']}
                  label={t.idNoneReason}
                  required
                  rules={[{ required: true, message: '请写明没有证件的原因' }]}
                >
                  <Input />
                </Form.Item>
              ) : (
                <Form.Item
                  name={[index, 'idDocument', 'number']}
                  label={t.idNumber}
                  // the number is asked for once a document type is chosen (the rule below)
                  required={idType !== undefined && idType !== null}
                  rules={[idNumberRule(form, [...base, 'idDocument'])]}
                  extra={
                    keepsNumber ? (
                      t.idNumberKept
                    ) : idResult?.valid && idResult.upgradedTo !== undefined ? (
                      <Space orientation="vertical" size={0}>
                        <span className="field-warning">{idResult.warnings[0]}</span>
                        <Button
                          size="small"
                          type="link"
                          style={{ padding: 0 }}
                          data-testid={`party-${index}-upgrade-id`}
                          onClick={() => {
                            const eighteen = idResult.upgradedTo ?? '';
                            form.setFieldValue([...base, 'idDocument', 'number'], eighteen);
                            onIdNumberChange(eighteen);
                          }}
                        >
                          {t.upgradeId(idResult.upgradedTo)}
                        </Button>
                      </Space>
                    ) : idResult?.valid && age !== null ? (
                      t.idFilled(idResult.birthDate, genders.labelOf(idResult.gender), age)
                    ) : idResult?.valid && idResult.warnings.length > 0 ? (
                      idResult.warnings[0]
                    ) : undefined
                  }
                >
                  <Input
                    placeholder={t.idNumberPlaceholder}
                    onChange={(e) => onIdNumberChange(e.target.value)}
                    onBlur={(e) => {
                      // Shows the number as it will be stored once it is valid (ASCII, upper X).
                      const checked = checkIdNumber(e.target.value, { today: intakeDate });
                      if (checked.valid && checked.normalised !== e.target.value) {
                        form.setFieldValue([...base, 'idDocument', 'number'], checked.normalised);
                      }
                      props.onIdentityBlur();
                    }}
                    autoComplete="off"
                  />
                </Form.Item>
              )}
            </Col>
          </>
        ) : (
          <>
            <Col span={8}>
              <Form.Item
                name={[index, 'socialCreditCode']}
                label={`${t.socialCreditCode}${uiText.common.optional}`}
                rules={[zodRule(organisation.socialCreditCode)]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      {kind === 'NATURAL' && idType === 'OTHER' ? (
        <Row gutter={12}>
          <Col span={8} offset={14}>
            <Form.Item name={[index, 'idDocument', 'name']} label={t.idName} required>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {kind === 'NATURAL' ? (
        <Row gutter={12}>
          <Col span={3}>
            <Form.Item
              name={[index, 'gender']}
              label={t.gender}
              required
              dependencies={[
                [...base, 'genderConfirmed'],
                [...base, 'idDocument', 'number'],
              ]}
              rules={[
                zodRule(natural.gender),
                {
                  validator: async () => {
                    if (genderWarning && party?.genderConfirmed !== true) {
                      throw new Error(`${genderWarning}。${GENDER_CONFIRM_HINT}`);
                    }
                  },
                },
              ]}
            >
              <Select
                options={genders.rows.map((r) => ({ value: r.code, label: r.label }))}
                data-testid={`party-${index}-gender`}
              />
            </Form.Item>
            {genderWarning ? (
              <Form.Item
                name={[index, 'genderConfirmed']}
                valuePropName="checked"
                style={{ marginTop: -16 }}
              >
                <Checkbox data-testid={`party-${index}-gender-confirmed`}>
                  {t.genderConfirmed}
                </Checkbox>
              </Form.Item>
            ) : null}
          </Col>
          <Col span={5}>
            <Form.Item
              name={[index, 'birthDate']}
              label={age !== null && age >= 0 ? `${t.birthDate}（${t.age(age)}）` : t.birthDate}
              {...dateFieldProps}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name={[index, 'ethnicity']}
              label={t.ethnicity}
              required
              rules={[zodRule(natural.ethnicity)]}
            >
              <Select
                showSearch={{ filterOption: matchesEthnic }}
                options={ethnicOptionGroups(props.extensions)}
                data-testid={`party-${index}-ethnicity`}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={[index, 'preferredLanguage']} label={t.preferredLanguage}>
              <Select
                options={languages.rows.map((r) => ({ value: r.code, label: r.label }))}
                onChange={(code: languages.Code) => {
                  if (code !== 'zh') form.setFieldValue([...base, 'needsInterpreter'], true);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name={[index, 'needsInterpreter']} label=" " valuePropName="checked">
              <Checkbox>{t.needsInterpreter}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name={[index, 'occupation']}
              label={`${t.occupation}${uiText.common.optional}`}
              rules={[zodRule(natural.occupation)]}
            >
              <Input placeholder={t.occupationPlaceholder} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name={[index, 'legalRepName']}
              label={`${t.legalRepName}${uiText.common.optional}`}
              rules={[zodRule(organisation.legalRepName)]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={[index, 'legalRepTitle']}
              label={`${t.legalRepTitle}${uiText.common.optional}`}
              rules={[zodRule(organisation.legalRepTitle)]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={[index, 'phone', 'phone']} label={t.phone} required rules={[phoneRule]}>
            <Input placeholder={t.phonePlaceholder} onBlur={props.onIdentityBlur} />
          </Form.Item>
        </Col>
        {isNoPhoneMarker(party?.phone?.phone ?? '') ? (
          <Col span={6}>
            <Form.Item
              name={[index, 'phone', 'noPhoneReason']}
              label={t.noPhoneReason}
              required
              rules={[noPhoneReasonRule(form, [...base, 'phone'])]}
            >
              <Input />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={isNoPhoneMarker(party?.phone?.phone ?? '') ? 12 : 18}>
          <Form.Item
            name={[index, 'address']}
            label={t.address}
            required
            rules={[zodRule(natural.address)]}
          >
            <Input
              placeholder={t.addressPlaceholder}
              onKeyDown={enterToNext}
              data-testid={`party-${index}-address`}
            />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'NATURAL' ? (
        <OwnScriptFields
          form={form}
          index={index}
          language={party?.preferredLanguage}
          name={party?.ownScriptName}
          address={party?.ownScriptAddress}
        />
      ) : null}
      <Representatives index={index} kind={kind} />
      {minorWithoutGuardian ? (
        <Alert
          type="error"
          showIcon
          data-testid={`party-${index}-minor`}
          title={t.minorNeedsGuardian(age)}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {duplicate && duplicate.cases.length + duplicate.unlistedCaseCount > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid={`party-${index}-duplicate`}
          title={t.duplicateTitle(
            duplicate.openCaseCount,
            duplicate.cases.length + duplicate.unlistedCaseCount - duplicate.openCaseCount,
          )}
          description={
            <Space orientation="vertical" size={2}>
              {duplicate.cases.map((c) => (
                <Link key={c.caseId} to={`/cases/${c.caseId}`}>
                  {c.caseNumber ?? t.unnumbered} {c.title}（{stateLabelOf(c.status)}，
                  {t.duplicateBy[c.matchedBy]}）
                </Link>
              ))}
              {duplicate.unlistedCaseCount > 0 ? (
                <span data-testid={`party-${index}-duplicate-unlisted`}>
                  {t.duplicateUnlisted(duplicate.unlistedCaseCount)}
                </span>
              ) : null}
              <span>{t.duplicateHint}</span>
            </Space>
          }
        />
      ) : null}
    </Card>
  );
});

// Named in production builds too, where the React DevTools hook (and the e2e's render count) sees it.
PartyCard.displayName = 'PartyCard';

const representative = representativeInputSchema.shape;

function Representatives({ index, kind }: { index: number; kind: PartyFormValues['kind'] }) {
  return (
    <Form.List name={[index, 'representatives']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row gutter={12} key={field.key} data-testid={`party-${index}-rep-${field.name}`}>
              <Col span={5}>
                <Form.Item name={[field.name, 'kind']} label={t.repKind}>
                  <Select
                    options={Object.entries(REPRESENTATIVE_KIND_LABELS).map(([value, label]) => ({
                      value,
                      label,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'name']}
                  label={t.repName}
                  required
                  rules={[zodRule(representative.name)]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'relationship']}
                  label={t.repRelationship}
                  required
                  rules={[zodRule(representative.relationship)]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name={[field.name, 'phone', 'phone']}
                  label={t.repPhone}
                  required
                  rules={[phoneRule]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item label=" ">
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {uiText.common.remove}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Space style={{ marginBottom: 8 }}>
            {kind === 'NATURAL' ? (
              <Button size="small" onClick={() => add({ kind: 'GUARDIAN', phone: {} })}>
                {t.addGuardian}
              </Button>
            ) : null}
            <Button size="small" onClick={() => add({ kind: 'AGENT', phone: {} })}>
              {t.addAgent}
            </Button>
          </Space>
        </>
      )}
    </Form.List>
  );
}
