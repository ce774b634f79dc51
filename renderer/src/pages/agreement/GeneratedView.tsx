import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  MAX_SCAN_BYTES,
  SIGNATURE_MODE_LABELS,
} from '../../../../domain/agreements/agreement-input';
import type {
  Agreement,
  PrintOutcome,
  VerifyReport,
} from '../../../../domain/agreements/agreement-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { chinaDateTime, formatDateTime } from '../../forms/date-field';
import { uiText } from '../../i18n/zh-CN';
import { bytesToBase64, downloadBytes, formatBytes, shortHash } from './pdf-bytes';
import { PdfPreview } from './LazyPdfPreview';
import { ReasonModal } from './ReasonModal';
import { SignaturesModal } from './SignaturesModal';

const t = uiText.agreement.generated;
const dash = uiText.common.dash;
const MAX_SCAN_MB = MAX_SCAN_BYTES / 1024 / 1024;
const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const SCAN_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

interface Props {
  readonly agreement: Agreement;
  readonly onChanged: (next: Agreement) => void;
  readonly onAmended: (draft: Agreement) => void;
  /** Why the case no longer allows an amendment (a closed case), or null. */
  readonly amendRefusal: string | null;
}

/** A generated (frozen), signed or voided agreement: the stored PDF and what is done with it. */
export function GeneratedView({ agreement, onChanged, onAmended, amendRefusal }: Props) {
  const { message } = App.useApp();
  const [pdf, setPdf] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [signing, setSigning] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [amending, setAmending] = useState(false);
  const [verify, setVerify] = useState<VerifyReport | null>(null);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcome | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const g = agreement.generated;

  const loadPdf = useCallback(async () => {
    if (!g) return;
    try {
      setPdf((await api('agreements.pdf', { agreementId: agreement.id })).pdfBase64);
    } catch (e) {
      setPdfError(e);
    }
  }, [agreement.id, g]);

  useEffect(() => {
    void loadPdf();
  }, [loadPdf]);

  async function run(name: string, work: () => Promise<void>) {
    setBusy(name);
    try {
      await work();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const download = () =>
    run('download', async () => {
      const file = await api('agreements.pdf', { agreementId: agreement.id });
      downloadBytes(file.pdfBase64, file.fileName, 'application/pdf');
    });

  const print = () =>
    run('print', async () => {
      const outcome = await api('agreements.print', { agreementId: agreement.id, copies: null });
      setPrintOutcome(outcome);
      if (outcome.printed) message.success(t.printed(outcome.copies));
    });

  const runVerify = () =>
    run('verify', async () => {
      setVerify(await api('agreements.verify', { agreementId: agreement.id }));
    });

  async function onScanChosen(file: File | undefined) {
    setScanError(null);
    if (!file) return;
    if (file.size > MAX_SCAN_BYTES) {
      setScanError(t.attachTooBig(MAX_SCAN_MB));
      return;
    }
    if (!SCAN_TYPES.includes(file.type) && !SCAN_EXTENSIONS.test(file.name)) {
      setScanError(t.attachBadType);
      return;
    }
    await run('attach', async () => {
      const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      try {
        await api('agreements.attachScan', {
          agreementId: agreement.id,
          scan: { fileName: file.name.slice(-120), dataBase64 },
        });
      } catch (e) {
        setScanError(errorMessage(e));
        return;
      }
      message.success(t.attached);
      onChanged(await api('agreements.get', { agreementId: agreement.id }));
    });
  }

  const s = agreement.signatures;
  const signatureRows = [
    ...s.parties.map((p) => ({
      key: `p${p.partyId}`,
      who: uiText.agreement.signatures.party(p.name),
      date: p.date,
      mode: p.mode ? SIGNATURE_MODE_LABELS[p.mode] : null,
    })),
    { key: 'm', who: uiText.agreement.signatures.mediatorDate, date: s.mediatorDate, mode: null },
    { key: 'r', who: uiText.agreement.signatures.recorderDate, date: s.recorderDate, mode: null },
    { key: 's', who: uiText.agreement.signatures.sealDate, date: s.sealDate, mode: null },
  ];
  const deadline = agreement.confirmationDeadline;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {agreement.status === 'VOID' ? (
        <Alert type="error" showIcon title={t.voidInfo(agreement.voidReason ?? '')} />
      ) : (
        <Alert type="info" showIcon title={t.frozen} />
      )}
      {g ? (
        <Card size="small" title={t.title}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t.sha}>
              <Typography.Text
                code
                copyable={{ text: g.pdfSha256 }}
                data-testid="agreement-sha"
                data-sha256={g.pdfSha256}
              >
                {shortHash(g.pdfSha256)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t.code}>
              <Typography.Text strong data-testid="verification-code">
                {g.verificationCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t.bytes}>{formatBytes(g.pdfBytes)}</Descriptions.Item>
            <Descriptions.Item label={t.generatedAt}>
              {formatDateTime(chinaDateTime(g.generatedAt))}
            </Descriptions.Item>
            {agreement.effectiveDate ? (
              <Descriptions.Item label={t.effectiveDate}>
                <Typography.Text strong data-testid="effective-date">
                  {agreement.effectiveDate}
                </Typography.Text>
              </Descriptions.Item>
            ) : null}
            {deadline ? (
              <Descriptions.Item label={t.deadline}>
                <Typography.Text strong data-testid="confirmation-deadline">
                  {deadline.deadline}
                </Typography.Text>
                {deadline.rolledForward ? (
                  <Typography.Text type="secondary" data-testid="deadline-rolled">
                    {t.deadlineRolled(deadline.nominalDeadline)}
                  </Typography.Text>
                ) : null}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {deadline ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t.deadlineHelp}
            </Typography.Paragraph>
          ) : null}
          <Space wrap style={{ marginTop: 12 }} data-testid="generated-actions">
            {agreement.status !== 'VOID' ? (
              <Button type="primary" loading={busy === 'print'} onClick={() => void print()}>
                {t.print}
              </Button>
            ) : null}
            <Button loading={busy === 'download'} onClick={() => void download()}>
              {t.download}
            </Button>
            {agreement.status === 'GENERATED' ? (
              <Button type="primary" onClick={() => setSigning(true)}>
                {t.sign}
              </Button>
            ) : null}
            <Button loading={busy === 'verify'} onClick={() => void runVerify()}>
              {t.verify}
            </Button>
            {agreement.status === 'GENERATED' || agreement.status === 'SIGNED' ? (
              <Button loading={busy === 'attach'} onClick={() => fileInput.current?.click()}>
                {t.attach}
              </Button>
            ) : null}
            {agreement.status === 'GENERATED' ? (
              <Button danger onClick={() => setVoiding(true)}>
                {uiText.agreement.editor.void}
              </Button>
            ) : null}
            {agreement.status === 'SIGNED' && agreement.supersededById === null ? (
              <Tooltip title={amendRefusal}>
                <Button
                  disabled={amendRefusal !== null}
                  data-testid="agreement-amend"
                  onClick={() => setAmending(true)}
                >
                  {uiText.agreement.editor.amend}
                </Button>
              </Tooltip>
            ) : null}
          </Space>
          <input
            ref={fileInput}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            hidden
            data-testid="scan-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              void onScanChosen(file);
            }}
          />
          <div>
            <Typography.Text type="secondary">{t.attachHelp(MAX_SCAN_MB)}</Typography.Text>
          </div>
          {scanError ? (
            <Alert type="error" showIcon title={scanError} data-testid="scan-error" />
          ) : null}
          {printOutcome && !printOutcome.printed ? (
            <Alert
              style={{ marginTop: 8 }}
              type="warning"
              showIcon
              data-testid="print-outcome"
              title={printOutcome.message}
              action={
                <Button size="small" onClick={() => void download()}>
                  {t.download}
                </Button>
              }
            />
          ) : null}
          {verify ? (
            <Alert
              style={{ marginTop: 8 }}
              type={verify.ok ? 'success' : 'error'}
              showIcon
              data-testid="verify-report"
              title={verify.ok ? t.verifyOk : t.verifyFailed}
              description={
                <>
                  <div>{verify.summary}</div>
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {verify.checks.map((c, i) => (
                      <li key={`${c.item}:${c.attachmentId ?? i}`}>
                        <Tag color={c.ok ? 'green' : 'red'}>{t.verifyItems[c.item]}</Tag>
                        {c.message}
                      </li>
                    ))}
                  </ul>
                </>
              }
            />
          ) : null}
        </Card>
      ) : null}

      <Card size="small" title={t.signaturesTitle}>
        <Table
          size="small"
          pagination={false}
          dataSource={signatureRows}
          data-testid="signature-table"
          columns={[
            { title: t.signer, dataIndex: 'who', key: 'who' },
            {
              title: uiText.agreement.signatures.date,
              key: 'date',
              render: (_, r) =>
                r.date ?? <Typography.Text type="secondary">{t.notSigned}</Typography.Text>,
            },
            {
              title: uiText.agreement.signatures.mode,
              key: 'mode',
              render: (_, r) => r.mode ?? dash,
            },
          ]}
        />
      </Card>

      {agreement.attachments.length > 0 ? (
        <Card size="small" title={t.attachments}>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={[...agreement.attachments]}
            columns={[
              { title: t.scanColumns.fileName, dataIndex: 'fileName', key: 'name' },
              { title: t.scanColumns.type, dataIndex: 'mediaType', key: 'type' },
              { title: t.bytes, key: 'size', render: (_, a) => formatBytes(a.byteLength) },
              { title: t.sha, key: 'sha', render: (_, a) => shortHash(a.sha256) },
            ]}
          />
        </Card>
      ) : null}

      {g ? (
        <Card size="small" title={uiText.agreement.preview.title}>
          {pdfError ? <Alert type="error" showIcon title={errorMessage(pdfError)} /> : null}
          {pdf ? <PdfPreview base64={pdf} /> : null}
        </Card>
      ) : null}

      {signing ? (
        <SignaturesModal
          agreement={agreement}
          onClose={() => setSigning(false)}
          onDone={(next) => {
            setSigning(false);
            if (next.effectiveDate && next.confirmationDeadline) {
              message.success(
                uiText.agreement.signatures.effective(
                  next.effectiveDate,
                  next.confirmationDeadline.deadline,
                ),
              );
            } else {
              message.success(uiText.agreement.signatures.saved);
            }
            onChanged(next);
          }}
        />
      ) : null}
      {voiding ? (
        <ReasonModal
          title={uiText.agreement.editor.voidTitle}
          label={uiText.agreement.editor.voidReason}
          okText={uiText.agreement.editor.void}
          danger
          onClose={() => setVoiding(false)}
          onSubmit={async (reason) => {
            const next = await api('agreements.void', {
              agreementId: agreement.id,
              expectedVersion: agreement.version,
              reason,
            });
            setVoiding(false);
            message.success(uiText.agreement.editor.voided);
            onChanged(next);
          }}
        />
      ) : null}
      {amending ? (
        <ReasonModal
          title={uiText.agreement.editor.amendTitle}
          label={uiText.agreement.editor.amendReason}
          body={uiText.agreement.editor.amendBody}
          okText={uiText.agreement.editor.amend}
          onClose={() => setAmending(false)}
          onSubmit={async (reason) => {
            const draft = await api('agreements.amend', {
              agreementId: agreement.id,
              expectedVersion: agreement.version,
              reason,
            });
            setAmending(false);
            message.success(uiText.agreement.editor.amended);
            onAmended(draft);
          }}
        />
      ) : null}
    </Space>
  );
}
