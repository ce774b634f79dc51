// The window's first requests, sent as soon as the page is parsed this far: before the entry's
// module graph (a megabyte of scripts) is fetched, compiled and run, and so before React's and
// antd's code (issue 13, the 工作台 reload). renderer/src/app/early-requests.ts hands their
// answers to the entry, which decides on them as it would on its own (app/boot-requests.ts);
// where this did not run, the entry sends them itself. The board is asked for only where the
// address opens the 工作台 (asksForBoard in boot-requests.ts; a unit test holds both to the same
// addresses); the core's desk door refuses it to a locked or signed-out desk before anything is
// read. A plain script from the app's own origin (the CSP's script-src 'self'), loaded after the
// bridge (the preload, or dev:web's bridge script).
(() => {
  const bridge = globalThis.mediationDesk;
  if (!bridge || typeof bridge.invoke !== 'function') return;
  const path = globalThis.location.hash.replace(/^#/, '').split('?')[0] || '';
  const route = path.startsWith('/') ? path : '';
  const sent = {
    'system.status': bridge.invoke('system.status', {}),
    'accounts.session': bridge.invoke('accounts.session', {}),
  };
  if (route === '' || route === '/' || route === '/dashboard')
    sent['dashboard.get'] = bridge.invoke('dashboard.get', {});
  globalThis.__deskEarlyRequests = sent;
})();
