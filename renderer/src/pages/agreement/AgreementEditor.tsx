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
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldIssue } from '../../../../domain/api/errors';
import { agreementContentSchema } from '../../../../domain/agreements/agreement-input';
import type { Agreement, DraftCheck } from '../../../../domain/agreements/agreement-views';
import type { CaseDetail, Mediator } from '../../../../domain/cases/case-views';
import { api, ApiCallError } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { dateFieldProps } from '../../forms/date-field';
import { agreementDateRule, useCaseDates } from '../../forms/record-date-rules';
import { useFormAutosave } from '../../forms/use-form-autosave';
import { RestoredDraftBanner } from '../../components/RestoredDraftBanner';
import { applyFieldIssues, badInputIssues } from '../../forms/field-issues';
import { uiText } from '../../i18n/zh-CN';
import { toContent, toFormPath, toFormValues, type EditorValues } from './agreement-form';
import { DraftIssues } from './DraftIssues';
import { PartyBlock } from './PartyBlock';
import { PdfPreview } from './LazyPdfPreview';
import { ReasonModal } from './ReasonModal';
import { SignerFields } from './SignerFields';
import { TermsEditor } from './TermsEditor';
import { TranslationFields } from './TranslationFields';
import { useDeskModal } from '../../desk/desk-dialogs';

const t = uiText.agreement.editor;

const zodIssues = (issues: readonly { path: PropertyKey[]; message: string }[]): FieldIssue[] =>
  issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));

interface Props {
  readonly agreement: Agreement;
  readonly detail: CaseDetail;
  readonly mediators: readonly Mediator[];
  readonly onChanged: (next: Agreement) => void;
  readonly onReload: () => void;
}

/** The draft of a written agreement (§2.9): everything but the parties is edited here. */
export function AgreementEditor({ agreement, detail, mediators, onChanged, onReload }: Props) {
  const { message } = App.useApp();
  const modal = useDeskModal();
  const [form] = Form.useForm<EditorValues>();
  const dates = useCaseDates(detail);
  const content = agreement.content;
  // Typing between two saves of the draft is kept too (issue 8); the saved draft is the ledger's.
  const autosave = useFormAutosave(form, content ? `agreement:${agreement.id}` : null);
  const [version, setVersion] = useState(agreement.version);
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [refusal, setRefusal] = useState<{ text: string; conflict: boolean } | null>(null);
  const [allowMissingGlyphs, setAllowMissingGlyphs] = useState(false);
  const [busy, setBusy] = useState<'save' | 'preview' | 'generate' | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [voiding, setVoiding] = useState(false);

  const partyIds = useMemo(() => content?.partyIds ?? [], [content]);
  const parties = useMemo(
    () =>
      partyIds.map((id) => detail.parties.find((p) => p.id === id)).filter((p) => p !== undefined),
    [partyIds, detail.parties],
  );
  const translationLanguages = useMemo(
    () =>
      new Map(
        parties.flatMap((p) =>
          p.preferredLanguage === 'bo' || p.preferredLanguage === 'mn'
            ? [[p.id, p.preferredLanguage] as const]
            : [],
        ),
      ),
    [parties],
  );
  const initialValues = useMemo(() => (content ? toFormValues(content) : undefined), [content]);
  const agreementDate =
    (Form.useWatch('agreementDate', form) as string | null) ?? detail.intakeDate;
  const printIdNumbers = Form.useWatch('printIdNumbers', form) === true;
  const interpreterUsed = Form.useWatch('interpreterUsed', form) === true;

  const runCheck = useCallback(async () => {
    try {
      setCheck(await api('agreements.checkDraft', { agreementId: agreement.id }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [agreement.id, message]);

  useEffect(() => {
    void runCheck();
  }, [runCheck]);

  const mediatorOptions = mediators
    .filter((m) => (m.active && m.isPeopleMediator) || content?.mediatorIds.includes(m.id))
    .map((m) => ({ value: m.id, label: m.name }));
  const partyOptions = parties.map((p) => ({ value: p.id, label: p.name }));

  /** Saves the form; answers the saved agreement and its check, or null (issues are shown). */
  async function save(): Promise<{ saved: Agreement; check: DraftCheck } | null> {
    setRefusal(null);
    const values = form.getFieldsValue(true) as EditorValues;
    const { content: next, issues } = toContent(values, partyIds, translationLanguages);
    const local = agreementContentSchema.safeParse(next);
    const all = [
      ...issues,
      ...(local.success ? [] : zodIssues(local.error.issues)).map((i) => ({
        ...i,
        path: toFormPath(i.path, partyIds, next),
      })),
    ];
    if (all.length > 0) {
      const unplaced = applyFieldIssues(form, all);
      message.error(unplaced[0]?.message ?? t.saveFirst);
      return null;
    }
    try {
      const saved = await api('agreements.updateDraft', {
        agreementId: agreement.id,
        expectedVersion: version,
        content: next,
      });
      setVersion(saved.version);
      await autosave.clear();
      const nextCheck = await api('agreements.checkDraft', { agreementId: agreement.id });
      setCheck(nextCheck);
      return { saved, check: nextCheck };
    } catch (error) {
      const server = badInputIssues(error);
      if (server) {
        const mapped = server
          .filter((i) => i.path[0] === 'content')
          .map((i) => ({ ...i, path: toFormPath(i.path.slice(1), partyIds, next) }));
        const unplaced = applyFieldIssues(form, mapped);
        message.error(unplaced[0]?.message ?? t.saveFirst);
        return null;
      }
      const conflict = error instanceof ApiCallError && error.code === 'CONFLICT';
      setRefusal({ text: conflict ? t.conflict : errorMessage(error), conflict });
      return null;
    }
  }

  async function onSave() {
    setBusy('save');
    try {
      if (await save()) message.success(t.saved);
    } finally {
      setBusy(null);
    }
  }

  function blocked(c: DraftCheck): boolean {
    if (c.issues.some((i) => i.level === 'ERROR')) {
      message.error(t.blockedByErrors);
      return true;
    }
    return false;
  }

  async function onPreview() {
    setBusy('preview');
    try {
      const result = await save();
      if (!result || blocked(result.check)) return;
      const pdf = await api('agreements.preview', {
        agreementId: agreement.id,
        allowMissingGlyphs,
      });
      setPreview(pdf.pdfBase64);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function onGenerate() {
    setBusy('generate');
    let result: Awaited<ReturnType<typeof save>> = null;
    try {
      result = await save();
    } finally {
      setBusy(null);
    }
    if (!result || blocked(result.check)) return;
    const savedVersion = result.saved.version;
    modal.confirm({
      title: t.generateTitle,
      content: <span data-testid="generate-confirm">{t.generateBody}</span>,
      okText: t.generate,
      cancelText: uiText.common.cancel,
      onOk: async () => {
        try {
          const generated = await api('agreements.generate', {
            agreementId: agreement.id,
            expectedVersion: savedVersion,
            allowMissingGlyphs,
          });
          message.success(t.generated);
          onChanged(generated);
        } catch (error) {
          const conflict = error instanceof ApiCallError && error.code === 'CONFLICT';
          setRefusal({ text: conflict ? t.conflict : errorMessage(error), conflict });
        }
      },
    });
  }

  if (!content || !initialValues) return null;
  const copiesDefault = partyIds.length + 1;

  return (
    <Form
      form={form}
      layout="vertical"
      name="agreement"
      initialValues={initialValues}
      onValuesChange={autosave.onValuesChange}
      data-testid="agreement-editor"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <RestoredDraftBanner
          title={t.restored}
          savedAt={autosave.restoredAt}
          onDiscard={() => void autosave.discard()}
        />
        <Card size="small">
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="agreementNumber" label={t.numberLabel} required>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="agreementDate"
                label={t.agreementDate}
                required
                rules={[agreementDateRule(t.agreementDate, dates)]}
                {...dateFieldProps}
              >
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="copies" label={t.copies} extra={t.copiesDefault(copiesDefault)}>
                <InputNumber min={1} max={99} placeholder={String(copiesDefault)} />
              </Form.Item>
            </Col>
          </Row>
          <Space size={24}>
            <Form.Item name="printIdNumbers" valuePropName="checked" noStyle>
              <Checkbox>{t.printIdNumbers}</Checkbox>
            </Form.Item>
            <Form.Item name="pageEdgeSealMark" valuePropName="checked" noStyle>
              <Checkbox>{t.pageEdgeSealMark}</Checkbox>
            </Form.Item>
          </Space>
        </Card>

        <Card size="small" title={t.partiesTitle}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {parties.map((p) => (
              <PartyBlock
                key={p.id}
                party={p}
                onDate={agreementDate}
                showIdNumber={printIdNumbers}
              />
            ))}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.agentsTitle}
          </Typography.Title>
          <Form.List name="agents">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row gutter={8} key={field.key}>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'partyId']} label={t.agentParty} required>
                        <Select options={partyOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'kind']} label={t.agentKind} required>
                        <Select
                          options={(['GUARDIAN', 'AGENT'] as const).map((k) => ({
                            value: k,
                            label: t.agentKinds[k],
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'name']} label={t.agentName} required>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={9}>
                      <Form.Item name={[field.name, 'detail']} label={t.agentDetail}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={2} style={{ paddingTop: 30 }}>
                      <Button type="link" danger onClick={() => remove(field.name)}>
                        {uiText.common.remove}
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button
                  size="small"
                  onClick={() =>
                    add({ partyId: partyIds[0] ?? null, kind: 'AGENT', name: '', detail: '' })
                  }
                >
                  {t.addAgent}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        {/* Fixed rows, never autoSize: antd measures autoSize with a style attribute, which the
            CSP (no 'unsafe-inline' styles) blocks and reports as a console error. */}
        <Card size="small" title={t.factsTitle}>
          <Form.Item name="facts" label={t.facts} required>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="disputedMatters" label={t.disputedMatters}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Typography.Text strong>{t.responsibilitiesTitle}</Typography.Text>
          {parties.map((p, i) => (
            <Form.Item key={p.id} name={['responsibilities', i]} label={t.responsibilityOf(p.name)}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ))}
        </Card>

        <Card size="small" title={t.termsTitle}>
          <TermsEditor form={form} parties={parties} />
        </Card>

        <Card size="small" title={t.performanceTitle}>
          <Form.Item name="performance" label={t.performance}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t.amountTotal}>
            <Input style={{ maxWidth: 260 }} />
          </Form.Item>
        </Card>

        <Card size="small" title={t.signersTitle}>
          <SignerFields
            mediatorOptions={mediatorOptions}
            interpreterUsed={interpreterUsed}
            labels={t}
            interpreterExtra={
              <Form.Item name={['interpreter', 'partyIds']} label={t.interpreterParties}>
                <Select mode="multiple" options={partyOptions} />
              </Form.Item>
            }
          />
        </Card>

        <TranslationFields parties={parties} />

        <DraftIssues
          check={check}
          allowMissingGlyphs={allowMissingGlyphs}
          onAllowMissingGlyphs={setAllowMissingGlyphs}
        />
        {refusal ? (
          <Alert
            type="error"
            showIcon
            data-testid="agreement-refusal"
            title={refusal.text}
            action={
              refusal.conflict ? (
                <Button size="small" onClick={onReload}>
                  {t.reload}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        <Space>
          <Button loading={busy === 'save'} onClick={() => void onSave()}>
            {t.save}
          </Button>
          <Button loading={busy === 'preview'} onClick={() => void onPreview()}>
            {t.preview}
          </Button>
          <Button type="primary" loading={busy === 'generate'} onClick={() => void onGenerate()}>
            {t.generate}
          </Button>
          <Button danger onClick={() => setVoiding(true)}>
            {t.void}
          </Button>
        </Space>
      </Space>

      {preview ? (
        <Modal
          open
          title={uiText.agreement.preview.title}
          width="min(1100px, 95vw)"
          footer={null}
          onCancel={() => setPreview(null)}
          destroyOnHidden
        >
          <PdfPreview base64={preview} height={Math.max(360, window.innerHeight - 300)} />
        </Modal>
      ) : null}
      {voiding ? (
        <ReasonModal
          title={t.voidTitle}
          label={t.voidReason}
          okText={t.void}
          danger
          onClose={() => setVoiding(false)}
          onSubmit={async (reason) => {
            const voided = await api('agreements.void', {
              agreementId: agreement.id,
              expectedVersion: version,
              reason,
            });
            setVoiding(false);
            message.success(t.voided);
            onChanged(voided);
          }}
        />
      ) : null}
    </Form>
  );
}
