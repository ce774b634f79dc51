import './app/ui-font.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './generated/antd-desk.css';
import './app/global.css';
// first, before any schema is built
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App } from './app/App';
import { setBootRequests, startBootRequests } from './app/boot-requests';
import { nonceRuntimeStyleElements, readCspNonce } from './app/csp-nonce';

nonceRuntimeStyleElements(readCspNonce());
// Before React mounts: the first answers are on their way while the app's first render runs.
setBootRequests(startBootRequests(api, window.location.hash));

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
