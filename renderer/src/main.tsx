// first: the window's first requests leave before React and antd are evaluated
import './app/boot-start';
import './app/ui-font.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './generated/antd-desk.css';
import './app/global.css';
// first, before any schema is built
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { nonceRuntimeStyleElements, readCspNonce } from './app/csp-nonce';

nonceRuntimeStyleElements(readCspNonce());

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
