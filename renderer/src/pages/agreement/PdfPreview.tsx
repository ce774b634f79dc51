import { Alert, Button, Space, Spin, Typography } from 'antd';
// The legacy build carries polyfills for newer built-ins (Map.getOrInsertComputed) that
// Electron 45's Chromium 140 lacks; the modern build only runs on Chromium ≥ 145.
import {
  GlobalWorkerOptions,
  PDFWorker,
  getDocument,
  type PDFDocumentProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { uiText } from '../../i18n/zh-CN';
import { base64ToBytes } from './pdf-bytes';

// The worker is a file of our own bundle (worker-src 'self'); no eval (script-src 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

// One pdf.js worker for every preview, kept warm: starting one (and parsing its 1.3 MB script)
// per preview cost the mediator a good part of a second each time. Documents passed an explicit
// worker leave it running when they are destroyed.
let sharedWorker: PDFWorker | null = null;
function pdfWorker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
}

const t = uiText.agreement.preview;
const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
const PAGE_GAP = 12;

function PdfPage({
  doc,
  pageNo,
  cssWidth,
  zoom,
}: {
  doc: PDFDocumentProxy;
  pageNo: number;
  cssWidth: number;
  zoom: number | null;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let cancelRender: (() => void) | null = null;
    void (async () => {
      let page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>;
      try {
        page = await doc.getPage(pageNo);
      } catch (error) {
        // Closing the preview destroys the document while its pages are still coming: pdf.js
        // then rejects them ("Transport destroyed"), which is no error of the page's.
        if (cancelled) return;
        throw error;
      }
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      const scale = zoom ?? cssWidth / natural.width;
      const dpr = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * dpr });
      const canvas = canvasRef.current;
      if (!canvas) return;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.dataset.rendered = 'false';
      setSize({ width: natural.width * scale, height: natural.height * scale });
      const task = page.render({ canvas, viewport });
      cancelRender = () => task.cancel();
      try {
        await task.promise;
        if (!cancelled) canvas.dataset.rendered = 'true';
      } catch {
        // Cancelled by a newer render (zoom or resize); that one marks the canvas.
      }
    })();
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [doc, pageNo, cssWidth, zoom]);

  return (
    <div style={{ textAlign: 'center', marginBottom: PAGE_GAP }}>
      <canvas
        ref={canvasRef}
        aria-label={t.pageLabel(pageNo, doc.numPages)}
        data-testid="pdf-page"
        style={{
          width: size?.width,
          height: size?.height,
          boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
          background: '#fff',
        }}
      />
    </div>
  );
}

/**
 * Renders a PDF's pages to canvases with pdf.js: fit to width by default, or a fixed zoom.
 * The bytes never leave the page; nothing is written anywhere.
 */
export function PdfPreview({ base64, height = 640 }: { base64: string; height?: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(0);
  const [zoom, setZoom] = useState<number | null>(null);

  useEffect(() => {
    setDoc(null);
    setFailed(false);
    const task = getDocument({
      data: base64ToBytes(base64),
      isEvalSupported: false,
      verbosity: 0,
      worker: pdfWorker(),
    });
    task.promise.then(setDoc, () => setFailed(true));
    return () => {
      void task.destroy();
    };
  }, [base64]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const cssWidth = Math.max(200, width - 32);
  const step = (dir: 1 | -1) => {
    const current = zoom ?? 1;
    const index = ZOOM_STEPS.findIndex((z) => z >= current);
    const next = ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, index + dir))];
    setZoom(next ?? 1);
  };

  return (
    <div data-testid="pdf-preview" data-pages={doc?.numPages ?? 0}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text data-testid="pdf-page-count">
          {doc ? t.pages(doc.numPages) : t.loading}
        </Typography.Text>
        <Button
          size="small"
          type={zoom === null ? 'primary' : 'default'}
          onClick={() => setZoom(null)}
        >
          {t.fitWidth}
        </Button>
        <Button size="small" onClick={() => step(-1)}>
          {t.zoomOut}
        </Button>
        <Button size="small" onClick={() => step(1)}>
          {t.zoomIn}
        </Button>
        {zoom !== null ? <Typography.Text>{t.zoom(Math.round(zoom * 100))}</Typography.Text> : null}
      </Space>
      <div
        ref={scroller}
        style={{
          height,
          overflow: 'auto',
          background: '#e8e8e8',
          padding: 16,
          borderRadius: 4,
        }}
      >
        {failed ? <Alert type="error" showIcon title={t.failed} /> : null}
        {!doc && !failed ? <Spin /> : null}
        {doc && width > 0
          ? Array.from({ length: doc.numPages }, (_, i) => (
              <PdfPage key={i} doc={doc} pageNo={i + 1} cssWidth={cssWidth} zoom={zoom} />
            ))
          : null}
      </div>
    </div>
  );
}
