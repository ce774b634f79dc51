import { Alert, Button, Modal, Space, Spin, Tag } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { DraftIssue, PdfFile } from '../../../../domain/agreements/agreement-views';
import { errorMessage } from '../../components/ErrorPanel';
import { uiText } from '../../i18n/zh-CN';
import { MissingGlyphsChoice } from './MissingGlyphsChoice';
import { downloadBytes } from './pdf-bytes';
import { PdfPreview } from './LazyPdfPreview';
import { PrintStoredControls, type StoredPrintTarget } from './PrintStoredControls';

const t = uiText.agreement.documents;

/** What the modal says about the stored version it shows. */
export interface FrozenNote {
  readonly text: string;
  /** A later version exists: shown as a warning with the register's explanation. */
  readonly superseded?: string;
}

/**
 * A paper frozen in one of the print registers, previewed in-app: the register note, the
 * printable-text warnings, the missing-glyph choice, print-and-record controls and the PDF.
 * Every printed paper (case documents, the claim sheet, the mediator's 登记表) opens in it.
 * `load` must keep its identity while the same paper is meant (wrap it in useCallback).
 */
export function FrozenPdfModal<T extends PdfFile & { readonly issues?: readonly DraftIssue[] }>({
  title,
  load,
  note,
  printTarget,
  onClose,
  onLoaded,
  testIds = {},
  children,
}: {
  title: string;
  load: (allowMissingGlyphs: boolean) => Promise<T>;
  note: (paper: T) => FrozenNote;
  /** The stored version to print and count copies of; none for papers printed elsewhere. */
  printTarget?: (paper: T) => StoredPrintTarget;
  onClose: () => void;
  onLoaded?: (paper: T) => void;
  testIds?: { readonly body?: string; readonly note?: string; readonly download?: string };
  /**
   * Below the print controls, e.g. the list of earlier versions; `printedRound` grows with
   * every print recorded here, so such a list can reload its copy counts.
   */
  children?: (paper: T, printedRound: number) => ReactNode;
}) {
  const [paper, setPaper] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [allowMissingGlyphs, setAllowMissingGlyphs] = useState(false);
  const [printedRound, setPrintedRound] = useState(0);

  useEffect(() => {
    let current = true;
    setPaper(null);
    setError(null);
    load(allowMissingGlyphs).then(
      (p) => {
        if (!current) return;
        setPaper(p);
        onLoaded?.(p);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
    // onLoaded is a notification, not an input: a new callback must not reload the paper.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, allowMissingGlyphs]);

  const issues = paper?.issues ?? [];
  const missingGlyphs =
    issues.some((i) => i.code === 'MISSING_GLYPHS') ||
    (error !== null && /缺字/.test(errorMessage(error)));
  const shown = paper ? note(paper) : null;

  return (
    <Modal
      open
      title={title}
      width="min(1100px, 95vw)"
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {uiText.common.close}
        </Button>,
        <Button
          key="download"
          type="primary"
          disabled={!paper}
          data-testid={testIds.download}
          onClick={() => paper && downloadBytes(paper.pdfBase64, paper.fileName, 'application/pdf')}
        >
          {t.download}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid={testIds.body}>
        {shown ? (
          <Alert
            type={shown.superseded ? 'warning' : 'info'}
            showIcon
            data-testid={testIds.note}
            title={shown.text}
            description={shown.superseded}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        {issues.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t.issuesTitle}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {issues.map((i, n) => (
                  <li key={`${i.code}:${n}`}>
                    <Tag>{uiText.agreement.editor.levels[i.level]}</Tag>
                    {i.message}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {missingGlyphs || allowMissingGlyphs ? (
          <MissingGlyphsChoice checked={allowMissingGlyphs} onChange={setAllowMissingGlyphs} />
        ) : null}
        {paper && printTarget ? (
          <PrintStoredControls
            target={printTarget(paper)}
            onPrinted={() => setPrintedRound((n) => n + 1)}
          />
        ) : null}
        {paper && children ? children(paper, printedRound) : null}
        {!paper && !error ? <Spin /> : null}
        {paper ? (
          <PdfPreview base64={paper.pdfBase64} height={Math.max(360, window.innerHeight - 300)} />
        ) : null}
      </Space>
    </Modal>
  );
}
