import { announceRefusal, api, apiAhead } from '../api/client';
import { setBootRequests, startBootRequests } from './boot-requests';

// The entry's first import, built into a chunk of its own that the entry evaluates before
// React's and antd's (renderer/vite.config.ts): the first requests leave before that code has
// run, and their answers come while it runs and the app's first render is drawn.
setBootRequests(startBootRequests(api, window.location.hash, apiAhead, announceRefusal));
