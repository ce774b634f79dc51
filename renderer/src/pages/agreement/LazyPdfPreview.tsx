import { Spin } from 'antd';
import { lazy, Suspense } from 'react';

// pdf.js (its library and worker) loads when the first preview opens, not with the app.
const Preview = lazy(() => import('./PdfPreview').then((m) => ({ default: m.PdfPreview })));

export function PdfPreview(props: { base64: string; height?: number }) {
  return (
    <Suspense fallback={<Spin data-testid="pdf-preview-loading" />}>
      <Preview {...props} />
    </Suspense>
  );
}
