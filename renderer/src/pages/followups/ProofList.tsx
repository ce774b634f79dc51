import { Alert, Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { FollowUp } from '../../../../domain/followups/followup-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';
import { readScanFile, SCAN_ACCEPT } from '../../forms/scan-file';
import { downloadBytes } from '../agreement/pdf-bytes';

const t = uiText.followUps.panel;

/** Proofs of performance of one recorded visit: download, and upload a new one. */
export function ProofList({ visit, onAdded }: { visit: FollowUp; onAdded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File | undefined) {
    setError(null);
    if (!file) return;
    setBusy(true);
    try {
      const read = await readScanFile(file);
      if (!read.ok) {
        setError(read.message);
        return;
      }
      await api('followups.attachProof', { followUpId: visit.id, proof: read.scan });
      onAdded();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function download(proofId: number) {
    const f = await api('followups.proof', { proofId });
    downloadBytes(f.dataBase64, f.fileName, f.mediaType);
  }

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text type="secondary">{t.proofs}：</Typography.Text>
        {visit.proofs.map((p) => (
          <Button key={p.id} size="small" type="link" onClick={() => void download(p.id)}>
            {p.fileName}
          </Button>
        ))}
        <Button size="small" loading={busy} onClick={() => input.current?.click()}>
          {t.addProof}
        </Button>
      </Space>
      <input
        ref={input}
        type="file"
        hidden
        accept={SCAN_ACCEPT}
        data-testid={`proof-input-${visit.id}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          void upload(file);
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.proofHelp}
      </Typography.Text>
      {error ? <Alert type="error" showIcon title={error} data-testid="proof-error" /> : null}
    </Space>
  );
}
