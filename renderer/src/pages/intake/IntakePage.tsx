import { Alert, App, Button, Card, Form, Segmented, Space, Typography } from 'antd';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useNavigate } from 'react-router';
import type { FieldIssue } from '../../../../domain/api/errors';
import { caseIntakeSchema } from '../../../../domain/cases/case-input';
import type { CaseSettings, DuplicateMatch } from '../../../../domain/cases/case-views';
import { DEFAULT_EXTENSIONS } from '../../../../domain/taxonomy/ethnic-groups';
import { chinaToday } from '../../../../domain/validation/calendar-date';
import { checkIdNumber, normaliseIdNumber } from '../../../../domain/validation/id-number';
import { checkPhone } from '../../../../domain/validation/phone';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { RestoredDraftBanner } from '../../components/RestoredDraftBanner';
import { useFormAutosave } from '../../forms/use-form-autosave';
import { applyFieldIssues, badInputIssues } from '../../forms/field-issues';
import { zodRule } from '../../forms/zod-rule';
import { useApiValue } from '../../hooks/use-api-value';
import { useMediators } from '../../hooks/use-mediators';
import { uiText } from '../../i18n/zh-CN';
import { newParty, toIntakeInput, type IntakeFormValues } from './intake-values';
import { CaseFields } from './CaseFields';
import { PartyCardList } from './PartyCardList';
import { PartyTable } from './PartyTable';
import { keepShownDuplicates, NO_DUPLICATES } from './shown-duplicates';
import { StartDateItem } from './StartDateItem';
import { useGroupAutoTick } from './use-group-auto-tick';
import { useLedgerChecking } from '../../app/ledger-checking';
import { GROUP_DISPUTE_MIN_PERSONS } from '../../../../domain/cases/group-dispute';

const t = uiText.intake;
const fields = caseIntakeSchema.shape;

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

// The save buttons show the save under way; they read it here, so turning it on or off redraws
// the two buttons and not the memoised form around the lower one.
const Saving = createContext<{ busy: boolean; checking: boolean; save: () => void }>({
  busy: false,
  checking: false,
  save: () => undefined,
});

function SaveButton(props: { size?: 'large' }) {
  const saving = useContext(Saving);
  return (
    <Button type="primary" size={props.size} loading={saving.busy} onClick={saving.save}>
      {saving.busy && saving.checking ? t.waitingForCheck : t.save}
    </Button>
  );
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
  const autosave = useFormAutosave(form, 'intake');
  const [saving, setSaving] = useState(false);
  const checking = useLedgerChecking();
  const [problems, setProblems] = useState<readonly FieldIssue[]>([]);
  const [duplicates, setDuplicates] = useState<readonly DuplicateMatch[]>(NO_DUPLICATES);
  const [partyMode, setPartyMode] = useState<'cards' | 'table'>('cards');
  const probeSeq = useRef(0);
  const { mediators } = useMediators();
  const loadSettings = useCallback(() => api('caseSettings.get', {}), []);
  const settings: CaseSettings | undefined = useApiValue(loadSettings).value;

  // A save opens the case page: its code is fetched and parsed once this page is up, not between
  // the click and the saved case on screen. A failure here is retried by the route.
  useEffect(() => {
    void import('../case/CasePage').catch(() => undefined);
  }, []);

  const intakeDate = Form.useWatch('intakeDate', form) ?? chinaToday();
  const extensions = settings?.ethnicExtensions ?? DEFAULT_EXTENSIONS;
  const initial = useMemo(initialValues, []);
  const group = useGroupAutoTick(form, autosave.onValuesChange);
  const { persons } = group;
  const { ticked: groupTicked, auto: groupAuto, declined: groupDeclined } = group.box;
  const groupNote = useMemo(
    () =>
      groupTicked && groupAuto ? (
        <span data-testid="group-note">
          {t.groupAutoTicked(persons, GROUP_DISPUTE_MIN_PERSONS)}
        </span>
      ) : groupDeclined ? (
        <span data-testid="group-note">{t.groupDeclined(persons, GROUP_DISPUTE_MIN_PERSONS)}</span>
      ) : (
        t.groupDisputeHelpIntake(GROUP_DISPUTE_MIN_PERSONS)
      ),
    [groupTicked, groupAuto, groupDeclined, persons],
  );

  // Stable (the party cards are memoised): it reads the form as it is when a box loses focus.
  const probeDuplicates = useCallback(() => {
    const parties = probeOf(form.getFieldsValue(true) as IntakeFormValues);
    if (!parties.some((p) => p.idNumber || (p.name && p.phone)))
      return setDuplicates(NO_DUPLICATES);
    const seq = ++probeSeq.current;
    api('cases.findDuplicateParties', { parties, excludeCaseId: null }).then(
      // A slower earlier answer must not overwrite a newer one.
      (found) => {
        if (seq === probeSeq.current) setDuplicates((shown) => keepShownDuplicates(shown, found));
      },
      // The warning is a convenience; failing to fetch it must not disturb the intake.
      () => undefined,
    );
  }, [form]);
  const clearDuplicates = useCallback(() => setDuplicates(NO_DUPLICATES), []);

  async function submit() {
    if (saving) return;
    // Kept as it is when already empty: a new empty list would re-render the whole form.
    setProblems((p) => (p.length === 0 ? p : []));
    // The button turns busy before the checks of a long form run (15 parties take a while),
    // so the click is answered at once; the next frame paints it.
    setSaving(true);
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const values = form.getFieldsValue(true) as IntakeFormValues;
    const input = toIntakeInput(values);
    // The shared schema is the whole check (the fields' rules call the same domain checks, and
    // main parses the same schema): when it passes, nothing on screen would change, and antd's
    // validation is skipped. Even when every field passes it redraws them all as it finishes
    // (~800 DOM elements for 15 parties, while the request is on its way and the case page is
    // drawn). When it fails, the fields' rules mark their mistakes beside them first.
    const local = caseIntakeSchema.safeParse(input);
    if (!local.success) {
      const fieldsPass = await form.validateFields().then(
        () => true,
        () => false,
      );
      if (!fieldsPass) {
        setSaving(false);
        message.error(uiText.common.fixFields);
        return;
      }
      const issues = local.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      setProblems(applyFieldIssues(form, issues).filter((i) => !i.path.includes('hasGuardian')));
      setSaving(false);
      message.error(uiText.common.fixFields);
      return;
    }
    try {
      const saved = await api('cases.create', input);
      // The draft's discard is queued before the form unmounts (so no late autosave revives it);
      // the case page need not wait for it, nor load the case the save just returned.
      void autosave.clear();
      message.success(t.saved);
      void navigate(`/cases/${saved.case.id}`, {
        state: { warnings: saved.warnings, saved: saved.case },
      });
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

  // One function for every render: the memoised form's button and onFinish call the latest submit.
  const latestSubmit = useRef(submit);
  useLayoutEffect(() => {
    latestSubmit.current = submit;
  });
  const save = useCallback(() => void latestSubmit.current(), []);
  const savingState = useMemo(() => ({ busy: saving, checking, save }), [saving, checking, save]);

  // Ctrl+Enter saves from any box, so the mouse is never needed between two intakes.
  function onKeyDown(e: KeyboardEvent) {
    // An input method may use Ctrl+Enter itself while composing (keyCode 229 in Chromium).
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  }

  // antd's Form gives every Form.Item a new context object whenever the Form element renders (its
  // merged tooltip is rebuilt each time), so each render of this page redrew all ~225 fields of a
  // 15-party intake: the busy button, the draft banner, the saved toast. The form is one memoised
  // element, rebuilt only when what it shows changes.
  const { onValuesChange } = autosave;
  const formElement = useMemo(
    () => (
      <Form<IntakeFormValues>
        form={form}
        name="intake"
        layout="vertical"
        initialValues={initial}
        requiredMark
        onValuesChange={onValuesChange}
        onFinish={save}
      >
        <Space style={{ marginBottom: 8 }} align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t.partiesSection}
          </Typography.Title>
          <Segmented
            value={partyMode}
            onChange={(v) => setPartyMode(v === 'table' ? 'table' : 'cards')}
            options={[
              { value: 'cards', label: t.modeCards },
              { value: 'table', label: t.modeTable },
            ]}
            data-testid="party-mode"
          />
        </Space>
        {partyMode === 'table' ? (
          <PartyTable
            form={form}
            intakeDate={intakeDate}
            extensions={extensions}
            onBulkChange={onValuesChange}
          />
        ) : (
          <PartyCardList
            form={form}
            intakeDate={intakeDate}
            extensions={extensions}
            duplicates={duplicates}
            onRemoved={clearDuplicates}
            onIdentityBlur={probeDuplicates}
          />
        )}

        <CaseFields
          form={form}
          settings={settings}
          mediators={mediators}
          groupNote={groupNote}
          dateColumn={
            <StartDateItem
              name="intakeDate"
              label={t.intakeDate}
              rules={[zodRule(fields.intakeDate)]}
            />
          }
        />
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
        <SaveButton size="large" />
      </Form>
    ),
    [
      form,
      initial,
      onValuesChange,
      save,
      partyMode,
      intakeDate,
      extensions,
      duplicates,
      clearDuplicates,
      probeDuplicates,
      settings,
      mediators,
      groupNote,
      problems,
    ],
  );

  return (
    <Saving.Provider value={savingState}>
      <div onKeyDown={onKeyDown}>
        <Card
          title={t.title}
          extra={
            <Space>
              <Button onClick={() => void autosave.discard()} tabIndex={-1}>
                {t.reset}
              </Button>
              <SaveButton />
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">{t.keyboardHint}</Typography.Paragraph>
          <RestoredDraftBanner
            title={t.restored}
            savedAt={autosave.restoredAt}
            onDiscard={() => void autosave.discard()}
          />
          {formElement}
        </Card>
      </div>
    </Saving.Provider>
  );
}
