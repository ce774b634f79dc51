import { answerOf, api, apiAhead } from '../api/client';
import { setBootRequests, startBootRequests } from './boot-requests';
import { takeEarlyRequests } from './early-requests';

// The entry's first import, built into a chunk of its own that the entry evaluates before
// React's and antd's (renderer/vite.config.ts): the first requests, sent already by
// public/early-requests.js before any module was fetched (or here, where it did not run), are
// answered while that code runs and the app's first render is drawn.
const early = takeEarlyRequests(
  globalThis as unknown as Record<string, unknown>,
  answerOf,
  api,
  apiAhead,
);
setBootRequests(startBootRequests(early.send, window.location.hash, early.sendAhead));
