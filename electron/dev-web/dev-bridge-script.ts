import { BRIDGE_GLOBAL_NAME } from '../../domain/api/bridge.js';

export const DEV_BRIDGE_PATH = '/__dev-bridge.js';
export const TOKEN_HEADER = 'x-desk-token';

/**
 * The browser stand-in for the preload: the same `invoke` shape, carried over loopback HTTP.
 * The token arrives in the URL fragment (never sent to the server in requests or logs) and is
 * kept in sessionStorage so a page reload still works.
 */
export const devBridgeScript = `(() => {
  const m = /[#&]token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m) { sessionStorage.setItem('deskToken', m[1]); history.replaceState(null, '', location.pathname); }
  const token = sessionStorage.getItem('deskToken') || '';
  const invoke = async (method, input) => {
    try {
      const res = await fetch('/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', '${TOKEN_HEADER}': token },
        body: JSON.stringify({ method, input }),
      });
      return await res.json();
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接到开发预览服务，请确认 npm run dev:web 仍在运行' } };
    }
  };
  Object.defineProperty(window, '${BRIDGE_GLOBAL_NAME}', { value: Object.freeze({ invoke }), writable: false });
})();
`;
