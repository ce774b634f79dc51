import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Tag,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  ORAL_PERFORMANCE_STATUSES,
  ORAL_PERFORMANCE_STATUS_LABELS,
  oralRegisterSchema,
  type OralPerformanceStatusCode,
} from '../../../../domain/agreements/agreement-input';
import type { DraftIssue } from '../../../../domain/agreements/agreement-views';
import type { CaseDetail, Mediator } from '../../../../domain/cases/case-views';
import { formatAmountForDocument } from '../../../../domain/money-words';
import * as languages from '../../../../domain/taxonomy/languages';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { api, ApiCallError } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { dateFieldProps } from '../../forms/date-field';
import { agreementDateRule, useCaseDates } from '../../forms/record-date-rules';
import { applyFieldIssues, badInputIssues } from '../../forms/field-issues';
import { uiText } from '../../i18n/zh-CN';
import { readYuan, toFormPath, typedTranslations } from './agreement-form';
import { SignerFields } from './SignerFields';
import { TranslationFields } from './TranslationFields';

const t = uiText.agreement.oral;
const e = uiText.agreement.editor;

interface Values {
  registerNumber: string;
  agreedDate: string | null;
  partyIds: number[];
  facts: string;
  oralTerms: string;
  performance: string;
  amountYuan: string;
  involvesProperty: boolean;
  performanceStatus: OralPerformanceStatusCode | null;
  mediatorIds: number[];
  recorderName: string;
  interpreterUsed: boolean;
  interpreter: { name: string; language: languages.Code | null };
  /** Translation boxes by the party's place in the case's list (stable when deselected). */
  translations: string[];
  translationPrevails: 'CHINESE' | 'EQUAL';
}

const levelColour = { ERROR: 'red', WARNING: 'orange', NOTICE: 'blue' } as const;

/** 人民调解口头协议登记表 (§2.10): PML 28 — the mediator records what was agreed orally. */
export function OralRegisterModal({
  detail,
  mediators,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  mediators: readonly Mediator[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const dates = useCaseDates(detail);
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<readonly DraftIssue[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const amount = Form.useWatch('amountYuan', form) as string | undefined;
  const interpreterUsed = Form.useWatch('interpreterUsed', form) === true;
  const amountRead = readYuan(amount);
  const issuesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (issues && issues.length > 0) issuesRef.current?.scrollIntoView({ block: 'nearest' });
  }, [issues]);

  const initial: Values = {
    registerNumber: detail.caseNumber ?? '',
    agreedDate: chinaToday(),
    partyIds: detail.parties.map((p) => p.id),
    facts: detail.summary,
    oralTerms: '',
    performance: '',
    amountYuan: '',
    involvesProperty: false,
    performanceStatus: null,
    mediatorIds: [...detail.mediatorIds],
    recorderName: '',
    interpreterUsed: false,
    interpreter: { name: '', language: null },
    translations: [],
    translationPrevails: 'CHINESE',
  };
  const caseParties = detail.parties;
  const allPartyIds = caseParties.map((p) => p.id);
  const selected = new Set((Form.useWatch('partyIds', form) as number[] | undefined) ?? []);
  const translationLanguages = new Map(
    caseParties.flatMap((p) =>
      p.preferredLanguage === 'bo' || p.preferredLanguage === 'mn'
        ? [[p.id, p.preferredLanguage] as const]
        : [],
    ),
  );

  async function submit() {
    setRefusal(null);
    const v = form.getFieldsValue(true) as Values;
    if (amountRead && 'message' in amountRead) {
      form.setFields([{ name: 'amountYuan', errors: [amountRead.message] }]);
      return;
    }
    const register = {
      registerNumber: v.registerNumber,
      agreedDate: v.agreedDate ?? '',
      partyIds: [...v.partyIds],
      facts: v.facts,
      oralTerms: v.oralTerms,
      performance: v.performance,
      amountFen: amountRead && 'fen' in amountRead ? amountRead.fen : null,
      involvesProperty: v.involvesProperty,
      performanceStatus: v.performanceStatus ?? ('' as OralPerformanceStatusCode),
      mediatorIds: [...v.mediatorIds],
      recorderName: v.recorderName,
      interpreter: v.interpreterUsed
        ? { name: v.interpreter.name, language: v.interpreter.language ?? 'other', partyIds: [] }
        : null,
      translations: typedTranslations(v.translations, allPartyIds, translationLanguages).filter(
        (tr) => v.partyIds.includes(tr.partyId),
      ),
      translationPrevails: v.translationPrevails,
    };
    const toForm = (path: readonly (string | number)[]) => toFormPath(path, allPartyIds, register);
    const local = oralRegisterSchema.safeParse(register);
    if (!local.success) {
      applyFieldIssues(
        form,
        local.error.issues.map((i) => ({
          path: toForm(i.path.filter((p): p is string | number => typeof p !== 'symbol')),
          message: i.message,
        })),
      );
      return;
    }
    setSaving(true);
    try {
      const check = await api('agreements.checkOral', { caseId: detail.id, register });
      setIssues(check.issues);
      const needsConfirm = check.issues.some((i) => i.code === 'ORAL_WITH_MONEY');
      if (check.issues.some((i) => i.level === 'ERROR') || (needsConfirm && !confirmed)) return;
      await api('agreements.registerOral', {
        caseId: detail.id,
        expectedCaseVersion: detail.version,
        register,
        confirmedOralDespiteMoney: confirmed,
      });
      onDone();
    } catch (error) {
      const server = badInputIssues(error)?.map((i) =>
        i.path[0] === 'register' ? { ...i, path: ['register', ...toForm(i.path.slice(1))] } : i,
      );
      const unplaced = server ? applyFieldIssues(form, server, ['register']) : [];
      if (!server || unplaced.length > 0) {
        setRefusal(
          unplaced[0]?.message ??
            (error instanceof ApiCallError && error.code === 'CONFLICT'
              ? uiText.case.conflictReload
              : errorMessage(error)),
        );
      }
    } finally {
      setSaving(false);
    }
  }

  const partyOptions = detail.parties.map((p) => ({ value: p.id, label: p.name }));
  const mediatorOptions = mediators
    .filter((m) => m.active && m.isPeopleMediator)
    .map((m) => ({ value: m.id, label: m.name }));
  const moneyIssue = issues?.some((i) => i.code === 'ORAL_WITH_MONEY') ?? false;

  return (
    <Modal
      open
      title={t.title}
      width={820}
      // The warnings appear at the top of the body; a scrolling body keeps them in sight.
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {uiText.common.cancel}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()}>
          {t.save}
        </Button>,
      ]}
    >
      <div ref={issuesRef} />
      {issues && issues.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t.checkTitle}
          data-testid="oral-issues"
          description={
            <>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {issues.map((i, n) => (
                  <li key={`${i.code}:${n}`}>
                    <Tag color={levelColour[i.level]}>{e.levels[i.level]}</Tag>
                    {i.message}
                  </li>
                ))}
              </ul>
              {moneyIssue ? (
                <Checkbox
                  style={{ marginTop: 8 }}
                  checked={confirmed}
                  onChange={(ev) => setConfirmed(ev.target.checked)}
                >
                  {t.confirmDespiteMoney}
                </Checkbox>
              ) : null}
            </>
          }
        />
      ) : null}
      <Form form={form} layout="vertical" name="oral" initialValues={initial}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="registerNumber" label={t.number} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="agreedDate"
              label={t.agreedDate}
              required
              rules={[agreementDateRule(t.agreedDate, dates)]}
              {...dateFieldProps}
            >
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="partyIds" label={t.parties} required>
          <Select mode="multiple" options={partyOptions} />
        </Form.Item>
        <Form.Item name="facts" label={t.facts} required>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="oralTerms" label={t.terms} required>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="performance" label={t.performance}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="amountYuan"
              label={t.amount}
              extra={
                amountRead && 'fen' in amountRead ? formatAmountForDocument(amountRead.fen) : null
              }
            >
              <Input placeholder={e.obligation.amountPlaceholder} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="performanceStatus" label={t.performanceStatus} required>
              <Select
                options={ORAL_PERFORMANCE_STATUSES.map((s) => ({
                  value: s,
                  label: ORAL_PERFORMANCE_STATUS_LABELS[s],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="involvesProperty" valuePropName="checked">
          <Checkbox>{t.involvesProperty}</Checkbox>
        </Form.Item>
        <SignerFields
          mediatorOptions={mediatorOptions}
          interpreterUsed={interpreterUsed}
          labels={{
            ...t,
            interpreterName: e.interpreterName,
            interpreterLanguage: e.interpreterLanguage,
          }}
        />
        <TranslationFields parties={caseParties} shown={selected} />
      </Form>
      {refusal ? <Alert type="error" showIcon title={refusal} /> : null}
    </Modal>
  );
}
