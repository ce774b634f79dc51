import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { FieldIssue } from '../../../../domain/api/errors';
import { caseIntakeSchema } from '../../../../domain/cases/case-input';
import type { CaseSettings, DuplicateMatch } from '../../../../domain/cases/case-views';
import * as caseSources from '../../../../domain/taxonomy/case-sources';
import * as disputeCategories from '../../../../domain/taxonomy/dispute-categories';
import { DEFAULT_EXTENSIONS } from '../../../../domain/taxonomy/ethnic-groups';
import * as preventionFlags from '../../../../domain/taxonomy/prevention-flags';
import * as riskFactors from '../../../../domain/taxonomy/risk-factors';
import * as riskLevels from '../../../../domain/taxonomy/risk-levels';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { checkIdNumber, normaliseIdNumber } from '../../../../domain/validation/id-number';
import { checkPhone } from '../../../../domain/validation/phone';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { RiskTag } from '../../components/RiskTag';
import { dateFieldProps } from '../../forms/date-field';
import { applyFieldIssues, badInputIssues } from '../../forms/field-issues';
import { zodRule } from '../../forms/zod-rule';
import { useApiValue } from '../../hooks/use-api-value';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { newParty, toIntakeInput, type IntakeFormValues } from './intake-values';
import { PartyCard } from './PartyCard';

const t = uiText.intake;
const fields = caseIntakeSchema.shape;

const selectableSources = caseSources.rows
  .filter((r) => !caseSources.rows.some((child) => 'parent' in child && child.parent === r.code))
  .map((r) => ({ value: r.code, label: r.label }));

function initialValues(): IntakeFormValues {
  return {
    intakeDate: chinaToday(),
    source: 'ON_APPLICATION',
    riskLevel: 'LOW',
    riskFactors: [],
    preventionFlags: [],
    requests: [''],
    isDifficult: false,
    mediatorIds: [],
    parties: [newParty([]), newParty([newParty([])])],
  };
}

function probeOf(values: IntakeFormValues) {
  return (values.parties ?? []).map((p) => {
    const id = p.idDocument?.number ? normaliseIdNumber(p.idDocument.number) : '';
    const phone = p.phone?.phone ? checkPhone(p.phone.phone) : null;
    return {
      idNumber: id && checkIdNumber(id, { today: chinaToday() }).valid ? id : null,
      name: p.name?.trim() || null,
      phone: phone?.ok ? phone.normalised : null,
    };
  });
}

export function IntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeFormValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<readonly FieldIssue[]>([]);
  const [duplicates, setDuplicates] = useState<readonly DuplicateMatch[]>([]);
  const [focusParty, setFocusParty] = useState(0);
  const probeSeq = useRef(0);
  const { mediators } = useMediators();
  const loadSettings = useCallback(() => api('caseSettings.get', {}), []);
  const settings: CaseSettings | undefined = useApiValue(loadSettings).value;

  const category = Form.useWatch('category', form);
  const riskLevel = Form.useWatch('riskLevel', form) ?? 'LOW';
  const chosenFactors = Form.useWatch('riskFactors', form) ?? [];
  const intakeDate = Form.useWatch('intakeDate', form) ?? chinaToday();
  const extensions = settings?.ethnicExtensions ?? DEFAULT_EXTENSIONS;
  const initial = useMemo(initialValues, []);

  const subtypes = category ? disputeCategories.subtypesOf(category) : [];
  const dueDays = settings?.dueDays[riskLevel] ?? riskLevels.defaultDueDaysOf(riskLevel);
  const isGroup = chosenFactors.includes('MANY_PARTIES');

  async function probeDuplicates() {
    const parties = probeOf(form.getFieldsValue(true) as IntakeFormValues);
    if (!parties.some((p) => p.idNumber || (p.name && p.phone))) return setDuplicates([]);
    const seq = ++probeSeq.current;
    try {
      const found = await api('cases.findDuplicateParties', { parties, excludeCaseId: null });
      // A slower earlier answer must not overwrite a newer one.
      if (seq === probeSeq.current) setDuplicates(found);
    } catch {
      // The warning is a convenience; failing to fetch it must not disturb the intake.
    }
  }

  async function submit() {
    setProblems([]);
    const values = form.getFieldsValue(true) as IntakeFormValues;
    try {
      await form.validateFields();
    } catch {
      message.error(uiText.common.fixFields);
      return;
    }
    const input = toIntakeInput(values);
    const local = caseIntakeSchema.safeParse(input);
    if (!local.success) {
      const issues = local.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      setProblems(applyFieldIssues(form, issues).filter((i) => !i.path.includes('hasGuardian')));
      message.error(uiText.common.fixFields);
      return;
    }
    setSaving(true);
    try {
      const saved = await api('cases.create', input);
      message.success(t.saved);
      void navigate(`/cases/${saved.case.id}`, { state: { warnings: saved.warnings } });
    } catch (error) {
      const issues = badInputIssues(error);
      if (issues) {
        setProblems(applyFieldIssues(form, issues));
        message.error(uiText.common.fixFields);
      } else {
        message.error(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+Enter saves from any box, so the mouse is never needed between two intakes.
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  }

  function setGroup(on: boolean) {
    const current = (form.getFieldValue('riskFactors') ?? []) as riskFactors.Code[];
    const next = on
      ? [...new Set([...current, 'MANY_PARTIES' as const])]
      : current.filter((c) => c !== 'MANY_PARTIES');
    form.setFieldValue('riskFactors', next);
  }

  return (
    <div onKeyDown={onKeyDown}>
      <Card
        title={t.title}
        extra={
          <Space>
            <Button onClick={() => form.resetFields()} tabIndex={-1}>
              {t.reset}
            </Button>
            <Button type="primary" loading={saving} onClick={() => void submit()}>
              {t.save}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t.keyboardHint}</Typography.Paragraph>
        <Form<IntakeFormValues>
          form={form}
          name="intake"
          layout="vertical"
          initialValues={initial}
          requiredMark
          onFinish={() => void submit()}
        >
          <Typography.Title level={5}>{t.partiesSection}</Typography.Title>
          <Form.List name="parties">
            {(partyFields, { add, remove }) => {
              const addParty = () => {
                const current = (form.getFieldValue('parties') ??
                  []) as IntakeFormValues['parties'];
                setFocusParty(partyFields.length);
                add(newParty(current ?? []));
              };
              return (
                <>
                  {partyFields.map((field, position) => (
                    <PartyCard
                      key={field.key}
                      form={form}
                      index={field.name}
                      intakeDate={intakeDate}
                      extensions={extensions}
                      duplicate={duplicates.find((d) => d.index === field.name)}
                      autoFocus={position === focusParty}
                      canRemove={partyFields.length > 1}
                      onRemove={() => {
                        remove(field.name);
                        setDuplicates([]);
                      }}
                      onIdentityBlur={() => void probeDuplicates()}
                      onLastFieldEnter={() => {
                        if (position === partyFields.length - 1) addParty();
                        else
                          document.getElementById(`intake_parties_${position + 1}_name`)?.focus();
                      }}
                    />
                  ))}
                  <Button onClick={addParty} style={{ marginBottom: 16 }}>
                    {t.addParty}
                  </Button>
                </>
              );
            }}
          </Form.List>

          <Typography.Title level={5}>{t.caseSection}</Typography.Title>
          <Row gutter={12}>
            <Col span={4}>
              <Form.Item
                name="intakeDate"
                label={t.intakeDate}
                required
                rules={[zodRule(fields.intakeDate)]}
                {...dateFieldProps}
              >
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="source" label={t.source} required rules={[zodRule(fields.source)]}>
                <Select options={selectableSources} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item
                name="category"
                label={t.category}
                required
                rules={[zodRule(fields.category)]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={disputeCategories.rows.map((r) => ({ value: r.code, label: r.label }))}
                  onChange={() => form.setFieldValue('subtype', null)}
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="subtype" label={`${t.subtype}${uiText.common.optional}`}>
                <Select
                  allowClear
                  disabled={subtypes.length === 0}
                  placeholder={t.subtypePlaceholder}
                  options={subtypes.map((r) => ({ value: r.code, label: r.label }))}
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item
                name="amountClaimedFen"
                label={`${t.amountClaimed}${uiText.common.optional}`}
                getValueProps={(fen: unknown) => ({
                  value: typeof fen === 'number' ? fen / 100 : null,
                })}
                normalize={(yuan: number | null) => (yuan === null ? null : Math.round(yuan * 100))}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={`${t.title_}${uiText.common.optional}`}
            rules={[zodRule(fields.title)]}
          >
            <Input placeholder={t.titlePlaceholder} />
          </Form.Item>
          <Form.Item name="summary" label={t.summary} required rules={[zodRule(fields.summary)]}>
            <Input.TextArea rows={3} placeholder={t.summaryPlaceholder} />
          </Form.Item>
          <Form.List name="requests">
            {(requestFields, { add, remove }) => (
              <Form.Item label={t.requests}>
                {requestFields.map((field, i) => (
                  <Space key={field.key} style={{ display: 'flex', marginBottom: 4 }} align="start">
                    <Form.Item name={field.name} noStyle>
                      <Input placeholder={t.requestPlaceholder(i + 1)} style={{ width: 600 }} />
                    </Form.Item>
                    {requestFields.length > 1 ? (
                      <Button type="link" danger onClick={() => remove(field.name)} tabIndex={-1}>
                        {uiText.common.remove}
                      </Button>
                    ) : null}
                  </Space>
                ))}
                <Button size="small" onClick={() => add('')}>
                  {t.addRequest}
                </Button>
              </Form.Item>
            )}
          </Form.List>

          <Typography.Title level={5}>{t.riskSection}</Typography.Title>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item
                name="riskLevel"
                label={t.riskLevel}
                required
                extra={t.dueDaysHint(dueDays)}
              >
                <Select
                  options={riskLevels.rows.map((r) => ({
                    value: r.code,
                    label: <RiskTag level={r.code} />,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label=" " extra={t.groupDisputeHelp}>
                <Checkbox checked={isGroup} onChange={(e) => setGroup(e.target.checked)}>
                  {t.groupDispute}
                </Checkbox>
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="isDifficult" label=" " valuePropName="checked">
                <Checkbox>{t.isDifficult}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="riskFactors" label={`${t.riskFactors}${uiText.common.optional}`}>
            <Checkbox.Group
              options={riskFactors.rows.map((r) => ({ value: r.code, label: r.label }))}
            />
          </Form.Item>
          <Form.List name="preventionFlags">
            {(flagFields, { add, remove }) => (
              <Form.Item label={`${t.preventionFlags}${uiText.common.optional}`}>
                {flagFields.map((field) => (
                  <Row gutter={8} key={field.key}>
                    <Col span={8}>
                      <Form.Item
                        name={[field.name, 'code']}
                        rules={[zodRule(preventionFlags.codeSchema)]}
                      >
                        <Select
                          options={preventionFlags.rows.map((r) => ({
                            value: r.code,
                            label: r.label,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'persons']}>
                        <InputNumber
                          min={1}
                          placeholder={t.preventionPersons}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item name={[field.name, 'note']}>
                        <Input placeholder={t.preventionNote} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="link" danger onClick={() => remove(field.name)}>
                        {uiText.common.remove}
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button size="small" onClick={() => add({ code: 'CRIMINAL', persons: 1 })}>
                  {t.addPrevention}
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="mediatorIds"
                label={t.mediators}
                extra={mediators.length === 0 ? t.noMediators : undefined}
              >
                <Select
                  mode="multiple"
                  placeholder={t.mediatorsPlaceholder}
                  optionFilterProp="label"
                  options={mediators.map((m) => ({ value: m.id, label: m.name }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="remarks"
                label={`${t.remarks}${uiText.common.optional}`}
                rules={[zodRule(fields.remarks)]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
          {problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t.otherProblems}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {problems.map((p) => (
                    <li key={`${p.path.join('.')}:${p.message}`}>{p.message}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Button type="primary" size="large" loading={saving} onClick={() => void submit()}>
            {t.save}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
