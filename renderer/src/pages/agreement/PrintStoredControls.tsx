import { Alert, App, Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import type { PrintOutcome } from '../../../../domain/agreements/agreement-views';
import { api } from '../../api/client';
import { errorMessage } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';

const t = uiText.printRegister;

/** A stored version in the case print register or the mediator print register. */
export type StoredPrintTarget =
  { readonly printedDocumentId: number } | { readonly mediatorPrintedId: number };

/**
 * Prints a version stored in a print register and records the copies. Where the host has no
 * print route (dev:web) the mediator prints the downloaded PDF and records the copies here.
 */
export function PrintStoredControls({
  target,
  onPrinted,
}: {
  target: StoredPrintTarget;
  onPrinted?: () => void;
}) {
  const { message } = App.useApp();
  const [copies, setCopies] = useState(1);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const print = () =>
    run(async () => {
      const result =
        'printedDocumentId' in target
          ? await api('documents.print', { printedDocumentId: target.printedDocumentId, copies })
          : await api('mediators.print', { mediatorPrintedId: target.mediatorPrintedId, copies });
      setOutcome(result);
      if (result.printed) {
        message.success(t.printed(result.copies));
        onPrinted?.();
      }
    });

  const record = () =>
    run(async () => {
      if ('printedDocumentId' in target) {
        await api('documents.recordPrint', { printedDocumentId: target.printedDocumentId, copies });
      } else {
        await api('mediators.recordPrint', { mediatorPrintedId: target.mediatorPrintedId, copies });
      }
      setOutcome(null);
      message.success(t.recorded(copies));
      onPrinted?.();
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t.copies}</span>
        <InputNumber
          min={1}
          max={99}
          precision={0}
          value={copies}
          onChange={(v) => setCopies(typeof v === 'number' ? v : 1)}
          data-testid="print-copies"
        />
        <Button loading={busy} onClick={() => void print()} data-testid="print-stored">
          {t.print}
        </Button>
        {outcome && !outcome.printed && outcome.reason === 'NO_PRINTER' ? (
          <Button loading={busy} onClick={() => void record()} data-testid="record-print">
            {t.recordManual}
          </Button>
        ) : null}
      </Space>
      {outcome && !outcome.printed ? (
        <Alert
          type={outcome.reason === 'FAILED' ? 'error' : 'info'}
          showIcon
          title={outcome.message}
        />
      ) : null}
    </Space>
  );
}
